package org.marketlake.core.error;

/**
 * Root of every exception MarketLake throws on purpose. The library names what failed and where; it never knows
 * about exit codes: the command line maps these types to exit codes in one place (its exit-code mapper).
 *
 * <p>Two branches: {@link InvalidDataException} (the data or a file is wrong: exit 1) and
 * {@link InvalidRequestException} (the request is wrong whatever the data: a flag, a config, a root: exit 2).
 */
public abstract sealed class MarketLakeException extends RuntimeException permits InvalidDataException, InvalidRequestException {
    protected MarketLakeException(String message) {
        super(message);
    }

    protected MarketLakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
