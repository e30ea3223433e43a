package org.marketlake.sources.alpaca;

import java.util.List;

/**
 * The record shapes of Alpaca's stock data (v2), as documented: the array's name in a page, and the fields read
 * from each record ({@code t} is always read, as epoch nanoseconds; other fields are ignored).
 */
enum Shape {
    /** {@code t, x, p, s, c, i, z}: exchange, price, size, conditions, trade id, tape. */
    TRADES("trades", "trades", List.of("p", "s"), List.of("x"), "i"),
    /** {@code t, ax, ap, as, bx, bp, bs, c, z}. */
    QUOTES("quotes", "quotes", List.of("bp", "bs", "ap", "as"), List.of("bx", "ax"), null),
    /** {@code t, o, h, l, c, v, n, vw}. */
    BARS("bars", "bars", List.of("o", "h", "l", "c", "v", "vw", "n"), List.of(), null);

    final String path;
    final String array;
    final List<String> numbers;
    final List<String> texts;
    /** The record's id field, part of the key that spots a record repeated across pages (trades only). */
    final String id;

    Shape(String path, String array, List<String> numbers, List<String> texts, String id) {
        this.path = path;
        this.array = array;
        this.numbers = numbers;
        this.texts = texts;
        this.id = id;
    }

    int number(String field) {
        int index = numbers.indexOf(field);
        if (index < 0) {
            throw new IllegalArgumentException(this + " has no number field " + field);
        }
        return index;
    }
}
