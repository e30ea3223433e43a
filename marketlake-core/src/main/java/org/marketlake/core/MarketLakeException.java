package org.marketlake.core;

/**
 * Root of every exception MarketLake throws on purpose. Each one knows the process exit code it
 * maps to, so the command line has exactly one place that turns failures into exit codes.
 */
public abstract class MarketLakeException extends RuntimeException {
    protected MarketLakeException(String message) {
        super(message);
    }

    protected MarketLakeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** 1 for a data problem, 2 for a usage or configuration error. */
    public abstract int exitCode();
}
