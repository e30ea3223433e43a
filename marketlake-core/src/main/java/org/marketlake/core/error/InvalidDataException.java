package org.marketlake.core.error;

/**
 * Data that cannot be accepted or a file that cannot be read. Messages name the file, row, column and value, for
 * example {@code [file=bars/1m/AAPL.2024-01.parquet, row=17, column=low, value=-1.0]}.
 */
public non-sealed class InvalidDataException extends MarketLakeException {
    public InvalidDataException(String message) {
        super(message);
    }

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
