package org.marketlake.core.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.marketlake.core.error.InvalidRequestException;

/** The bar intervals the lake stores. Intraday timeframes are kept in monthly files, daily ones in yearly files. */
public enum Timeframe {
    S1("1s", Duration.ofSeconds(1)),
    M1("1m", Duration.ofMinutes(1)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    H1("1h", Duration.ofHours(1)),
    D1("1d", Duration.ofDays(1));

    private final String label;
    private final Duration duration;

    Timeframe(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    /** The name used in paths, flags and SQL views: {@code 1s}, {@code 1m}, ..., {@code 1d}. */
    public String label() {
        return label;
    }

    public Duration duration() {
        return duration;
    }

    public long micros() {
        return duration.toNanos() / 1000;
    }

    public boolean isDaily() {
        return this == D1;
    }

    public static Timeframe parse(String text) {
        for (Timeframe timeframe : values()) {
            if (timeframe.label.equals(text)) {
                return timeframe;
            }
        }
        throw new InvalidRequestException("unknown timeframe [value=" + text + "]: use one of "
                + Arrays.stream(values()).map(Timeframe::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
