package org.marketlake.core.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.time.TimePoint;
import org.marketlake.core.time.TimestampParser;

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

    /** One calendar date in {@code zone} (UTC unless {@code --tz} is given). */
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
     * From {@code --start T --end T}, by the lake's one parser ({@link TimestampParser#point}): ISO-8601 instants,
     * or bare dates; a bare date as the end covers that whole day. Times without an offset are read in
     * {@code zone}, and refused without one.
     */
    static Range between(String start, String end, ZoneId zone) {
        long from = point(start, "--start").first(zone);
        long to = point(end, "--end").last(zone);
        if (from > to) {
            throw new InvalidRequestException("--start " + start + " is after --end " + end);
        }
        return new Range(new TimeRange(from, to));
    }

    /** What the lake's parser makes of a bound: a date, an instant, or a wall-clock time that needs the zone. */
    private static TimePoint point(String text, String option) {
        try {
            return TimestampParser.point(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("bad " + option + " [value=" + text + "]: " + e.getMessage() + " (use 2024-01-02 or 2024-01-02T14:30:00Z)");
        }
    }

    static Month month(String text) {
        try {
            return new Month(YearMonth.parse(text.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequestException("bad --month [value=" + text + "]: use YYYY-MM");
        }
    }

    static Date date(String text, ZoneId zone) {
        try {
            return new Date(TimestampParser.date(text), zone);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("bad --date [value=" + text + "]: use YYYY-MM-DD");
        }
    }

    /** Exactly one of month, date, or start+end, as the command line gives them. */
    static Selection fromOptions(String month, String date, String start, String end, ZoneId zone) {
        int given = (month != null ? 1 : 0) + (date != null ? 1 : 0) + (start != null || end != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidRequestException("give exactly one of --month YYYY-MM, --date YYYY-MM-DD, or --start T --end T");
        }
        if (month != null) {
            return month(month);
        }
        if (date != null) {
            return date(date, zone);
        }
        if (start == null || end == null) {
            throw new InvalidRequestException("--start and --end go together");
        }
        return between(start, end, zone);
    }
}
