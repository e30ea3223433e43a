package org.marketlake.loader;

/** A file lacks a configured column, or a column has a type the loader cannot use; names file and column. Exit code 1. */
public final class SchemaValidationError extends ParquetLoaderError {
    public SchemaValidationError(String message) {
        super(message);
    }

    public SchemaValidationError(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
