package org.marketlake.core.time;

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
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Micros;

/**
 * Turns timestamp text into epoch microseconds the way every command reads input:
 * <ul>
 *   <li>ISO-8601 with {@code Z} or an offset ({@code 2024-01-02T14:30:00Z}, {@code 2024-01-02 09:30:00.5-05:00}),
 *       fractions up to nanoseconds, floored to the microsecond;</li>
 *   <li>without an offset only when a zone is given ({@code --tz}); a local time that a daylight-saving switch
 *       skips moves forward by the gap, one that repeats takes the earlier offset (java.time's rules);</li>
 *   <li>integers only when a unit is given ({@code --epoch-unit s|ms|us|ns});</li>
 *   <li>a bare date {@code YYYY-MM-DD} as midnight UTC (or midnight in the zone, when given), only where
 *       dates are allowed (daily bars, query bounds).</li>
 * </ul>
 * A missing offset or unit is a usage error (exit 2); text that is no timestamp at all is an
 * {@link IllegalArgumentException} for the caller to report with its file, row and column.
 */
public final class TimestampParser {
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

    /** 1971-01-01T00:00Z: an epoch integer before it was most likely given in a coarser unit than it counts. */
    public static final long PLAUSIBLE_FROM = 31_536_000_000_000L;
    /** 2100-01-01T00:00Z (exclusive): an epoch integer from then on was most likely given in a finer unit than it counts. */
    public static final long PLAUSIBLE_UNTIL = 4_102_444_800_000_000L;

    private final ZoneId zone;
    private final EpochUnit unit;
    private final boolean datesAllowed;
    private final boolean anyDate;

    private TimestampParser(ZoneId zone, EpochUnit unit, boolean datesAllowed, boolean anyDate) {
        this.zone = zone;
        this.unit = unit;
        this.datesAllowed = datesAllowed;
        this.anyDate = anyDate;
    }

    /** @param zone the {@code --tz} zone or null; @param unit the {@code --epoch-unit} or null */
    public static TimestampParser of(ZoneId zone, EpochUnit unit) {
        return new TimestampParser(zone, unit, false, false);
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

    /**
     * An integer epoch value (a CSV field of digits, a JSON number, a Parquet integer column) in the unit given.
     * Without a unit it is a usage error; landing outside [1971-01-01, 2100-01-01) UTC, unless any date is
     * allowed, a {@link java.time.DateTimeException} whose message says where it lands.
     */
    public long fromEpoch(long value) {
        if (unit == null) {
            throw new InvalidRequestException("integer timestamp [value=" + value + "] needs --epoch-unit s|ms|us|ns");
        }
        long micros = unit.toMicros(value);
        if (!anyDate && (micros < PLAUSIBLE_FROM || micros >= PLAUSIBLE_UNTIL)) {
            throw new DateTimeException("as " + unit.name().toLowerCase(java.util.Locale.ROOT) + " since 1970 it is " + Micros.format(micros)
                    + ", outside 1971-01-01 to 2099-12-31: check --epoch-unit, or give --allow-any-date");
        }
        return micros;
    }

    public static ZoneId zone(String text) {
        try {
            return text == null ? null : ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new InvalidRequestException("unknown time zone [value=" + text + "]: use an IANA name such as America/New_York or UTC");
        }
    }

    public long parse(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty timestamp");
        }
        if (isInteger(value)) {
            return fromEpoch(Long.parseLong(value));
        }
        if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
            if (!datesAllowed) {
                throw new IllegalArgumentException("a date without a time: " + value);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("not a date: " + value);
            }
            return Micros.of(date.atStartOfDay(zone == null ? ZoneOffset.UTC : zone).toInstant());
        }
        TemporalAccessor parsed;
        try {
            parsed = FORMAT.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not an ISO-8601 timestamp: " + value);
        }
        if (parsed instanceof OffsetDateTime offsetDateTime) {
            return Micros.of(offsetDateTime.toInstant());
        }
        LocalDateTime local = (LocalDateTime) parsed;
        if (zone == null) {
            throw new InvalidRequestException("timestamp without an offset [value=" + value + "]: add Z or an offset, or say what it means with --tz ZONE");
        }
        return Micros.of(local.atZone(zone).toInstant());
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
