package org.marketlake.sources.jdbc;

import java.util.Map;
import java.util.TreeMap;

/**
 * What became of the source rows of one lake file (kind, symbol, month or year): rows read, rows written to the
 * lake, rows rejected by reason. For an exported period {@code read == written + rejected} always holds (the
 * export checks it and fails loudly otherwise).
 *
 * @param kind the lake view name ({@code bars_1m}, {@code quotes})
 * @param period {@code 2024-01} (or {@code 2024} for daily bars); {@code -} for rows that have no usable timestamp
 * @param added rows new to the lake file; {@code replaced} and {@code unchanged} as the lake's merge reports them
 */
record PeriodSummary(String kind, String symbol, String period, Status status, long read, long written,
        Map<String, Long> rejected, long added, long replaced, long unchanged) {

    public enum Status {
        /** Read, checked and written to the lake in this run. */
        EXPORTED,
        /** Finished by an earlier run (recorded under {@code <root>/.marketlake/}); not read or written again. */
        DONE_EARLIER,
        /** Rows that belong to no period (no usable timestamp or symbol): all rejected. */
        REJECTED_ONLY
    }

    public PeriodSummary {
        rejected = Map.copyOf(new TreeMap<>(rejected));
    }

    public long rejectedCount() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean balanced() {
        return read == written + rejectedCount();
    }
}
