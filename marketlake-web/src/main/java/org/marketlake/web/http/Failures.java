package org.marketlake.web.http;

import org.marketlake.core.error.DataNotFoundException;
import org.marketlake.core.error.ForbiddenStatementException;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidRequestException;

/**
 * The one place where failures become HTTP statuses, as {@code ExitCodes} is for the command line: the body is
 * always {@code {"error": "..."}} on one line, never a stack trace.
 */
public final class Failures {
    private Failures() {}

    public static int status(Throwable failure) {
        return switch (failure) {
            case ForbiddenStatementException forbidden -> 403;
            case InvalidRequestException request -> 400;
            case DataNotFoundException notFound -> 404;
            case InvalidDataException data -> 422;
            default -> 500;
        };
    }

    public static ApiResponse response(Throwable failure) {
        int status = status(failure);
        String message = status == 500
                ? "unexpected " + failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage())
                : failure.getMessage();
        return ApiResponse.error(status, message);
    }
}
