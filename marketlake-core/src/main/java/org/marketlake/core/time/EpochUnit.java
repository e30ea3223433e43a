package org.marketlake.core.time;

import org.marketlake.core.error.InvalidRequestException;

/** What an integer timestamp counts since 1970-01-01T00:00Z: the value of {@code --epoch-unit}. */
public enum EpochUnit {
    S(1_000_000L, 1),
    MS(1_000L, 1),
    US(1L, 1),
    NS(1L, 1_000L);

    private final long multiply;
    private final long divide;

    EpochUnit(long multiply, long divide) {
        this.multiply = multiply;
        this.divide = divide;
    }

    /** Microseconds, floored (nanoseconds toward the past). */
    public long toMicros(long value) {
        return divide == 1 ? Math.multiplyExact(value, multiply) : Math.floorDiv(value, divide);
    }

    public static EpochUnit parse(String text) {
        return switch (text == null ? "" : text.toLowerCase(java.util.Locale.ROOT)) {
            case "s" -> S;
            case "ms" -> MS;
            case "us" -> US;
            case "ns" -> NS;
            default -> throw new InvalidRequestException("unknown epoch unit [value=" + text + "]: use s, ms, us or ns");
        };
    }
}
