package org.marketlake.core.coverage;

import java.time.LocalDate;
import java.util.List;
import org.marketlake.core.calendar.SymbolCalendars;
import org.marketlake.core.calendar.TradingCalendar;
import org.marketlake.core.calendar.TradingSession;
import org.marketlake.core.error.DataNotFoundException;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.store.Lake;

/**
 * How completely the lake holds a symbol's bars, per trading day of its calendar:
 *
 * <pre>{@code
 * CoverageReport report = Coverage.of(lake, Symbol.of("IBM"), Timeframe.M1);             // symbols.yaml's calendar, stored range
 * CoverageReport july = Coverage.of(lake, Symbol.of("IBM"), Timeframe.M1, TradingCalendars.of("XNYS"),
 *         LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 5));
 * report.days().get(0).expected();  // 390 on a regular XNYS day at 1m, 210 on a 13:00 early close
 * }</pre>
 *
 * A session expects the bars of the timeframe whose interval overlaps it, on their epoch grid as the lake stores
 * them (the 09:00 1h bar holds the 09:30 open); a daily session expects its one bar at 00:00 UTC of the trading
 * date. Days the calendar closes expect nothing, so they are never gaps; one appears only when it holds bars.
 */
public final class Coverage {
    private Coverage() {}

    /** Over the stored range, on the calendar the lake's {@code symbols.yaml} gives the symbol (XNYS without one). */
    public static CoverageReport of(Lake lake, Symbol symbol, Timeframe timeframe) {
        return of(lake, symbol, timeframe, SymbolCalendars.of(lake.root()).of(symbol), null, null);
    }

    /**
     * Over the trading dates {@code first..last} (both inclusive) of {@code calendar}; a null bound is taken from
     * the stored bars: the date of the first (last) one, leaving out a session that closes before the first bar
     * (opens after the last one ends), which lies outside what was stored. Refused when a bound is null and the lake holds no
     * such bars, or when {@code last} is before {@code first}.
     */
    public static CoverageReport of(Lake lake, Symbol symbol, Timeframe timeframe, TradingCalendar calendar, LocalDate first, LocalDate last) {
        java.util.Objects.requireNonNull(calendar, "calendar");
        DataKind kind = DataKind.bars(timeframe);
        if (first == null || last == null) {
            long[] stored = CoverageCount.storedRange(lake, kind, symbol, lake.files(kind, symbol));
            if (stored[0] > stored[1]) {
                throw new DataNotFoundException("no " + timeframe + " bars of " + symbol + " in the lake [root=" + lake.root()
                        + "]: ingest some, or give the dates to check").about("start", "end");
            }
            LocalDate[] dates = CoverageCount.storedDates(calendar, timeframe, stored[0], stored[1]);
            first = first != null ? first : dates[0];
            last = last != null ? last : dates[1];
        }
        if (last.isBefore(first)) {
            throw new InvalidRequestException("the last date " + last + " is before the first " + first).about("start", "end");
        }
        List<TradingSession> sessions = calendar.sessions(first, last);
        return new CoverageCount(lake, symbol, timeframe, calendar, first, last, sessions).report();
    }
}
