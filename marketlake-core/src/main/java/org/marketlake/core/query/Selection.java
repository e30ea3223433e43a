package org.marketlake.core.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.TimeRange;
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
            long start = Micros.of(date.atStartOfDay(zone).toInstant());
            long end = Micros.of(date.plusDays(1).atStartOfDay(zone).toInstant()) - 1;
            return new TimeRange(start, end);
        }
    }

    /** {@code start <= timestamp <= end}. */
    record Range(TimeRange range) implements Selection {}

    /**
     * From {@code --start T --end T}: ISO-8601 instants, or bare dates; a bare date as the end covers that
     * whole day. Times without an offset are read in {@code zone} when given.
     */
    static Range between(String start, String end, ZoneId zone) {
        TimestampParser parser = TimestampParser.allowingDates(zone, null);
        long from = parse(parser, start, "--start");
        long to;
        if (isBareDate(end)) {
            LocalDate day = LocalDate.parse(end.strip());
            to = Micros.of(day.plusDays(1).atStartOfDay(zone == null ? ZoneOffset.UTC : zone).toInstant()) - 1;
        } else {
            to = parse(parser, end, "--end");
        }
        if (from > to) {
            throw new InvalidRequestException("--start " + start + " is after --end " + end);
        }
        return new Range(new TimeRange(from, to));
    }

    private static boolean isBareDate(String text) {
        String value = text.strip();
        return value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-';
    }

    private static long parse(TimestampParser parser, String text, String option) {
        try {
            return parser.parse(text);
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
            return new Date(LocalDate.parse(text.strip()), zone);
        } catch (java.time.format.DateTimeParseException e) {
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
