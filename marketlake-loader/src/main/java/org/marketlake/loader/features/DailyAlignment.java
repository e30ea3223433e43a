package org.marketlake.loader.features;

import java.util.PriorityQueue;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

/**
 * Aligns daily values carried on intraday rows (the yield-curve group {@code spread_10Y_2Y_*} with its date
 * column {@code spread_10Y_2Y_date}) to each row as of that row: row i gets the values of the latest date that
 * is not after row i's time, taken only from rows 0..i. A row that carries a date later than itself (a join
 * that leaked tomorrow's value) is not used until its date arrives; before any date has arrived the values are
 * NaN. A daily value counts as known from the start of its date.
 */
final class DailyAlignment {
    private DailyAlignment() {}

    /** Aligns every numeric column that starts with {@code prefix} (the date column's name minus {@code date}). */
    public static Table align(Table table, String dateColumn) {
        if (!table.has(dateColumn) || !(table.column(dateColumn) instanceof TableColumn.Times times)) {
            return table;
        }
        String prefix = dateColumn.endsWith("date") ? dateColumn.substring(0, dateColumn.length() - 4) : dateColumn + "_";
        int[] source = sourceRows(table.ds(), times.micros());
        Table out = table;
        for (String name : table.numericNames()) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            double[] values = table.doubles(name);
            double[] aligned = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                aligned[i] = source[i] < 0 ? Double.NaN : values[source[i]];
            }
            out = out.with(new TableColumn.Doubles(name, aligned));
        }
        return out;
    }

    /** For each row, the row whose values it takes, or -1. */
    static int[] sourceRows(long[] ds, long[] dates) {
        int[] source = new int[ds.length];
        // Rows seen so far whose date has not arrived yet, earliest date first.
        PriorityQueue<long[]> pending = new PriorityQueue<>((x, y) -> Long.compare(x[0], y[0]));
        long bestDate = Long.MIN_VALUE;
        int best = -1;
        for (int i = 0; i < ds.length; i++) {
            if (dates[i] != TableColumn.NULL_TIME) {
                pending.add(new long[] {dates[i], i});
            }
            while (!pending.isEmpty() && pending.peek()[0] <= ds[i]) {
                long[] arrived = pending.poll();
                if (arrived[0] >= bestDate) {
                    bestDate = arrived[0];
                    best = (int) arrived[1];
                }
            }
            source[i] = best;
        }
        return source;
    }
}
