package org.marketlake.sources.alpaca;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * One page of an answer, column by column: {@code t} as epoch nanoseconds (the API's precision), the shape's
 * number fields (NaN where absent or null), its text fields, and the record id. Parsed with Jackson's streaming
 * parser: no object per record.
 */
final class Page {
    private static final JsonFactory JSON = new JsonFactory();

    final Shape shape;
    long[] nanos;
    final double[][] numbers;
    final String[][] texts;
    long[] ids;
    int size;
    String nextPageToken;

    private Page(Shape shape, int capacity) {
        this.shape = shape;
        this.nanos = new long[capacity];
        this.numbers = new double[shape.numbers.size()][capacity];
        this.texts = new String[shape.texts.size()][capacity];
        this.ids = new long[capacity];
    }

    /** Thrown for a body that is not the documented JSON: retried like a dropped connection, then reported. */
    static final class MalformedPage extends Exception {
        MalformedPage(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static Page parse(Shape shape, byte[] body) throws MalformedPage {
        Page page = new Page(shape, 256);
        try (JsonParser parser = JSON.createParser(body)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, "the answer");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals(shape.array)) {
                    if (value == JsonToken.START_ARRAY) {
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            page.readRecord(parser);
                        }
                        expect(parser.currentToken(), JsonToken.END_ARRAY, shape.array);
                    } else {
                        expect(value, JsonToken.VALUE_NULL, shape.array);
                    }
                } else if (field.equals("next_page_token")) {
                    page.nextPageToken = value == JsonToken.VALUE_NULL ? null : parser.getText();
                    if (page.nextPageToken != null && page.nextPageToken.isEmpty()) {
                        page.nextPageToken = null;
                    }
                } else {
                    parser.skipChildren();
                }
            }
            expect(parser.currentToken(), JsonToken.END_OBJECT, "the answer");
            if (parser.nextToken() != null) {
                throw new MalformedPage("text after the end of the JSON answer", null);
            }
        } catch (JsonParseException e) {
            throw new MalformedPage("malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedPage("unreadable JSON: " + e.getMessage(), e);
        }
        return page;
    }

    private void readRecord(JsonParser parser) throws IOException, MalformedPage {
        if (size == nanos.length) {
            grow();
        }
        int row = size;
        boolean hasTime = false;
        for (double[] column : numbers) {
            column[row] = Double.NaN;
        }
        for (String[] column : texts) {
            column[row] = null;
        }
        ids[row] = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("t")) {
                nanos[row] = nanos(parser.getText());
                hasTime = true;
                continue;
            }
            int number = shape.numbers.indexOf(field);
            if (number >= 0) {
                if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
                    numbers[number][row] = parser.getDoubleValue();
                } else if (value != JsonToken.VALUE_NULL) {
                    throw new MalformedPage("field " + field + " is not a number [value=" + parser.getText() + "]", null);
                }
                continue;
            }
            int text = shape.texts.indexOf(field);
            if (text >= 0) {
                texts[text][row] = value == JsonToken.VALUE_NULL ? null : parser.getText();
                continue;
            }
            if (field.equals(shape.id) && value == JsonToken.VALUE_NUMBER_INT) {
                ids[row] = parser.getLongValue();
                continue;
            }
            parser.skipChildren();
        }
        if (!hasTime) {
            throw new MalformedPage("a record of " + shape.array + " has no t", null);
        }
        size++;
    }

    /**
     * What identifies a record when a page repeats rows of the previous one: {@code t, x, i} for trades (the API's
     * trade identity), every field for quotes, {@code t} for bars.
     */
    String key(int row) {
        StringBuilder key = new StringBuilder(48).append(nanos[row]);
        switch (shape) {
            case TRADES -> key.append('|').append(texts[0][row]).append('|').append(ids[row]);
            case QUOTES -> {
                for (String[] column : texts) {
                    key.append('|').append(column[row]);
                }
                for (double[] column : numbers) {
                    key.append('|').append(column[row]);
                }
            }
            case BARS -> { }
        }
        return key.toString();
    }

    double number(String field, int row) {
        return numbers[shape.number(field)][row];
    }

    /** Epoch nanoseconds of an RFC 3339 instant; the API's own form ({@code ...:SS.fffffffffZ}) on a fast path. */
    static long nanos(String text) throws MalformedPage {
        long fast = fastNanos(text);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        try {
            // ISO_OFFSET_DATE_TIME resolves strictly; Instant.parse would take 24:00:00 as the next day's midnight.
            Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new MalformedPage("bad timestamp t [value=" + text + "]", e);
        }
    }

    /** {@code YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z} without allocation per field, or {@code Long.MIN_VALUE} for anything else. */
    private static long fastNanos(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        long fraction = 0;
        if (length > 20) {
            if (text.charAt(19) != '.' || length - 21 > 9 || length == 21) {
                return Long.MIN_VALUE;
            }
            int value = digits(text, 20, length - 1);
            if (value < 0) {
                return Long.MIN_VALUE;
            }
            fraction = value;
            for (int i = length - 21; i < 9; i++) {
                fraction *= 10;
            }
        }
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59) {
            return Long.MIN_VALUE;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return ((days * 86_400 + hour * 3600L + minute * 60L + second) * 1_000_000_000L) + fraction;
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private void grow() {
        int capacity = nanos.length * 2;
        nanos = Arrays.copyOf(nanos, capacity);
        ids = Arrays.copyOf(ids, capacity);
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = Arrays.copyOf(numbers[i], capacity);
        }
        for (int i = 0; i < texts.length; i++) {
            texts[i] = Arrays.copyOf(texts[i], capacity);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) throws MalformedPage {
        if (actual != expected) {
            throw new MalformedPage("expected " + expected + " in " + what + " but found " + actual, null);
        }
    }
}
