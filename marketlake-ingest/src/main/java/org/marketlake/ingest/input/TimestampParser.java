package org.marketlake.ingest.input;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;
import org.marketlake.core.UsageException;

/**
 * Turns input timestamps into epoch microseconds, with the lake's rules:
 * <ul>
 *   <li>ISO-8601 with {@code Z} or an offset ({@code 2024-01-02T14:30:00.123Z}, {@code 2024-01-02 09:30:00-05:00});
 *       a {@code T} or a space between date and time; up to nine fraction digits, floored to the microsecond.</li>
 *   <li>Without an offset only when a zone is given ({@code --tz}); otherwise the whole ingest is refused
 *       ({@link UsageException}, exit 2). A local time that does not exist in the zone (the spring-forward gap)
 *       rejects the row; an ambiguous one (the autumn overlap) takes the earlier offset, the first occurrence.</li>
 *   <li>Bare integers (and decimals) only with an epoch unit ({@code --epoch-unit s|ms|us|ns}), likewise refused
 *       without one.</li>
 * </ul>
 * A value that is none of these throws {@link IllegalArgumentException}: the row is rejected, the ingest goes on.
 */
public final class TimestampParser {
    private final ZoneId zone;
    private final EpochUnit unit;
    private final ZoneRules rules;

    private TimestampParser(ZoneId zone, EpochUnit unit) {
        this.zone = zone;
        this.unit = unit;
        this.rules = zone == null ? null : zone.getRules();
    }

    /** Offsets required, integers refused. */
    public static TimestampParser strict() {
        return new TimestampParser(null, null);
    }

    /** @param zone what offset-less timestamps mean, or null; @param unit what integers count, or null */
    public static TimestampParser of(ZoneId zone, EpochUnit unit) {
        return new TimestampParser(zone, unit);
    }

    public ZoneId zone() {
        return zone;
    }

    public EpochUnit unit() {
        return unit;
    }

    /** Epoch microseconds of {@code text}; see the class comment for what is accepted. */
    public long parse(String text) {
        String value = text.strip();
        int length = value.length();
        if (length == 0) {
            throw new IllegalArgumentException("empty timestamp");
        }
        char first = value.charAt(0);
        if (length >= 16 && value.charAt(4) == '-') {
            return parseIso(value);
        }
        if (first == '-' || first == '+' || (first >= '0' && first <= '9')) {
            return parseNumber(value);
        }
        throw new IllegalArgumentException("not a timestamp: " + value);
    }

    /** An integer epoch value, in the configured unit. */
    public long fromEpoch(long value) {
        return requireUnit(Long.toString(value)).toMicros(value);
    }

    /** A local date-time in the configured zone. */
    public long fromLocal(LocalDateTime local, String original) {
        if (rules == null) {
            throw new UsageException("timestamp without an offset [value=" + original
                    + "]: add Z or an offset to the input, or give --tz ZONE (for example --tz America/New_York)");
        }
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("local time " + local + " does not exist in " + zone + " (daylight-saving gap)");
        }
        // The autumn overlap has two offsets; the earlier one (listed first) is the first occurrence.
        long seconds = local.toEpochSecond(offsets.get(0));
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), local.getNano() / 1000);
    }

    private EpochUnit requireUnit(String original) {
        if (unit == null) {
            throw new UsageException("integer timestamp [value=" + original
                    + "]: say what it counts with --epoch-unit s|ms|us|ns");
        }
        return unit;
    }

    private long parseNumber(String value) {
        boolean integer = true;
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                integer = false;
                break;
            }
        }
        char first = value.charAt(0);
        if (value.length() == 1 && (first == '-' || first == '+')) {
            throw new IllegalArgumentException("not a timestamp: " + value);
        }
        if (integer) {
            EpochUnit epochUnit = requireUnit(value);
            try {
                return epochUnit.toMicros(Long.parseLong(value));
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("epoch value out of range: " + value);
            }
        }
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a timestamp: " + value);
        }
        EpochUnit epochUnit = requireUnit(value);
        BigDecimal micros = switch (epochUnit) {
            case S -> decimal.movePointRight(6);
            case MS -> decimal.movePointRight(3);
            case US -> decimal;
            case NS -> decimal.movePointLeft(3);
        };
        try {
            return micros.setScale(0, RoundingMode.FLOOR).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("epoch value out of range: " + value);
        }
    }

    /** Hand-rolled: this runs once per input row, and java.time's formatters cost ten times as much. */
    private long parseIso(String s) {
        int length = s.length();
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        char separator = s.charAt(10);
        if (s.charAt(7) != '-' || (separator != 'T' && separator != ' ' && separator != 't') || s.charAt(13) != ':') {
            throw new IllegalArgumentException("not an ISO-8601 timestamp: " + s);
        }
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = 0;
        int at = 16;
        if (at < length && s.charAt(at) == ':') {
            second = digits(s, 17, 2);
            at = 19;
        }
        long nanos = 0;
        if (at < length && (s.charAt(at) == '.' || s.charAt(at) == ',')) {
            at++;
            int start = at;
            while (at < length && s.charAt(at) >= '0' && s.charAt(at) <= '9') {
                if (at - start < 9) {
                    nanos = nanos * 10 + (s.charAt(at) - '0');
                }
                at++;
            }
            int count = at - start;
            if (count == 0) {
                throw new IllegalArgumentException("empty fraction in timestamp: " + s);
            }
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
            throw new IllegalArgumentException("date or time out of range: " + s);
        }
        long localSeconds = daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
        long micros = nanos / 1000;
        if (at == length) {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, (int) nanos);
            return fromLocal(local, s);
        }
        int offsetSeconds = offset(s, at);
        return Math.addExact(Math.multiplyExact(localSeconds - offsetSeconds, 1_000_000L), micros);
    }

    /** {@code Z}, {@code +HH}, {@code +HHMM} or {@code +HH:MM} (and minus) at {@code at}, up to the end. */
    private static int offset(String s, int at) {
        int length = s.length();
        char sign = s.charAt(at);
        if ((sign == 'Z' || sign == 'z') && at + 1 == length) {
            return 0;
        }
        if (sign != '+' && sign != '-') {
            throw new IllegalArgumentException("bad offset in timestamp: " + s);
        }
        int rest = length - at - 1;
        int hours;
        int minutes = 0;
        if (rest == 2) {
            hours = digits(s, at + 1, 2);
        } else if (rest == 4) {
            hours = digits(s, at + 1, 2);
            minutes = digits(s, at + 3, 2);
        } else if (rest == 5 && s.charAt(at + 3) == ':') {
            hours = digits(s, at + 1, 2);
            minutes = digits(s, at + 4, 2);
        } else {
            throw new IllegalArgumentException("bad offset in timestamp: " + s);
        }
        if (hours > 18 || minutes > 59) {
            throw new IllegalArgumentException("offset out of range in timestamp: " + s);
        }
        int total = hours * 3600 + minutes * 60;
        return sign == '-' ? -total : total;
    }

    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            throw new IllegalArgumentException("timestamp too short: " + s);
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not an ISO-8601 timestamp: " + s);
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
}
