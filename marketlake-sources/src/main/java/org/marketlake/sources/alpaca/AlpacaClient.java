package org.marketlake.sources.alpaca;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Symbol;
import org.marketlake.sources.secret.Redaction;

/**
 * Alpaca's market-data API (v2, stocks), single-symbol form ({@code /v2/stocks/{symbol}/trades|quotes|bars}), and its
 * corporate actions ({@code /v1/corporate-actions}):
 * follows {@code next_page_token} until it is null, asks for the maximum {@code limit}, sends {@code start}/{@code end}
 * as RFC 3339 and the keys as the documented headers. Failures are retried as {@link RetryPolicy} says; a 4xx other
 * than 429, or retries exhausted, is a {@link InvalidDataException} naming the request (path and query: the keys travel
 * only in headers and appear in no message).
 */
public final class AlpacaClient {
    /** Alpaca's public market-data endpoint. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://data.alpaca.markets");
    public static final String KEY_ID_VARIABLE = "APCA_API_KEY_ID";
    public static final String SECRET_KEY_VARIABLE = "APCA_API_SECRET_KEY";
    /** The largest page the API serves. */
    static final int LIMIT = 10_000;

    private final URI baseUrl;
    private final String keyId;
    private final String secretKey;
    private final RetryPolicy retry;
    private final HttpClient http;
    /** Hides the keys (and any password in the base URL) in every message, the HTTP client's own included. */
    final Redaction redaction;

    private AlpacaClient(URI baseUrl, String keyId, String secretKey, RetryPolicy retry) {
        this.baseUrl = baseUrl;
        this.keyId = keyId;
        this.secretKey = secretKey;
        this.retry = retry;
        this.redaction = Redaction.of(Arrays.asList(keyId, secretKey), baseUrl.toString());
        this.http = HttpClient.newBuilder().connectTimeout(retry.timeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** A client with the keys from {@code environment} ({@code APCA_API_KEY_ID}, {@code APCA_API_SECRET_KEY}); exit 2 naming a missing one. */
    public static AlpacaClient fromEnvironment(URI baseUrl, Map<String, String> environment, RetryPolicy retry) {
        return new AlpacaClient(checkBase(baseUrl), key(environment, KEY_ID_VARIABLE), key(environment, SECRET_KEY_VARIABLE), retry);
    }

    private static String key(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(variable + " is not set: export your Alpaca API key ID and secret key as " + KEY_ID_VARIABLE + " and " + SECRET_KEY_VARIABLE);
        }
        return value.strip();
    }

    private static URI checkBase(URI baseUrl) {
        if (baseUrl == null || baseUrl.getScheme() == null || !(baseUrl.getScheme().equals("http") || baseUrl.getScheme().equals("https"))
                || baseUrl.getHost() == null) {
            throw new InvalidRequestException("the base URL must be an http(s) URL such as " + DEFAULT_BASE_URL + " [value="
                    + Redaction.text(String.valueOf(baseUrl)) + "]").about("base url");
        }
        String text = baseUrl.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** One query: records of {@code shape} for {@code symbol} with {@code start <= t < end}. */
    record Query(Shape shape, Symbol symbol, Instant start, Instant end, Feed feed, String timeframe, Adjustment adjustment) {
        Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (timeframe != null) {
                parameters.put("timeframe", timeframe);
            }
            parameters.put("start", start.toString());
            // The API's end is inclusive: one nanosecond before our exclusive end.
            parameters.put("end", end.minusNanos(1).toString());
            parameters.put("limit", Integer.toString(LIMIT));
            parameters.put("feed", feed.label());
            if (adjustment != null) {
                parameters.put("adjustment", adjustment.label());
            }
            parameters.put("sort", "asc");
            return parameters;
        }

        String path() {
            return "/v2/stocks/" + URLEncoder.encode(symbol.value(), StandardCharsets.UTF_8) + "/" + shape.path;
        }
    }

    /** Receives pages in order. */
    interface PageHandler {
        void page(Page page);
    }

    /** Fetches every page of {@code query} in order; returns the number of pages. */
    int fetchAll(Query query, PageHandler handler) {
        String token = null;
        int pages = 0;
        do {
            Map<String, String> parameters = query.parameters();
            if (token != null) {
                parameters.put("page_token", token);
            }
            String pathAndQuery = query.path() + "?" + parameters.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            Page page = fetch(query.shape(), pathAndQuery);
            pages++;
            handler.page(page);
            token = page.nextPageToken;
        } while (token != null);
        return pages;
    }

    private Page fetch(Shape shape, String pathAndQuery) {
        return fetch(pathAndQuery, body -> Page.parse(shape, body));
    }

    /** Reads an answer's body; a body it cannot read is a {@link Page.MalformedPage}, retried like a 5xx. */
    interface BodyParser<T> {
        T parse(byte[] body) throws Page.MalformedPage;
    }

    /** Fetches every page of {@code symbol}'s corporate actions with ex-dates in {@code start..end}, in order; returns the number of pages. */
    int fetchActions(Symbol symbol, java.time.LocalDate start, java.time.LocalDate end, java.util.function.Consumer<ActionPage> handler) {
        String token = null;
        int pages = 0;
        do {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("symbols", symbol.value());
            parameters.put("start", start.toString());
            parameters.put("end", end.toString());
            parameters.put("types", ActionPage.TYPES);
            parameters.put("limit", Integer.toString(ActionPage.LIMIT));
            parameters.put("sort", "asc");
            if (token != null) {
                parameters.put("page_token", token);
            }
            String pathAndQuery = "/v1/corporate-actions?" + parameters.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            ActionPage page = fetch(pathAndQuery, body -> ActionPage.parse(symbol, body));
            pages++;
            handler.accept(page);
            token = page.nextPageToken();
        } while (token != null);
        return pages;
    }

    private <T> T fetch(String pathAndQuery, BodyParser<T> parser) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(retry.timeout())
                .header("APCA-API-KEY-ID", keyId)
                .header("APCA-API-SECRET-KEY", secretKey)
                .header("Accept", "application/json")
                .GET().build();
        String lastFailure = "";
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            Duration wait;
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 200) {
                    try {
                        return parser.parse(response.body());
                    } catch (Page.MalformedPage e) {
                        lastFailure = e.getMessage();
                        wait = retry.backoff(attempt);
                    }
                } else if (status == 429) {
                    lastFailure = "HTTP 429 (rate limited)";
                    wait = retry.rateLimitWait(response.headers(), System.currentTimeMillis(), attempt);
                } else if (status >= 500) {
                    lastFailure = "HTTP " + status + excerpt(response.body());
                    wait = retry.backoff(attempt);
                } else {
                    throw new InvalidDataException("HTTP " + status + " for GET " + pathAndQuery + excerpt(response.body())
                            + (status == 401 || status == 403 ? " (check " + KEY_ID_VARIABLE + " and " + SECRET_KEY_VARIABLE + ", and that your plan covers the feed)" : ""));
                }
            } catch (IOException e) {
                // Timeouts, refused connections and connections dropped mid-answer.
                lastFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                wait = retry.backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InvalidDataException("interrupted during GET " + pathAndQuery, e);
            }
            if (attempt < retry.attempts()) {
                sleep(wait, pathAndQuery);
            }
        }
        throw new InvalidDataException("GET " + pathAndQuery + " failed " + retry.attempts() + " times; last: " + lastFailure);
    }

    private static void sleep(Duration wait, String pathAndQuery) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidDataException("interrupted while waiting to retry GET " + pathAndQuery, e);
        }
    }

    private static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        return ": " + text;
    }

    /** Names the data source in completion records: the base URL (never a key). */
    String identity() {
        return baseUrl.toString();
    }

    @Override
    public String toString() {
        return "AlpacaClient[" + Redaction.text(baseUrl.toString()) + "]";
    }
}
