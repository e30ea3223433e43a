package org.marketlake.sources.alpaca;

/**
 * What one unit of work did: one symbol's records of one lake file's period (a UTC month; a year for daily API bars).
 *
 * @param records records received; {@code repeated} of them were dropped as repeats of the previous page
 * @param rejected records the aggregation refused (for example a non-positive price)
 * @param added rows the lake files gained; {@code replaced} and {@code unchanged} as the lake's merge reports them
 */
public record UnitSummary(String symbol, String period, Status status, int pages, long records, long repeated, long rejected,
        long added, long replaced, long unchanged, double seconds) {

    public enum Status {
        FETCHED,
        /** Finished by an earlier run (recorded under {@code <root>/.marketlake/import-api/}); not fetched again. */
        DONE_EARLIER
    }

    /** The progress line: {@code AAPL 2024-11: 3 pages, 25000 records (0 repeated, 0 rejected), 12500 records/s}. */
    public String line() {
        if (status == Status.DONE_EARLIER) {
            return symbol + " " + period + ": done earlier, not fetched again";
        }
        return String.format("%s %s: %d pages, %d records (%d repeated, %d rejected), lake +%d ~%d =%d, %.0f records/s",
                symbol, period, pages, records, repeated, rejected, added, replaced, unchanged, seconds > 0 ? records / seconds : 0.0);
    }
}
