package org.marketlake.core.query;

import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Symbol;

/**
 * A query over one kind and symbol: a selection of time, optional New York market hours, and the columns to
 * read (only those are read; row groups that cannot match are skipped).
 */
public record LakeQuery(DataKind kind, Symbol symbol, Selection selection, List<String> columns, boolean marketHours) {
    public LakeQuery {
        columns = columns == null ? List.of() : List.copyOf(columns);
        kind.schema().select(columns); // unknown columns fail here, before any file is opened
    }

    public Frame run(Lake lake) {
        return run(lake, null);
    }

    /** As {@link #run(Lake)}, skipping files that fail their check and naming each to {@code skipped} (null: stop at the first). */
    public Frame run(Lake lake, java.util.function.Consumer<String> skipped) {
        List<String> reading = new ArrayList<>(columns);
        boolean addedTimestamp = false;
        if (marketHours && !reading.isEmpty() && !reading.contains(LakeSchema.TIMESTAMP_COLUMN)) {
            reading.add(LakeSchema.TIMESTAMP_COLUMN);
            addedTimestamp = true;
        }
        Frame frame = skipped == null ? lake.read(kind, symbol, selection.range(), reading)
                : lake.read(kind, symbol, selection.range(), reading, skipped);
        if (marketHours) {
            frame = MarketHours.filter(frame);
        }
        return addedTimestamp ? frame.project(columns) : frame;
    }
}
