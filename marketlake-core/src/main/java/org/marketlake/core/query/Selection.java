package org.marketlake.core.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.time.TimePoint;

/** Which rows a query asks for: a UTC month, one date (UTC, or in a zone), or an inclusive range. */
public sealed interface Selection permits Selection.Month, Selection.Date, Selection.Range {

    TimeRange range();

    /** A UTC calendar month. */
    record Month(YearMonth month) implements Selection {
        @Override
        public TimeRange range() {
            return TimeRange.of(new org.marketlake.core.model.Period.Month(month));
        }
    }

    /** One calendar date in {@code zone} (UTC when null). */
    record Date(LocalDate date, ZoneId zone) implements Selection {
        public Date {
            zone = zone == null ? ZoneOffset.UTC : zone;
        }

        @Override
        public TimeRange range() {
            TimePoint.Day day = new TimePoint.Day(date);
            return new TimeRange(day.first(zone), day.last(zone));
        }
    }

    /** {@code start <= timestamp <= end}. */
    record Range(TimeRange range) implements Selection {}

    /**
     * From {@code start} to {@code end}, both inclusive: a date as the end covers that whole day. Wall-clock
     * times and dates are read in {@code zone}; a wall-clock time without one is refused.
     */
    static Range between(TimePoint start, TimePoint end, ZoneId zone) {
        long from = start.first(zone);
        long to = end.last(zone);
        if (from > to) {
            throw new InvalidRequestException("the start is after the end [start=" + org.marketlake.core.model.Micros.format(from)
                    + ", end=" + org.marketlake.core.model.Micros.format(to) + "]").about("start", "end");
        }
        return new Range(new TimeRange(from, to));
    }
}
