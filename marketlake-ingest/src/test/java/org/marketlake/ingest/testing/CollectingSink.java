package org.marketlake.ingest.testing;

import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.model.Micros;
import org.marketlake.ingest.input.Reason;
import org.marketlake.ingest.input.RowSink;

/** Keeps what a reader delivers, as readable lines: {@code 2: 2024-01-02T14:30:00Z 101.5 200.0 null}. */
public final class CollectingSink implements RowSink {
    public final List<String> rows = new ArrayList<>();
    public final List<String> rejected = new ArrayList<>();

    @Override
    public void accept(long timestampMicros, double[] numbers, String text, long line) {
        StringBuilder row = new StringBuilder().append(line).append(": ").append(Micros.format(timestampMicros));
        for (double number : numbers) {
            row.append(' ').append(Double.isNaN(number) ? "null" : Double.toString(number));
        }
        if (text != null) {
            row.append(' ').append(text);
        }
        rows.add(row.toString());
    }

    @Override
    public void reject(Reason reason, long line, String detail) {
        rejected.add(line + ": " + reason.label() + ": " + detail);
    }
}
