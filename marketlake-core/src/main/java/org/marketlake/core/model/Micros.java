package org.marketlake.core.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Epoch microseconds, the lake's one representation of an instant (Parquet TIMESTAMP(MICROS, UTC)). */
public final class Micros {
    public static final long PER_SECOND = 1_000_000L;
    public static final long PER_DAY = 86_400L * PER_SECOND;

    private Micros() {}

    /** Floors to the microsecond: finer input is truncated toward the past, never rounded. */
    /** The UTC calendar date {@code micros} falls on (a daily bar's trading date: it is stamped 00:00 UTC). */
    public static java.time.LocalDate utcDate(long micros) {
        return java.time.LocalDate.ofEpochDay(Math.floorDiv(micros, PER_DAY));
    }

    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano() / 1000);
    }

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1000);
    }

    /** {@code 2024-01-02T14:30:00Z}, or {@code 2024-01-02T14:30:00.123456Z} when there is a fraction. */
    public static String format(long micros) {
        if (micros == Long.MIN_VALUE) {
            return "-infinity";
        }
        if (micros == Long.MAX_VALUE) {
            return "infinity";
        }
        return format(micros, null);
    }

    /** As {@link #format(long)}, in {@code zone} with its offset when a zone is given. */
    public static String format(long micros, ZoneId zone) {
        Instant instant = toInstant(micros);
        long fraction = Math.floorMod(micros, PER_SECOND);
        StringBuilder text = new StringBuilder(32);
        if (zone == null) {
            text.append(SECONDS.format(instant.atOffset(java.time.ZoneOffset.UTC)));
        } else {
            text.append(SECONDS.format(ZonedDateTime.ofInstant(instant, zone)));
        }
        if (fraction != 0) {
            String digits = Long.toString(fraction + PER_SECOND).substring(1);
            text.append('.').append(digits);
        }
        if (zone == null) {
            text.append('Z');
        } else {
            text.append(OFFSET.format(ZonedDateTime.ofInstant(instant, zone)));
        }
        return text.toString();
    }

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");
}
