package org.marketlake.sources.alpaca;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import org.marketlake.core.time.TimestampParser;

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

    /** Epoch nanoseconds of an RFC 3339 instant, by the lake's parser (its fast path takes the API's own form). */
    static long nanos(String text) throws MalformedPage {
        try {
            return TimestampParser.epochNanos(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new MalformedPage("bad timestamp t [value=" + text + "]", e);
        }
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
