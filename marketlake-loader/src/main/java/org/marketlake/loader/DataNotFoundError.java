package org.marketlake.loader;

/** Nothing to load: no file matches the selection, or a file disappeared while being read. Exit code 1. */
public final class DataNotFoundError extends ParquetLoaderError {
    public DataNotFoundError(String message) {
        super(message);
    }

    public DataNotFoundError(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
