package org.marketlake.loader;

/** Not enough rows before the prediction time to fill the context; the message says how many there are. Exit code 1. */
public final class IncompleteContextError extends ParquetLoaderError {
    public IncompleteContextError(String message) {
        super(message);
    }

    public IncompleteContextError(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
