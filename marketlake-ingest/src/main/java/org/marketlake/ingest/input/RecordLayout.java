package org.marketlake.ingest.input;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields one kind of input record has, by their lake names. Readers find each in the source by header name
 * (after {@code --map}), hand the timestamp over as epoch microseconds, the numbers in {@link #numbers()} order
 * (NaN for an absent optional one) and the one text field, if any.
 */
public enum RecordLayout {
    /** A trade: {@code timestamp, price, size}. */
    TRADES(List.of("price", "size"), 2, null),
    /** A quote: {@code timestamp, bid_price, ask_price}, and {@code bid_size, ask_size, exchange} where present. */
    QUOTES(List.of("bid_price", "ask_price", "bid_size", "ask_size"), 2, "exchange");

    public static final String TIMESTAMP = "timestamp";

    private final List<String> numbers;
    private final int requiredNumbers;
    private final String text;

    RecordLayout(List<String> numbers, int requiredNumbers, String text) {
        this.numbers = numbers;
        this.requiredNumbers = requiredNumbers;
        this.text = text;
    }

    /** Numeric fields, the required ones first. */
    public List<String> numbers() {
        return numbers;
    }

    public boolean required(int number) {
        return number < requiredNumbers;
    }

    /** The optional text field ({@code exchange}), or null. */
    public String text() {
        return text;
    }

    /** Every field name, as {@code --map} accepts them. */
    public List<String> fields() {
        List<String> fields = new ArrayList<>();
        fields.add(TIMESTAMP);
        fields.addAll(numbers);
        if (text != null) {
            fields.add(text);
        }
        return fields;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
