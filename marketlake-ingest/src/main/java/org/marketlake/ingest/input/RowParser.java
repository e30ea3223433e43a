package org.marketlake.ingest.input;

import org.marketlake.core.time.TimestampParser;
import org.marketlake.core.format.Printable;

import org.marketlake.core.error.InvalidRequestException;

/**
 * Turns the text fields of one row into values and hands them to the sink, or rejects the row with the first
 * thing wrong with it. Shared by the text readers so every format applies the same rules.
 */
final class RowParser {
    private final RecordLayout layout;
    private final TimestampParser timestamps;
    private final RowSink sink;
    private final String file;
    private final double[] numbers;

    RowParser(RecordLayout layout, TimestampParser timestamps, RowSink sink, String file) {
        this.layout = layout;
        this.timestamps = timestamps;
        this.sink = sink;
        this.file = file;
        this.numbers = new double[layout.numbers().size()];
    }

    /** Parses a timestamp; the row is rejected (and {@code Long.MIN_VALUE} returned) when it cannot be. */
    long timestamp(String text, long line) {
        if (text == null || text.isBlank()) {
            sink.reject(Reason.MISSING_VALUE, line, "timestamp is empty");
            return Long.MIN_VALUE;
        }
        try {
            return timestamps.parse(text);
        } catch (InvalidRequestException e) {
            throw withPlace(e, line);
        } catch (java.time.DateTimeException e) {
            sink.reject(Reason.BAD_TIMESTAMP, line, "timestamp " + text + ": " + e.getMessage());
            return Long.MIN_VALUE;
        } catch (IllegalArgumentException | ArithmeticException e) {
            sink.reject(Reason.BAD_TIMESTAMP, line, "timestamp " + text);
            return Long.MIN_VALUE;
        }
    }

    /** As {@link #timestamp(String, long)}, on the bytes {@code [from, to)}. */
    long timestamp(byte[] bytes, int from, int to, long line) {
        if (from == to) {
            sink.reject(Reason.MISSING_VALUE, line, "timestamp is empty");
            return Long.MIN_VALUE;
        }
        try {
            return timestamps.parse(bytes, from, to);
        } catch (InvalidRequestException e) {
            throw e;
        } catch (java.time.DateTimeException e) {
            sink.reject(Reason.BAD_TIMESTAMP, line, "timestamp " + new String(bytes, from, to - from, java.nio.charset.StandardCharsets.UTF_8) + ": " + e.getMessage());
            return Long.MIN_VALUE;
        } catch (IllegalArgumentException | ArithmeticException e) {
            sink.reject(Reason.BAD_TIMESTAMP, line, "timestamp " + new String(bytes, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
            return Long.MIN_VALUE;
        }
    }

    /** As {@link #number(int, String, long)}, on the bytes {@code [from, to)}. */
    boolean number(int index, byte[] bytes, int from, int to, long line) {
        if (from == to) {
            return number(index, null, line);
        }
        try {
            numbers[index] = Decimals.parse(bytes, from, to);
            return true;
        } catch (NumberFormatException e) {
            sink.reject(Reason.BAD_NUMBER, line, layout.numbers().get(index) + " " + new String(bytes, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
            return false;
        }
    }

    /** An integer timestamp (JSON number, Parquet integer column) in the configured epoch unit. */
    long timestampFromEpoch(long value, long line) {
        try {
            return timestamps.fromEpoch(value);
        } catch (InvalidRequestException e) {
            throw withPlace(e, line);
        } catch (java.time.DateTimeException e) {
            sink.reject(Reason.BAD_TIMESTAMP, line, "timestamp " + value + ": " + e.getMessage());
            return Long.MIN_VALUE;
        } catch (ArithmeticException e) {
            sink.reject(Reason.BAD_TIMESTAMP, line, "timestamp " + value);
            return Long.MIN_VALUE;
        }
    }

    /** Sets number {@code index} from text; false (row rejected) when a required one is empty or none parses. */
    boolean number(int index, String text, long line) {
        if (text == null || text.isBlank()) {
            if (layout.required(index)) {
                sink.reject(Reason.MISSING_VALUE, line, layout.numbers().get(index) + " is empty");
                return false;
            }
            numbers[index] = Double.NaN;
            return true;
        }
        try {
            numbers[index] = Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            sink.reject(Reason.BAD_NUMBER, line, layout.numbers().get(index) + " " + text);
            return false;
        }
    }

    void number(int index, double value) {
        numbers[index] = value;
    }

    void accept(long timestampMicros, String text, long line) {
        sink.accept(timestampMicros, numbers, text, line);
    }

    InvalidRequestException withPlace(InvalidRequestException e, long line) {
        return new InvalidRequestException(Printable.of(e.getMessage()) + " [file=" + file + ", line=" + line + "]", e);
    }
}
