package org.marketlake.web.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The access token, when the server has one: a request passes with {@code ?token=T}, {@code Authorization: Bearer T}
 * or the cookie the server sets on the first request that gave it (so a page's scripts and styles need not repeat
 * it). Compared in constant time.
 */
public final class TokenGate {
    public static final String COOKIE = "marketlake_token";

    private final byte[] token;

    private TokenGate(byte[] token) {
        this.token = token;
    }

    /** Everything passes. */
    public static TokenGate open() {
        return new TokenGate(null);
    }

    public static TokenGate requiring(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a token gate needs a token");
        }
        return new TokenGate(token.getBytes(StandardCharsets.UTF_8));
    }

    public boolean guarded() {
        return token != null;
    }

    /** True when {@code request} may pass. */
    public boolean admits(ApiRequest request) {
        if (token == null) {
            return true;
        }
        return matches(request.parameters().get("token")) || matches(bearer(request.header("authorization")))
                || matches(cookie(request.header("cookie")));
    }

    /** The Set-Cookie value to send back when the request gave the token in its query, else null. */
    public String cookieFor(ApiRequest request) {
        return token != null && matches(request.parameters().get("token"))
                ? COOKIE + "=" + new String(token, StandardCharsets.UTF_8) + "; Path=/; HttpOnly; SameSite=Strict"
                : null;
    }

    private boolean matches(String given) {
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : null;
    }

    private static String cookie(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String trimmed = part.strip();
            if (trimmed.startsWith(COOKIE + "=")) {
                return trimmed.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }
}
