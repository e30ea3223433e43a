package org.marketlake.sources.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Micros;
import org.marketlake.core.time.TimestampParser;

/**
 * Turns a source timestamp into epoch microseconds (floored), or says why it cannot:
 * <ul>
 *   <li>{@code OFFSET}: {@code timestamptz} and other zoned types: the instant as stored.</li>
 *   <li>{@code LOCAL}: {@code timestamp without time zone}: a wall-clock time in the mapping's zone (the export
 *       refuses such a column before reading a row when the mapping names no zone); a time a daylight-saving
 *       switch skips is {@code bad_timestamp}, a repeated one takes the earlier offset.</li>
 *   <li>{@code DATE}: a date is that date at 00:00 UTC (how the lake stamps daily bars).</li>
 *   <li>{@code DYNAMIC}: SQLite and untyped columns, decided per value: integers in the mapping's unit,
 *       ISO-8601 text with {@code Z} or an offset, ISO text without an offset in the mapping's zone (else rejected
 *       as {@code naive_timestamp}), a bare date as that date at 00:00 UTC; the text by the lake's one parser
 *       ({@link TimestampParser}: no February 30, no June 31, no hour 24, no local time a daylight-saving switch skips).</li>
 * </ul>
 */
final class SourceTimestamps {
    static final String NULL = "null_timestamp";
    static final String BAD = "bad_timestamp";
    static final String NAIVE = "naive_timestamp";

    enum Mode { OFFSET, LOCAL, DATE, DYNAMIC }

    private final Mode mode;
    private final TimestampUnit unit;
    private final ZoneId zone;
    /** The lake's parser in the mapping's zone: wall-clock values and text go through it. */
    private final TimestampParser parser;
    /** Why the last {@link #read} failed, or null. */
    String reason;

    SourceTimestamps(Mode mode, TimestampUnit unit, ZoneId zone) {
        this.mode = mode;
        this.unit = unit;
        this.zone = zone;
        this.parser = zone == null ? TimestampParser.strict() : TimestampParser.of(zone, null);
    }

    Mode mode() {
        return mode;
    }

    /** The timestamp in {@code column}, or {@code Long.MIN_VALUE} with {@link #reason} set. */
    long read(ResultSet results, int column) throws SQLException {
        reason = null;
        try {
            return switch (mode) {
                case OFFSET -> {
                    OffsetDateTime value = results.getObject(column, OffsetDateTime.class);
                    yield value == null ? fail(NULL) : Micros.of(value.toInstant());
                }
                case LOCAL -> {
                    LocalDateTime value = results.getObject(column, LocalDateTime.class);
                    yield value == null ? fail(NULL) : parser.fromWallClock(value);
                }
                case DATE -> {
                    LocalDate value = results.getObject(column, LocalDate.class);
                    yield value == null ? fail(NULL) : Micros.of(value.atStartOfDay().toInstant(ZoneOffset.UTC));
                }
                case DYNAMIC -> fromObject(results.getObject(column));
            };
        } catch (ArithmeticException | DateTimeException | IllegalArgumentException e) {
            return fail(BAD); // an impossible value, or a local time a daylight-saving switch skips
        }
    }

    private long fromObject(Object value) {
        return switch (value) {
            case null -> fail(NULL);
            case Long number -> unit.toMicros(number);
            case Integer number -> unit.toMicros(number);
            case Short number -> unit.toMicros(number);
            case BigDecimal number -> fromDecimal(number);
            case Double number -> Double.isFinite(number) ? fromDecimal(BigDecimal.valueOf(number)) : fail(BAD);
            case Float number -> Float.isFinite(number) ? fromDecimal(BigDecimal.valueOf(number)) : fail(BAD);
            case String text -> fromText(text.strip());
            default -> fail(BAD);
        };
    }

    private long fromDecimal(BigDecimal value) {
        BigDecimal micros = switch (unit) {
            case SECONDS -> value.movePointRight(6);
            case MILLISECONDS -> value.movePointRight(3);
            case MICROSECONDS -> value;
            case NANOSECONDS -> value.movePointLeft(3);
        };
        return micros.setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    long fromText(String text) {
        if (text.isEmpty()) {
            return fail(BAD);
        }
        if (isInteger(text)) {
            return unit.toMicros(Long.parseLong(text));
        }
        try {
            if (text.length() == 10) {
                return TimestampParser.date(text).toEpochDay() * Micros.PER_DAY;
            }
            return parser.parse(text);
        } catch (InvalidRequestException naive) {
            return fail(NAIVE);
        } catch (IllegalArgumentException e) {
            return fail(BAD);
        }
    }

    private static boolean isInteger(String text) {
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length() || text.length() > 19 + start) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private long fail(String why) {
        reason = why;
        return Long.MIN_VALUE;
    }
}
