package org.marketlake.core.error;

/** A request that is wrong whatever the data: a bad argument, symbol, timeframe, path or SQL statement. */
public non-sealed class InvalidRequestException extends MarketLakeException {
    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
