package org.marketlake.sources.jdbc;

/** Why one source row is not exported: a reason (counted) and the column and value that caused it. */
record Rejection(String reason, String column, String value) {
    static final String NULL_VALUE = "null_value";
    static final String BAD_NUMBER = "bad_number";
    static final String BAD_PRICE = "bad_price";
    static final String BAD_VOLUME = "bad_volume";
    static final String BAD_SIZE = "bad_size";
    static final String BAD_VALUE = "bad_value";
    static final String INCONSISTENT_OHLC = "inconsistent_ohlc";
    static final String CROSSED_QUOTE = "crossed_quote";
    static final String DAILY_NOT_MIDNIGHT = "daily_not_midnight";
    static final String NOT_ON_INTERVAL = "timestamp_not_on_interval";
    static final String DUPLICATE_TIMESTAMP = "duplicate_timestamp";
    static final String CONFLICTING_DUPLICATE = "conflicting_duplicate";
    static final String INVALID_SYMBOL = "invalid_symbol";
    static final String NULL_SYMBOL = "null_symbol";
    static final String UNSORTED_SOURCE = "unsorted_source";

    static Rejection of(String reason, String column, double value) {
        return new Rejection(reason, column, Double.toString(value));
    }
}
