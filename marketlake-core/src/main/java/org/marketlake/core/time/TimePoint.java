package org.marketlake.core.time;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Micros;

/**
 * A time as a person writes it on the command line ({@link TimestampParser#point}), before the zone is known:
 * an instant, a wall-clock date-time (which needs a zone) or a date (a whole day, in the zone or UTC).
 */
public sealed interface TimePoint permits TimePoint.At, TimePoint.WallClock, TimePoint.Day {

    /** The first microsecond it stands for; {@code zone} null means none was given. */
    long first(ZoneId zone);

    /** The last microsecond it stands for: a date's last microsecond, else {@link #first}. */
    long last(ZoneId zone);

    /** {@code 2024-01-02T14:30:00Z}, {@code 2024-01-02T09:30-05:00}. */
    record At(long micros) implements TimePoint {
        @Override
        public long first(ZoneId zone) {
            return micros;
        }

        @Override
        public long last(ZoneId zone) {
            return micros;
        }
    }

    /** {@code 2024-01-02T09:30}: refused without a zone, and where a daylight-saving switch skips it. */
    record WallClock(LocalDateTime dateTime) implements TimePoint {
        @Override
        public long first(ZoneId zone) {
            if (zone == null) {
                throw new InvalidRequestException("time without an offset [value=" + dateTime
                        + "]: add Z or an offset, or give the time zone it is in").about("time zone");
            }
            try {
                return TimestampParser.fromWallClock(dateTime, zone);
            } catch (IllegalArgumentException skipped) {
                throw new InvalidRequestException(skipped.getMessage());
            }
        }

        @Override
        public long last(ZoneId zone) {
            return first(zone);
        }
    }

    /** {@code 2024-01-02}: from its start to its last microsecond, in the zone (UTC when none is given). */
    record Day(LocalDate date) implements TimePoint {
        @Override
        public long first(ZoneId zone) {
            return Micros.of(date.atStartOfDay(zone == null ? ZoneOffset.UTC : zone).toInstant());
        }

        @Override
        public long last(ZoneId zone) {
            return new Day(date.plusDays(1)).first(zone) - 1;
        }
    }
}
