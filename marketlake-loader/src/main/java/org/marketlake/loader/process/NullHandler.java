package org.marketlake.loader.process;

import java.util.ArrayList;
import java.util.List;
import org.marketlake.loader.config.NullHandling;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

/**
 * {@code processing.null_handling} over the numeric columns:
 * <ul>
 *   <li>{@code forward_fill}: a null takes the last value before it; nulls before the first value stay null and
 *       are reported as leading, not hidden.</li>
 *   <li>{@code interpolate}: linear in time between the values around the null (not in row number, so an
 *       uneven spacing of rows is respected); leading and trailing nulls stay and are reported. It looks at the
 *       next value, so it is for training data, not for a live context.</li>
 *   <li>{@code drop}: rows with a null in any of the columns are removed.</li>
 * </ul>
 */
final class NullHandler {
    private NullHandler() {}

    public record Result(Table table, List<NullReport> reports, int rowsDropped) {}

    public static Result apply(Table table, List<String> columns, NullHandling strategy) {
        return switch (strategy) {
            case FORWARD_FILL, INTERPOLATE -> fill(table, columns, strategy);
            case DROP -> drop(table, columns);
        };
    }

    private static Result fill(Table table, List<String> columns, NullHandling strategy) {
        List<NullReport> reports = new ArrayList<>();
        Table out = table;
        long[] ds = table.ds();
        for (String name : columns) {
            double[] values = table.doubles(name);
            int missing = countMissing(values);
            if (missing == 0) {
                reports.add(new NullReport(name, 0, 0, 0, 0, 0));
                continue;
            }
            double[] filled = values.clone();
            int first = 0;
            while (first < filled.length && Double.isNaN(filled[first])) {
                first++;
            }
            int last = filled.length - 1;
            while (last >= 0 && Double.isNaN(filled[last])) {
                last--;
            }
            int leading = first;
            int trailing = 0;
            if (strategy == NullHandling.FORWARD_FILL) {
                for (int i = first + 1; i < filled.length; i++) {
                    if (Double.isNaN(filled[i])) {
                        filled[i] = filled[i - 1];
                    }
                }
            } else {
                trailing = last < 0 ? 0 : filled.length - 1 - last;
                int previous = first;
                for (int i = first + 1; i <= last; i++) {
                    if (!Double.isNaN(filled[i])) {
                        for (int gap = previous + 1; gap < i; gap++) {
                            double fraction = (double) (ds[gap] - ds[previous]) / (ds[i] - ds[previous]);
                            filled[gap] = filled[previous] + fraction * (filled[i] - filled[previous]);
                        }
                        previous = i;
                    }
                }
            }
            if (last < 0) {
                leading = filled.length;
                trailing = 0;
            }
            reports.add(new NullReport(name, missing, missing - leading - trailing, leading, trailing, 0));
            out = out.with(new TableColumn.Doubles(name, filled));
        }
        return new Result(out, reports, 0);
    }

    private static Result drop(Table table, List<String> columns) {
        boolean[] bad = new boolean[table.rows()];
        List<double[]> arrays = new ArrayList<>();
        for (String name : columns) {
            arrays.add(table.doubles(name));
        }
        List<NullReport> reports = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            double[] values = arrays.get(c);
            int missing = 0;
            int dropped = 0;
            for (int row = 0; row < values.length; row++) {
                if (Double.isNaN(values[row])) {
                    missing++;
                    if (!bad[row]) {
                        dropped++;
                        bad[row] = true;
                    }
                }
            }
            reports.add(new NullReport(columns.get(c), missing, 0, 0, 0, dropped));
        }
        int kept = 0;
        for (boolean b : bad) {
            kept += b ? 0 : 1;
        }
        if (kept == table.rows()) {
            return new Result(table, reports, 0);
        }
        int[] rows = new int[kept];
        int at = 0;
        for (int row = 0; row < bad.length; row++) {
            if (!bad[row]) {
                rows[at++] = row;
            }
        }
        return new Result(table.select(rows), reports, table.rows() - kept);
    }

    static int countMissing(double[] values) {
        int missing = 0;
        for (double value : values) {
            if (Double.isNaN(value)) {
                missing++;
            }
        }
        return missing;
    }
}
