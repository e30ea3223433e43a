package org.marketlake.core.time;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.zone.ZoneRules;
import java.util.List;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Micros;

/**
 * The lake's one timestamp parser: every input reader, source adapter and command line option reads time with it.
 * <ul>
 *   <li>ISO-8601 with {@code Z} or an offset ({@code 2024-01-02T14:30:00Z}, {@code 2024-01-02 09:30:00.5-05:00},
 *       {@code +01}, {@code +0100}, {@code +01:00}), {@code T} or a space between date and time, seconds optional,
 *       fractions up to nanoseconds, floored to the microsecond (toward the past);</li>
 *   <li>without an offset only when a zone is given; a local time that a daylight-saving switch skips
 *       ({@code 2024-03-10T02:30} in New York) is refused, one that it repeats ({@code 2024-11-03T01:30}) takes the
 *       earlier offset (the first of the two instants);</li>
 *   <li>integers only when a unit is given, landing in [1971-01-01, 2100-01-01) unless any date is allowed;</li>
 *   <li>a bare date {@code YYYY-MM-DD} only where dates are allowed: midnight in the zone, or UTC;</li>
 *   <li>impossible dates and times are refused, never moved: {@code 2023-02-29}, {@code 2024-06-31},
 *       {@code 24:00}, {@code 09:60}.</li>
 * </ul>
 * A missing offset or unit is an {@link InvalidRequestException} (a usage error: the caller did not say what the
 * values mean); text that is no timestamp an {@link IllegalArgumentException}, an epoch integer out of the
 * plausible range a {@link DateTimeException}, for the caller to report with its file, row and column.
 *
 * <p>The common case, {@code YYYY-MM-DD[T ]HH:MM:SS[.fraction]} with or without an offset, runs on a byte-level
 * fast path that allocates nothing for an offset or a fixed zone: ingest parses every row with it, and
 * java.time's formatters cost ten times as much. Everything else goes through java.time, strictly resolved.
 */
public final class TimestampParser {
    /** 1971-01-01T00:00Z: an epoch integer before it was most likely given in a coarser unit than it counts. */
    public static final long PLAUSIBLE_FROM = 31_536_000_000_000L;
    /** 2100-01-01T00:00Z (exclusive): an epoch integer from then on was most likely given in a finer unit than it counts. */
    public static final long PLAUSIBLE_UNTIL = 4_102_444_800_000_000L;

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT); // 2024-02-30 is an error, not February 29

    private static final long NOT_FAST = Long.MIN_VALUE;
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L};
    private static final int NO_OFFSET = Integer.MAX_VALUE;
    private static final int BAD_OFFSET = Integer.MIN_VALUE;
    private static final TimestampParser STRICT = new TimestampParser(null, null, false, false);

    private final ZoneId zone;
    private final ZoneRules rules;
    /** Seconds east of UTC when the zone has one fixed offset (UTC, +05:30), else {@link #NO_OFFSET}. */
    private final int fixedOffset;
    private final EpochUnit unit;
    private final boolean datesAllowed;
    private final boolean anyDate;

    private TimestampParser(ZoneId zone, EpochUnit unit, boolean datesAllowed, boolean anyDate) {
        this.zone = zone;
        this.rules = zone == null ? null : zone.getRules();
        this.fixedOffset = rules != null && rules.isFixedOffset() ? rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds() : NO_OFFSET;
        this.unit = unit;
        this.datesAllowed = datesAllowed;
        this.anyDate = anyDate;
    }

    /** Offsets required, integers and bare dates refused. */
    public static TimestampParser strict() {
        return STRICT;
    }

    /** @param zone what text without an offset means, or null; @param unit what integers count, or null */
    public static TimestampParser of(ZoneId zone, EpochUnit unit) {
        return zone == null && unit == null ? STRICT : new TimestampParser(zone, unit, false, false);
    }

    /** As {@link #of}, also accepting a bare date. */
    public static TimestampParser allowingDates(ZoneId zone, EpochUnit unit) {
        return new TimestampParser(zone, unit, true, false);
    }

    /**
     * This parser, also accepting epoch integers that land before 1971 or from 2100 on. Without it such a value
     * is refused: seconds read as milliseconds land in January 1970, milliseconds read as seconds tens of
     * thousands of years ahead, and neither should pass silently.
     */
    public TimestampParser allowingAnyDate() {
        return new TimestampParser(zone, unit, datesAllowed, true);
    }

    public ZoneId zone() {
        return zone;
    }

    public EpochUnit unit() {
        return unit;
    }

    /** An IANA zone name ({@code America/New_York}, {@code UTC}) or null for null. */
    public static ZoneId zone(String text) {
        try {
            return text == null ? null : ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new InvalidRequestException("unknown time zone [value=" + text + "]: use an IANA name such as America/New_York or UTC");
        }
    }

    /** A calendar date {@code YYYY-MM-DD}, strictly ({@code 2023-02-29} is refused). */
    public static LocalDate date(String text) {
        String value = text.strip();
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            throw new IllegalArgumentException("not a date YYYY-MM-DD: " + value);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a date: " + value);
        }
    }

    /**
     * What a command line time means before its zone is known: an instant, a wall-clock date-time or a date
     * ({@link TimePoint}); integers are refused here.
     */
    public static TimePoint point(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty timestamp");
        }
        if (isDate(value)) {
            return new TimePoint.Day(date(value));
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        int end = localEnd(bytes, 0, bytes.length);
        if (end >= 0) {
            wallNanos(bytes, 0, end, bytes.length); // the same words for an hour 24 or a June 31 as in input
        }
        TemporalAccessor parsed = general(value);
        return parsed instanceof OffsetDateTime instant
                ? new TimePoint.At(Micros.of(instant.toInstant()))
                : new TimePoint.WallClock((LocalDateTime) parsed);
    }

    /** Epoch microseconds of {@code text}. */
    public long parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        long fast = fast(bytes, 0, bytes.length);
        return fast != NOT_FAST ? fast : slow(text);
    }

    /** Epoch microseconds of the ASCII text in {@code bytes[from, to)}, without making a String in the common case. */
    public long parse(byte[] bytes, int from, int to) {
        long fast = fast(bytes, from, to);
        return fast != NOT_FAST ? fast : slow(new String(bytes, from, to - from, StandardCharsets.UTF_8));
    }

    /**
     * Epoch nanoseconds of an instant with {@code Z} or an offset (an API's own precision), for years 1678 to
     * 2261, the range of a long of nanoseconds.
     */
    public static long epochNanos(String text) {
        String value = text.strip();
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        int end = localEnd(bytes, 0, bytes.length);
        long wall = end < 0 ? NOT_FAST : wallNanos(bytes, 0, end, bytes.length);
        int offset = end < 0 ? BAD_OFFSET : offset(bytes, end, bytes.length);
        if (wall != NOT_FAST && offset != BAD_OFFSET && offset != NO_OFFSET) {
            return wall - offset * 1_000_000_000L;
        }
        if (!(general(value) instanceof OffsetDateTime instant)) {
            throw new IllegalArgumentException("not an instant with Z or an offset: " + value);
        }
        java.time.Instant at = instant.toInstant();
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    /**
     * An integer epoch value (a CSV field of digits, a JSON number, a Parquet integer column) in the unit given.
     * Without a unit it is a usage error; landing outside [1971-01-01, 2100-01-01) UTC, unless any date is
     * allowed, a {@link DateTimeException} whose message says where it lands.
     */
    public long fromEpoch(long value) {
        if (unit == null) {
            throw new InvalidRequestException("integer timestamp [value=" + value + "] needs its epoch unit: s, ms, us or ns").about("epoch unit");
        }
        long micros = unit.toMicros(value);
        if (!anyDate && (micros < PLAUSIBLE_FROM || micros >= PLAUSIBLE_UNTIL)) {
            throw new DateTimeException("as " + unit.name().toLowerCase(java.util.Locale.ROOT) + " since 1970 it is " + Micros.format(micros)
                    + ", outside 1971-01-01 to 2099-12-31: check the epoch unit, or allow any date");
        }
        return micros;
    }

    /** A zone-less date-time given as microseconds since 1970-01-01T00:00 on the wall clock, in this parser's zone. */
    public long fromWallClock(long wallMicros) {
        long seconds = Math.floorDiv(wallMicros, Micros.PER_SECOND);
        return wallToUtc(seconds, null) * Micros.PER_SECOND + Math.floorMod(wallMicros, Micros.PER_SECOND);
    }

    /** A wall-clock date-time (a JDBC {@code timestamp without time zone}) in this parser's zone, floored to the microsecond. */
    public long fromWallClock(LocalDateTime local) {
        return fromWallClock(Math.addExact(Math.multiplyExact(local.toEpochSecond(ZoneOffset.UTC), Micros.PER_SECOND), local.getNano() / 1000));
    }

    /** A wall-clock date-time in {@code zone}, by the rules above (a skipped time refused, a repeated one the earlier). */
    public static long fromWallClock(LocalDateTime local, ZoneId zone) {
        return of(zone, null).fromWallClock(local);
    }

    private long slow(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty timestamp");
        }
        if (isInteger(value)) {
            return fromEpoch(Long.parseLong(value));
        }
        if (isDate(value)) {
            if (!datesAllowed) {
                throw new IllegalArgumentException("a date without a time: " + value);
            }
            LocalDate date = date(value);
            // The start of that day: midnight, or the first moment after it where a switch skips midnight.
            return zone == null ? date.toEpochDay() * Micros.PER_DAY : Micros.of(date.atStartOfDay(zone).toInstant());
        }
        TemporalAccessor parsed = general(value);
        if (parsed instanceof OffsetDateTime offsetDateTime) {
            return Micros.of(offsetDateTime.toInstant());
        }
        LocalDateTime local = (LocalDateTime) parsed;
        long seconds = wallToUtc(local.toEpochSecond(ZoneOffset.UTC), value);
        return seconds * Micros.PER_SECOND + local.getNano() / 1000;
    }

    private static TemporalAccessor general(String value) {
        int point = value.indexOf('.');
        if (point >= 0 && (point + 1 == value.length() || !Character.isDigit(value.charAt(point + 1)))) {
            throw new IllegalArgumentException("not an ISO-8601 timestamp: " + value); // java.time takes "14:30:00." as whole seconds
        }
        try {
            return FORMAT.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not an ISO-8601 timestamp: " + value);
        }
    }

    /** UTC epoch seconds of wall-clock epoch seconds in this parser's zone; {@code text} (or null) names the value in messages. */
    private long wallToUtc(long wallSeconds, String text) {
        if (zone == null) {
            throw new InvalidRequestException("timestamp without an offset" + (text == null ? "" : " [value=" + text + "]")
                    + ": add Z or an offset, or give the time zone it is in").about("time zone");
        }
        if (fixedOffset != NO_OFFSET) {
            return wallSeconds - fixedOffset;
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(wallSeconds, 0, ZoneOffset.UTC);
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("local time " + (text == null ? local.toString() : text) + " does not exist in " + zone
                    + " (skipped by a daylight-saving switch)");
        }
        // In an overlap the list holds the offset before the switch first: the earlier of the two instants.
        return wallSeconds - offsets.get(0).getTotalSeconds();
    }

    /** The fast path: epoch microseconds, or {@link #NOT_FAST} for anything but date, time and an optional offset. */
    private long fast(byte[] s, int from, int to) {
        int end = localEnd(s, from, to);
        if (end < 0) {
            return NOT_FAST;
        }
        int offset = offset(s, end, to);
        if (offset == BAD_OFFSET) {
            return NOT_FAST;
        }
        long wall = wallNanos(s, from, end, to);
        if (wall == NOT_FAST) {
            return NOT_FAST;
        }
        long wallMicros = Math.floorDiv(wall, 1000L);
        if (offset != NO_OFFSET) {
            return wallMicros - offset * Micros.PER_SECOND;
        }
        if (zone == null) {
            return NOT_FAST; // the slow path words the refusal with the value
        }
        return fromWallClock(wallMicros);
    }

    /** Where {@code YYYY-MM-DD[T ]HH:MM:SS[.digits]} at {@code from} ends, or -1 when the text does not start so. */
    private static int localEnd(byte[] s, int from, int to) {
        if (to - from < 19 || s[from + 4] != '-' || s[from + 7] != '-' || s[from + 13] != ':' || s[from + 16] != ':'
                || (s[from + 10] != 'T' && s[from + 10] != ' ')) {
            return -1;
        }
        int at = from + 19;
        if (at < to && s[at] == '.') {
            int start = ++at;
            while (at < to && s[at] >= '0' && s[at] <= '9') {
                at++;
            }
            if (at == start) {
                return -1;
            }
        }
        return at;
    }

    /**
     * Nanoseconds since 1970-01-01T00:00 on the wall clock of the checked fields in {@code s[from, end)}; NOT_FAST
     * for a year outside 1678..2261 or a non-digit; an out-of-range field is refused here rather than handed on
     * (java.time's lenient resolvers would turn February 30 into the 29th), quoting {@code s[from, to)}.
     */
    private static long wallNanos(byte[] s, int from, int end, int to) {
        int year = digits(s, from, 4);
        int month = digits(s, from + 5, 2);
        int day = digits(s, from + 8, 2);
        int hour = digits(s, from + 11, 2);
        int minute = digits(s, from + 14, 2);
        int second = digits(s, from + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || year < 1678 || year > 2261) {
            return NOT_FAST;
        }
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
            throw new IllegalArgumentException("date or time out of range: " + new String(s, from, to - from, StandardCharsets.UTF_8));
        }
        long nanos = 0;
        int digits = 0;
        for (int at = from + 20; at < end && digits < 9; at++, digits++) {
            nanos = nanos * 10 + (s[at] - '0');
        }
        nanos *= POWERS_OF_TEN[9 - digits];
        long seconds = daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
        return seconds * 1_000_000_000L + nanos;
    }

    /** Seconds east of UTC of {@code Z}, {@code +HH}, {@code +HHMM} or {@code +HH:MM} (or minus) filling {@code s[at, to)}. */
    private static int offset(byte[] s, int at, int to) {
        int rest = to - at;
        if (rest == 0) {
            return NO_OFFSET;
        }
        if (rest == 1 && (s[at] == 'Z' || s[at] == 'z')) {
            return 0;
        }
        byte sign = s[at];
        if (sign != '+' && sign != '-') {
            return BAD_OFFSET;
        }
        int hours;
        int minutes = 0;
        if (rest == 3) {
            hours = digits(s, at + 1, 2);
        } else if (rest == 5) {
            hours = digits(s, at + 1, 2);
            minutes = digits(s, at + 3, 2);
        } else if (rest == 6 && s[at + 3] == ':') {
            hours = digits(s, at + 1, 2);
            minutes = digits(s, at + 4, 2);
        } else {
            return BAD_OFFSET;
        }
        if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
            return BAD_OFFSET;
        }
        int total = hours * 3600 + minutes * 60;
        return sign == '-' ? -total : total;
    }

    /** The decimal value of {@code count} digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(byte[] s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            byte c = s[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static boolean isDate(String value) {
        return value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-';
    }

    private static boolean isInteger(String value) {
        int start = value.charAt(0) == '-' ? 1 : 0;
        if (start == value.length()) {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
