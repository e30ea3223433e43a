package org.marketlake.ingest.input;

import java.time.ZoneId;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.time.EpochUnit;
import org.marketlake.core.time.TimestampParser;

/**
 * Input timestamps to epoch microseconds, by the lake's rules ({@link TimestampParser}: an offset or
 * {@code --tz}, integers only with {@code --epoch-unit}, finer than microseconds floored), with a hand-rolled
 * fast path for the common case, {@code YYYY-MM-DD[T ]HH:MM:SS[.fraction](Z|+HH:MM|+HHMM|+HH)}: this runs
 * once per input row, and java.time's formatters cost ten times as much. Anything else goes to the lake's parser.
 * A missing offset or unit is a {@link InvalidRequestException} (the whole ingest stops, exit 2); text that is no
 * timestamp is an {@link IllegalArgumentException} (the row is rejected).
 */
public final class InputTimestamps {
    private final ZoneId zone;
    private final EpochUnit unit;
    private final TimestampParser general;

    private InputTimestamps(ZoneId zone, EpochUnit unit, TimestampParser general) {
        this.zone = zone;
        this.unit = unit;
        this.general = general;
    }

    /** Offsets required, integers refused. */
    public static InputTimestamps strict() {
        return of(null, null);
    }

    /** @param zone what offset-less timestamps mean, or null; @param unit what integers count, or null */
    public static InputTimestamps of(ZoneId zone, EpochUnit unit) {
        return new InputTimestamps(zone, unit, TimestampParser.of(zone, unit));
    }

    /** These rules, also accepting epoch integers before 1971 or from 2100 on ({@link TimestampParser#allowingAnyDate}). */
    public InputTimestamps allowingAnyDate() {
        return new InputTimestamps(zone, unit, general.allowingAnyDate());
    }

    public ZoneId zone() {
        return zone;
    }

    public EpochUnit unit() {
        return unit;
    }

    /** Epoch microseconds of {@code text}. */
    public long parse(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        long fast = fastIso(bytes, 0, bytes.length, text);
        return fast != NOT_FAST ? fast : general.parse(text);
    }

    /** Epoch microseconds of the ASCII text in {@code bytes[from, to)}, without making a String in the common case. */
    public long parse(byte[] bytes, int from, int to) {
        long fast = fastIso(bytes, from, to, null);
        return fast != NOT_FAST ? fast : general.parse(new String(bytes, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** An integer epoch value (a JSON number, a Parquet integer column), in the configured unit. */
    public long fromEpoch(long value) {
        return general.fromEpoch(value);
    }

    /** A zone-less date-time given as microseconds since 1970-01-01T00:00 on the wall clock, in the zone given. */
    public long fromWallClock(long wallMicros) {
        if (zone == null) {
            throw new InvalidRequestException("timestamp without a time zone: say which zone it is in with --tz ZONE");
        }
        java.time.LocalDateTime local = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(wallMicros, 1_000_000L),
                (int) Math.floorMod(wallMicros, 1_000_000L) * 1000, java.time.ZoneOffset.UTC);
        return org.marketlake.core.model.Micros.of(local.atZone(zone).toInstant());
    }

    private static final long NOT_FAST = Long.MIN_VALUE;

    /** The fast path: the instant, or {@link #NOT_FAST} for anything but date, time and explicit offset. */
    private static long fastIso(byte[] s, int from, int to, String original) {
        int length = to - from;
        if (length < 20 || s[from + 4] != '-' || s[from + 7] != '-' || s[from + 13] != ':' || s[from + 16] != ':') {
            return NOT_FAST;
        }
        byte separator = s[from + 10];
        if (separator != 'T' && separator != ' ') {
            return NOT_FAST;
        }
        int year = digits(s, from, 4);
        int month = digits(s, from + 5, 2);
        int day = digits(s, from + 8, 2);
        int hour = digits(s, from + 11, 2);
        int minute = digits(s, from + 14, 2);
        int second = digits(s, from + 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return NOT_FAST;
        }
        // Refused here rather than handed on: java.time's lenient resolver would turn February 30 into the 29th.
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
            throw new IllegalArgumentException("date or time out of range: "
                    + (original != null ? original : new String(s, from, length, java.nio.charset.StandardCharsets.UTF_8)));
        }
        int at = from + 19;
        long micros = 0;
        if (at < to && s[at] == '.') {
            at++;
            int start = at;
            while (at < to && s[at] >= '0' && s[at] <= '9') {
                if (at - start < 6) {
                    micros = micros * 10 + (s[at] - '0');
                }
                at++;
            }
            int count = at - start;
            if (count == 0) {
                return NOT_FAST;
            }
            for (int i = count; i < 6; i++) {
                micros *= 10;
            }
        }
        int offsetSeconds = offset(s, at, to);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return NOT_FAST;
        }
        long seconds = daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1_000_000L + micros;
    }

    /** Seconds east of UTC of {@code Z}, {@code +HH}, {@code +HHMM} or {@code +HH:MM} (or minus) ending the text; MIN_VALUE if none. */
    private static int offset(byte[] s, int at, int to) {
        int rest = to - at;
        if (rest == 1 && s[at] == 'Z') {
            return 0;
        }
        byte sign = rest > 0 ? s[at] : (byte) ' ';
        if (sign != '+' && sign != '-') {
            return Integer.MIN_VALUE;
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
            return Integer.MIN_VALUE;
        }
        if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
            return Integer.MIN_VALUE;
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
}
