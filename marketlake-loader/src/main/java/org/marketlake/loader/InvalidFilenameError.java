package org.marketlake.loader;

/** A <code>.parquet</code> or <code>.json</code> file in the data folders whose name the configured <code>file_patterns.naming_regex</code> does not match. Exit code 1. */
public final class InvalidFilenameError extends ParquetLoaderError {
    public InvalidFilenameError(String message) {
        super(message);
    }

    public InvalidFilenameError(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
