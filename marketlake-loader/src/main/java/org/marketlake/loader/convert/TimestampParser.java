package org.marketlake.loader.convert;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Parses the datetime texts the loader meets into UTC epoch microseconds: ISO-8601 with or without an offset
 * ({@code 2014-03-03T09:30:00Z}, {@code 2014-03-03T09:30:00.5+01:00}), the same with a space instead of
 * {@code T} ({@code 2014-03-03 09:30:00}, pandas' text form), minutes without seconds, and a bare date
 * ({@code 2014-03-03}, midnight). A text without an offset is in {@code zone}. Hand-written because the loader
 * parses every row of every file, and the common case, pandas' zone-less text in UTC, must not allocate (the
 * ingest module's fast path needs an explicit offset and hands zone-less text to java.time, ten times slower).
 */
public final class TimestampParser {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private final ZoneId zone;
    private final boolean utc;

    public TimestampParser(ZoneId zone) {
        this.zone = zone;
        this.utc = zone.normalized().equals(ZoneOffset.UTC);
    }

    /** Epoch microseconds, or {@link Long#MIN_VALUE} when {@code text} is not a timestamp. */
    public long parse(String text) {
        text = text.strip();
        int length = text.length();
        int end = length;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (end < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return Long.MIN_VALUE;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
            return Long.MIN_VALUE;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        long fraction = 0;
        int at = 10;
        if (at < end) {
            char separator = text.charAt(at);
            if ((separator != 'T' && separator != ' ') || end < at + 6 || text.charAt(at + 3) != ':') {
                return Long.MIN_VALUE;
            }
            hour = digits(text, at + 1, 2);
            minute = digits(text, at + 4, 2);
            at += 6;
            if (at < end && text.charAt(at) == ':') {
                second = digits(text, at + 1, 2);
                at += 3;
                if (at < end && (text.charAt(at) == '.' || text.charAt(at) == ',')) {
                    int digits = 0;
                    at++;
                    while (at < end && Character.isDigit(text.charAt(at))) {
                        if (digits < 6) {
                            fraction = fraction * 10 + (text.charAt(at) - '0');
                        }
                        digits++;
                        at++;
                    }
                    if (digits == 0) {
                        return Long.MIN_VALUE;
                    }
                    for (int d = Math.min(digits, 6); d < 6; d++) {
                        fraction *= 10;
                    }
                }
            }
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                return Long.MIN_VALUE;
            }
        }
        long local = Math.addExact(epochDay(year, month, day) * MICROS_PER_DAY,
                ((hour * 60L + minute) * 60L + second) * 1_000_000L + fraction);
        if (at == end) {
            return utc ? local : fromZone(year, month, day, hour, minute, second, fraction);
        }
        long offsetSeconds = offset(text, at, end);
        if (offsetSeconds == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        return local - offsetSeconds * 1_000_000L;
    }

    private long fromZone(int year, int month, int day, int hour, int minute, int second, long fraction) {
        // A local time in a daylight-saving gap moves forward; in an overlap the earlier offset wins (java.time's rule).
        long seconds = LocalDateTime.of(year, month, day, hour, minute, second).atZone(zone).toEpochSecond();
        return seconds * 1_000_000L + fraction;
    }

    /** Seconds east of UTC for {@code Z}, {@code +HH:MM}, {@code +HHMM}, {@code +HH}; MIN_VALUE when malformed. */
    private static long offset(String text, int at, int end) {
        char sign = text.charAt(at);
        if ((sign == 'Z' || sign == 'z') && at + 1 == end) {
            return 0;
        }
        if (sign != '+' && sign != '-') {
            return Long.MIN_VALUE;
        }
        String rest = text.substring(at + 1, end).replace(":", "");
        if (rest.length() != 2 && rest.length() != 4) {
            return Long.MIN_VALUE;
        }
        int hours = digits(rest, 0, 2);
        int minutes = rest.length() == 4 ? digits(rest, 2, 2) : 0;
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return Long.MIN_VALUE;
        }
        long seconds = hours * 3600L + minutes * 60L;
        return sign == '-' ? -seconds : seconds;
    }

    private static int digits(String text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 (fields already checked, so this never throws). */
    static long epochDay(int year, int month, int day) {
        return java.time.LocalDate.of(year, month, day).toEpochDay();
    }
}
