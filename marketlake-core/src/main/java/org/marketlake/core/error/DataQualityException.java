package org.marketlake.core.error;

/** Data that reads but fails a quality rule the user asked to enforce (design 000's DataQualityError). */
public class DataQualityException extends InvalidDataException {
    public DataQualityException(String message) {
        super(message);
    }

    public DataQualityException(String message, Throwable cause) {
        super(message, cause);
    }
}
