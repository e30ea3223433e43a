package org.marketlake.sources.jdbc;

import org.marketlake.core.error.InvalidRequestException;

/** The unit of integer (epoch) timestamps in a source column. */
enum TimestampUnit {
    SECONDS("s", 1_000_000L, 1),
    MILLISECONDS("ms", 1_000L, 1),
    MICROSECONDS("us", 1L, 1),
    NANOSECONDS("ns", 1L, 1_000);

    private final String label;
    private final long multiply;
    private final long divide;

    TimestampUnit(String label, long multiply, long divide) {
        this.label = label;
        this.multiply = multiply;
        this.divide = divide;
    }

    public String label() {
        return label;
    }

    /** Epoch microseconds, floored (finer input is truncated toward the past, as everywhere in the lake). */
    public long toMicros(long value) {
        return divide == 1 ? Math.multiplyExact(value, multiply) : Math.floorDiv(value, divide);
    }

    /** The epoch value in this unit of {@code micros} (the first value of this unit at or after it). */
    public long fromMicros(long micros) {
        return divide == 1 ? Math.floorDiv(micros, multiply) : Math.multiplyExact(micros, divide);
    }

    public static TimestampUnit parse(String text) {
        for (TimestampUnit unit : values()) {
            if (unit.label.equals(text)) {
                return unit;
            }
        }
        throw new InvalidRequestException("unknown timestamp unit [value=" + text + "]: use s, ms, us or ns");
    }
}
