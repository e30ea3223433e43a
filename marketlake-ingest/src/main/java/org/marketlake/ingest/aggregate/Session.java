package org.marketlake.ingest.aggregate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.marketlake.core.calendar.TradingCalendar;
import org.marketlake.core.calendar.TradingCalendars;
import org.marketlake.core.calendar.TradingSession;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Micros;

/**
 * Which part of a day a daily bar covers ({@code --session}). A trading date's window is
 * {@code [open, close)} in the session's zone, so daylight-saving days are right: the regular session is
 * 13:30 to 20:00 UTC in summer and 14:30 to 21:00 UTC in winter.
 */
public enum Session {
    /** XNYS's regular session, 09:30 to 16:00 America/New_York (13:00 on early closes), the default. */
    REGULAR("regular", null, null, ZoneId.of("America/New_York")), // hours from the calendar
    /** 04:00 to 20:00 America/New_York on XNYS trading days (17:00 on early closes): pre-market, regular and after-hours. */
    EXTENDED("extended", LocalTime.of(4, 0), LocalTime.of(20, 0), ZoneId.of("America/New_York")),
    /** The whole UTC calendar day, for crypto and FX. */
    UTC("utc", LocalTime.MIDNIGHT, null, ZoneOffset.UTC);

    private static final TradingCalendar XNYS = TradingCalendars.of(TradingCalendars.XNYS);
    private static final LocalTime EARLY_CLOSE_EXTENDED_END = LocalTime.of(17, 0);

    private final String label;
    private final LocalTime open;
    private final LocalTime close;
    private final ZoneId zone;

    Session(String label, LocalTime open, LocalTime close, ZoneId zone) {
        this.label = label;
        this.open = open;
        this.close = close;
        this.zone = zone;
    }

    /** {@code [startMicros, endMicros)} of one trading date. */
    public record Window(long startMicros, long endMicros) {
        public Window {
            if (endMicros <= startMicros) {
                throw new IllegalArgumentException("empty session window " + startMicros + ".." + endMicros);
            }
        }
    }

    public String label() {
        return label;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The instants of {@code date}'s session, or empty when the market does not trade that date. The regular and
     * extended sessions follow the XNYS calendar (one definition of the New York session, with its holidays and
     * 13:00 early closes; extended hours end at 17:00 on an early close); the UTC session is every calendar day.
     */
    public java.util.Optional<Window> window(LocalDate date) {
        if (this == UTC) {
            return java.util.Optional.of(new Window(Micros.of(date.atStartOfDay(zone).toInstant()),
                    Micros.of(date.plusDays(1).atStartOfDay(zone).toInstant())));
        }
        java.util.Optional<TradingSession> trading = XNYS.session(date);
        if (trading.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (this == REGULAR) {
            return java.util.Optional.of(new Window(Micros.of(trading.get().open()), Micros.of(trading.get().close())));
        }
        LocalTime end = trading.get().earlyClose() ? EARLY_CLOSE_EXTENDED_END : close;
        return java.util.Optional.of(new Window(Micros.of(date.atTime(open).atZone(zone).toInstant()),
                Micros.of(date.atTime(end).atZone(zone).toInstant())));
    }

    public static Session parse(String text) {
        for (Session session : values()) {
            if (session.label.equals(text)) {
                return session;
            }
        }
        throw new InvalidRequestException("unknown session [value=" + text + "]: use regular, extended or utc");
    }

    @Override
    public String toString() {
        return label;
    }
}
