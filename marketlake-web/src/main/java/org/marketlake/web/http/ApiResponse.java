package org.marketlake.web.http;

import java.nio.charset.StandardCharsets;

/** What the server answers: a status, a content type and the body's bytes. */
public record ApiResponse(int status, String contentType, byte[] body) {
    public static final String JSON = "application/json; charset=utf-8";

    public ApiResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        if (contentType == null || body == null) {
            throw new IllegalArgumentException("a response needs a content type and a body");
        }
    }

    /** 200 with {@code value} as JSON (maps, lists, records, arrays, strings and numbers). */
    public static ApiResponse json(Object value) {
        return new ApiResponse(200, JSON, Json.bytes(value));
    }

    /** {@code {"error": "..."}} on one line. */
    public static ApiResponse error(int status, String message) {
        String line = message == null ? "failed" : message.replace('\n', ' ').replace('\r', ' ').strip();
        return new ApiResponse(status, JSON, (Json.text(java.util.Map.of("error", line)) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
