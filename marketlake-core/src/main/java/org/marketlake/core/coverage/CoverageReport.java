package org.marketlake.core.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;

/**
 * How completely the lake holds one symbol's bars of one timeframe over a range of trading dates, from
 * {@link Coverage#of}: one {@link Day} per session of the calendar (and one per closed day that holds bars), then
 * the {@link Totals}. Instants are epoch microseconds.
 */
public record CoverageReport(Symbol symbol, Timeframe timeframe, String calendar, LocalDate first, LocalDate last,
        List<Day> days, Totals totals) {
    public CoverageReport {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timeframe, "timeframe");
        days = List.copyOf(days);
    }

    /**
     * A run of consecutive expected bars that are missing: {@code startMicros} is the stamp of the first missing
     * bar, {@code lastMicros} that of the last one (inclusive, as a query's {@code end} is), {@code bars} how many.
     * Daily bars are stamped 00:00 UTC of their trading date.
     */
    public record Gap(long startMicros, long lastMicros, long bars) {}

    /**
     * One date. A trading day ({@code trades}) expects the bars of the timeframe whose interval overlaps its
     * session (one for daily bars); {@code present} counts the stored ones among them, {@code outside} the stored
     * bars of that date outside the session (pre- and after-hours). A closed day appears only when it holds bars
     * ({@code outside}); it expects none, so it is never a gap. {@code note} is the calendar's: the holiday, or
     * why the session closes early.
     */
    public record Day(LocalDate date, boolean trades, long expected, long present, long outside, Optional<Gap> longestGap,
            Optional<String> note) {
        public long missing() {
            return expected - present;
        }

        /** {@code present / expected}; empty on a closed day. */
        public Optional<Double> coverage() {
            return expected == 0 ? Optional.empty() : Optional.of((double) present / expected);
        }

        /** A trading day without a single bar in its session. */
        public boolean missingDay() {
            return trades && present == 0;
        }
    }

    /**
     * Sums over the range: {@code days} trading days, their expected, present and missing bars, bars outside the
     * sessions, {@code missingDays} (trading days with no bar in the session), {@code closedDaysWithBars}, and the
     * longest gap in open time (a gap that runs to a session's close continues at the next session's open).
     */
    public record Totals(int days, long expected, long present, long outside, int missingDays, int closedDaysWithBars,
            Optional<Gap> longestGap) {
        public long missing() {
            return expected - present;
        }

        public Optional<Double> coverage() {
            return expected == 0 ? Optional.empty() : Optional.of((double) present / expected);
        }
    }
}
