package org.marketlake.core.error;

/** Too few rows for the context a forecast needs (design 000's IncompleteContextError). */
public class IncompleteContextException extends InvalidDataException {
    public IncompleteContextException(String message) {
        super(message);
    }

    public IncompleteContextException(String message, Throwable cause) {
        super(message, cause);
    }
}
