package org.marketlake.ingest.testing;

import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;

/** A frame as readable lines (every column after {@code symbol}, nulls as {@code null}), so tests compare tables. */
public final class FrameText {
    private FrameText() {}

    public static List<String> lines(Frame frame) {
        List<String> lines = new ArrayList<>();
        for (int row = 0; row < frame.size(); row++) {
            StringBuilder line = new StringBuilder(Micros.format(frame.timestamps()[row]));
            for (int column = 0; column < frame.columns().size(); column++) {
                String name = frame.columns().get(column).name();
                if (name.equals(LakeSchema.SYMBOL) || name.equals(LakeSchema.TIMESTAMP_COLUMN)) {
                    continue;
                }
                Object value = frame.value(column, row);
                line.append(' ').append(value == null ? "null" : value.toString());
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
