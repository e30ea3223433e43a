package org.marketlake.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.marketlake.core.model.Micros;

/**
 * One trading session of a calendar: the trading date it belongs to and the half-open interval
 * {@code [open, close)} in which the market trades. {@code earlyClose} marks a session that closes before the
 * calendar's regular close (13:00 New York on the day after Thanksgiving, for example).
 */
public record TradingSession(LocalDate date, Instant open, Instant close, boolean earlyClose) {
    public TradingSession {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException("session closes before it opens [date=" + date + ", open=" + open + ", close=" + close + "]");
        }
    }

    public long openMicros() {
        return Micros.of(open);
    }

    public long closeMicros() {
        return Micros.of(close);
    }

    /** True when {@code micros} is in {@code [open, close)}. */
    public boolean contains(long micros) {
        return micros >= openMicros() && micros < closeMicros();
    }

    /** True when {@code [startMicros, endMicros)} shares at least one instant with the session. */
    public boolean overlaps(long startMicros, long endMicros) {
        return startMicros < closeMicros() && endMicros > openMicros();
    }
}
