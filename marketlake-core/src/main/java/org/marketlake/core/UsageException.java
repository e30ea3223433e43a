package org.marketlake.core;

/** A request that is wrong whatever the data: a bad flag, symbol, timeframe or config. Exit code 2. */
public class UsageException extends MarketLakeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
