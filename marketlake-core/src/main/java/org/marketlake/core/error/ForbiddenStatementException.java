package org.marketlake.core.error;

/** A SQL statement that would write or reach outside the lake's read-only views. */
public class ForbiddenStatementException extends InvalidRequestException {
    public ForbiddenStatementException(String message) {
        super(message);
    }

    public ForbiddenStatementException(String message, Throwable cause) {
        super(message, cause);
    }
}
