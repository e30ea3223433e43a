package org.marketlake.core.model;

import java.time.Instant;
import org.marketlake.core.error.InvalidRequestException;

/**
 * An inclusive range of UTC instants in epoch microseconds: {@code timestamp >= start AND timestamp <= end},
 * the design's query semantics.
 */
public record TimeRange(long startMicros, long endMicros) {
    public static final TimeRange ALL = new TimeRange(Long.MIN_VALUE, Long.MAX_VALUE);

    public TimeRange {
        if (startMicros > endMicros) {
            throw new InvalidRequestException("time range is empty: start " + Micros.format(startMicros) + " is after end " + Micros.format(endMicros));
        }
    }

    public static TimeRange between(Instant start, Instant endInclusive) {
        return new TimeRange(Micros.of(start), Micros.of(endInclusive));
    }

    /** The range covering a whole period, [start, end). */
    public static TimeRange of(Period period) {
        return new TimeRange(period.startMicros(), period.endMicros() - 1);
    }

    public boolean contains(long micros) {
        return micros >= startMicros && micros <= endMicros;
    }

    public boolean overlaps(long minMicros, long maxMicros) {
        return maxMicros >= startMicros && minMicros <= endMicros;
    }
}
