package org.marketlake.web.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.marketlake.core.error.InvalidRequestException;

/**
 * One HTTP request as the API reads it: the path, the query parameters (decoded; the last of repeated ones wins),
 * the headers it asks about, and the body. Parameter problems are {@link InvalidRequestException}s that name the
 * parameter, so they answer 400.
 */
public record ApiRequest(String method, String path, Map<String, String> parameters, Map<String, String> headers, String body) {
    /** The longest body read (SQL text): more is refused rather than held. */
    public static final int MAX_BODY = 1 << 20;

    public ApiRequest {
        parameters = Map.copyOf(parameters);
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** The parameters of a raw query string such as {@code symbol=IBM&start=2013-10-07}. */
    public static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            parameters.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("bad percent-encoding in the query [value=" + text + "]");
        }
    }

    /** The parameter's value, or null when it is absent or empty. */
    public String text(String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String required(String name) {
        String value = text(name);
        if (value == null) {
            throw new InvalidRequestException("missing parameter " + name);
        }
        return value;
    }

    /** An integer parameter in {@code min..max}, {@code fallback} when absent. */
    public int integer(String name, int fallback, int min, int max) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name + " must be a whole number [value=" + value + "]");
        }
        if (parsed < min || parsed > max) {
            throw new InvalidRequestException(name + " must be between " + min + " and " + max + " [value=" + parsed + "]");
        }
        return parsed;
    }

    /** {@code true}, {@code 1} or {@code yes} (or the bare name) turn a flag on; absent, {@code false}, {@code 0}, {@code no} leave it off. */
    public boolean flag(String name) {
        String value = parameters.get(name);
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "", "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidRequestException(name + " must be true or false [value=" + value + "]");
        };
    }

    /** A header by its lower-case name, or null. */
    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
