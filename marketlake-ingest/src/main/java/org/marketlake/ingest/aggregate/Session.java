package org.marketlake.ingest.aggregate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Micros;

/**
 * Which part of a day a daily bar covers ({@code --session}). A trading date's window is
 * {@code [open, close)} in the session's zone, so daylight-saving days are right: the regular session is
 * 13:30 to 20:00 UTC in summer and 14:30 to 21:00 UTC in winter.
 */
public enum Session {
    /** 09:30 to 16:00 America/New_York, the default. */
    REGULAR("regular", LocalTime.of(9, 30), LocalTime.of(16, 0), ZoneId.of("America/New_York")),
    /** 04:00 to 20:00 America/New_York: pre-market, regular and after-hours. */
    EXTENDED("extended", LocalTime.of(4, 0), LocalTime.of(20, 0), ZoneId.of("America/New_York")),
    /** The whole UTC calendar day, for crypto and FX. */
    UTC("utc", LocalTime.MIDNIGHT, null, ZoneOffset.UTC);

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

    /** The instants of {@code date}'s session. */
    public Window window(LocalDate date) {
        long start = Micros.of(date.atTime(open).atZone(zone).toInstant());
        long end = close == null
                ? Micros.of(date.plusDays(1).atStartOfDay(zone).toInstant())
                : Micros.of(date.atTime(close).atZone(zone).toInstant());
        return new Window(start, end);
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
