package org.marketlake.core.error;

/** A file or table whose columns are not the ones required (design 000's SchemaValidationError). */
public class SchemaMismatchException extends InvalidDataException {
    public SchemaMismatchException(String message) {
        super(message);
    }

    public SchemaMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
