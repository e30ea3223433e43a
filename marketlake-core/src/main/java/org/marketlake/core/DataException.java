package org.marketlake.core;

/**
 * Data that cannot be accepted or a file that cannot be read: exit code 1. Messages name the file,
 * row, column and value, for example {@code [file=bars/1m/AAPL.2024-01.parquet, row=17, column=low, value=-1.0]}.
 */
public class DataException extends MarketLakeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
