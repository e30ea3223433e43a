package org.marketlake.core.error;

/** Nothing to read where data was asked for (design 000's DataNotFoundError). */
public class DataNotFoundException extends InvalidDataException {
    public DataNotFoundException(String message) {
        super(message);
    }

    public DataNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
