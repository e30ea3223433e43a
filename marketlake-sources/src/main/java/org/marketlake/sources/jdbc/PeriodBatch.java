package org.marketlake.sources.jdbc;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Period;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;

/**
 * The accepted rows of one lake file (kind, symbol, period) as they stream in, with the count of rows read and
 * rejected. {@link #close} settles duplicate timestamps and gives the rows to write, sorted.
 */
final class PeriodBatch {
    private final SourceTable table;
    private final Symbol symbol;
    private final Period period;
    private final Frame.Builder rows;
    private final Map<String, Long> rejected = new TreeMap<>();
    private long read;

    PeriodBatch(SourceTable table, Symbol symbol, Period period) {
        this.table = table;
        this.symbol = symbol;
        this.period = period;
        this.rows = Frame.builder(table.kind(), symbol, 1024);
    }

    Period period() {
        return period;
    }

    Map<String, Long> rejected() {
        return rejected;
    }

    long read() {
        return read;
    }

    void accept(SourceRow row) {
        read++;
        row.appendTo(rows);
    }

    void reject(Rejection rejection, long timestamp, Rejections examples) {
        read++;
        rejected.merge(rejection.reason(), 1L, Long::sum);
        examples.example(rejection, table.mapping().table(), symbol.value(), timestamp);
    }

    /**
     * The rows to write, sorted by timestamp. Rows sharing a timestamp are settled without guessing (a database
     * returns ties in no defined order): identical copies keep one row and reject the others as
     * {@code duplicate_timestamp}; copies that differ are all rejected as {@code conflicting_duplicate}.
     */
    Frame close(Rejections examples) {
        Frame all = rows.build();
        int[] order = all.sortOrder();
        long[] timestamps = all.timestamps();
        int[] kept = new int[order.length];
        int keptCount = 0;
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            while (end < order.length && timestamps[order[end]] == timestamps[order[start]]) {
                end++;
            }
            if (end - start == 1) {
                kept[keptCount++] = order[start];
            } else if (identical(all, order, start, end)) {
                kept[keptCount++] = order[start];
                for (int i = start + 1; i < end; i++) {
                    rejected.merge(Rejection.DUPLICATE_TIMESTAMP, 1L, Long::sum);
                    examples.example(new Rejection(Rejection.DUPLICATE_TIMESTAMP, "timestamp", "identical copy"),
                            table.mapping().table(), symbol.value(), timestamps[order[i]]);
                }
            } else {
                for (int i = start; i < end; i++) {
                    rejected.merge(Rejection.CONFLICTING_DUPLICATE, 1L, Long::sum);
                    examples.example(new Rejection(Rejection.CONFLICTING_DUPLICATE, "timestamp", (end - start) + " rows differ"),
                            table.mapping().table(), symbol.value(), timestamps[order[i]]);
                }
            }
            start = end;
        }
        return all.select(java.util.Arrays.copyOf(kept, keptCount));
    }

    private static boolean identical(Frame frame, int[] order, int start, int end) {
        for (int i = start + 1; i < end; i++) {
            for (int column = 0; column < frame.columns().size(); column++) {
                if (!Objects.equals(frame.value(column, order[start]), frame.value(column, order[i]))) {
                    return false;
                }
            }
        }
        return true;
    }

    TimeRange range() {
        return TimeRange.of(period);
    }
}
