package org.marketlake.core.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.marketlake.core.model.Timeframe;

/**
 * When a market trades: its sessions, each keyed by its trading date, over a covered range of dates. Instants
 * are epoch microseconds (the lake's representation); intervals are half-open, {@code [start, end)}.
 *
 * <p>A date or an instant outside {@link #firstDate()}..{@link #lastDate()} is refused with an
 * {@link org.marketlake.core.error.InvalidRequestException} rather than answered with a guess. Get one with
 * {@link TradingCalendars#of(String)}.
 */
public interface TradingCalendar {
    /** The name {@link TradingCalendars#of(String)} knows it by: {@code XNYS}, {@code 24/7}, {@code FX}. */
    String name();

    /** The zone its rules are written in (America/New_York for XNYS and FX, UTC for 24/7). */
    ZoneId zone();

    /** The first date the calendar answers for. */
    LocalDate firstDate();

    /** The last date the calendar answers for. */
    LocalDate lastDate();

    /** The session of trading date {@code date}, or empty when the market does not trade that day. */
    Optional<TradingSession> session(LocalDate date);

    /**
     * Why {@code date} is special, when it is: the holiday or closure on a closed day ({@code Christmas},
     * {@code weekend}), the reason for an early close ({@code Christmas Eve}); empty on a regular session.
     */
    Optional<String> note(LocalDate date);

    /** The sessions whose trading date is in {@code first..last} (both inclusive), in order. */
    List<TradingSession> sessions(LocalDate first, LocalDate last);

    /** The next {@code count} sessions whose trading date is after {@code date}, in order. */
    List<TradingSession> sessionsAfter(LocalDate date, int count);

    /** The session that holds {@code micros} ({@code open <= micros < close}), or empty when the market is closed then. */
    Optional<TradingSession> sessionAt(long micros);

    /** True when the market trades at {@code micros}. */
    default boolean isOpen(long micros) {
        return sessionAt(micros).isPresent();
    }

    /** The session open at {@code micros}, else the next one to open after it. */
    TradingSession currentOrNextSession(long micros);

    /** The sessions that share at least one instant with {@code [startMicros, endMicros)}, in order. */
    List<TradingSession> sessionsOverlapping(long startMicros, long endMicros);

    /**
     * True when {@code [startMicros, endMicros)} shares at least one instant with a session: the test for keeping
     * a bar under market hours (the 09:00-10:00 bar overlaps a 09:30 open).
     */
    default boolean overlapsSession(long startMicros, long endMicros) {
        return !sessionsOverlapping(startMicros, endMicros).isEmpty();
    }

    /**
     * The timestamps of the {@code count} bars of {@code timeframe} that follow the bar stamped {@code barMicros},
     * stepping only through open time. Intraday bars start on multiples of their length since the epoch (as the
     * lake stores them) and count as open when their interval overlaps a session, so a closed night, weekend or
     * holiday is skipped and the first bar of the next session is the one holding its open. Daily bars are
     * stamped at 00:00 UTC of their trading date; the next ones are those of the following sessions.
     */
    long[] barsAfter(long barMicros, Timeframe timeframe, int count);
}
