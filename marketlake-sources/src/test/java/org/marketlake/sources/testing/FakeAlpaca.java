package org.marketlake.sources.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;

/**
 * A local stand-in for Alpaca's market-data API (v2 stocks, single-symbol form) on 127.0.0.1: serves seeded
 * trades, quotes and 1Min/1Day bars in the documented JSON shapes (timestamps with nanoseconds), in pages of
 * {@link #pageSize} records with {@code next_page_token}, and injects faults on request: 429 with Retry-After,
 * 500, a connection closed mid-body, malformed JSON, pages that repeat the previous page's last rows, an outage.
 * A request without the right key headers gets 403.
 */
public final class FakeAlpaca implements AutoCloseable {
    public static final String KEY_ID = "test-key-id";
    public static final String SECRET = "test-secret-do-not-print";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** A fault applied to one request. */
    public enum Fault { RATE_LIMITED, SERVER_ERROR, CLOSE_MID_BODY, MALFORMED_JSON }

    private record Row(long nanos, String json) {}

    private final HttpServer server;
    private final Map<String, List<Row>> data = new HashMap<>();
    private final Map<Integer, Fault> faults = new HashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile int pageSize = 400;
    private volatile boolean repeatRows;
    private volatile int outageAfter = -1;
    private int served;

    /** Serves {@code symbols} for the weekdays from {@code first} to {@code last}, generated from {@code seed}. */
    public FakeAlpaca(List<String> symbols, LocalDate first, LocalDate last, long seed) throws IOException {
        Random random = new Random(seed);
        for (String symbol : symbols) {
            generate(symbol, first, last, random);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/v2/stocks/", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public FakeAlpaca pageSize(int records) {
        pageSize = records;
        return this;
    }

    /** Answers the {@code n}-th request from now (1 = the next one) with {@code fault}; its retry is answered normally. */
    public synchronized FakeAlpaca failAt(int n, Fault fault) {
        faults.put(served + n - 1, fault);
        return this;
    }

    /** Every page after the first starts with the last three records of the page before it. */
    public FakeAlpaca repeatRows() {
        repeatRows = true;
        return this;
    }

    /** After {@code requests} more answered requests, every request gets a 500 until {@link #endOutage()}. */
    public synchronized FakeAlpaca outageAfter(int requests) {
        outageAfter = served + requests;
        return this;
    }

    public synchronized void endOutage() {
        outageAfter = -1;
    }

    /** The path and query of every request so far. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            answer(exchange);
        } catch (RuntimeException e) {
            send(exchange, 400, "{\"message\":\"" + String.valueOf(e.getMessage()).replace('"', '\'') + "\"}");
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        requests.add(uri.getRawPath() + "?" + uri.getRawQuery());
        if (!KEY_ID.equals(exchange.getRequestHeaders().getFirst("APCA-API-KEY-ID"))
                || !SECRET.equals(exchange.getRequestHeaders().getFirst("APCA-API-SECRET-KEY"))) {
            // Echoes the keys it was sent, as a careless proxy might: the client must not repeat them.
            send(exchange, 403, "{\"message\":\"forbidden. key " + exchange.getRequestHeaders().getFirst("APCA-API-KEY-ID") + " secret "
                    + exchange.getRequestHeaders().getFirst("APCA-API-SECRET-KEY") + "\"}");
            return;
        }
        Fault fault;
        synchronized (this) {
            if (outageAfter >= 0 && served >= outageAfter) {
                send(exchange, 500, "{\"message\":\"internal server error\"}");
                return;
            }
            fault = faults.remove(served);
            served++;
        }
        String body = page(uri);
        if (fault == null) {
            send(exchange, 200, body);
            return;
        }
        switch (fault) {
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().add("Retry-After", "1");
                send(exchange, 429, "{\"message\":\"too many requests.\"}");
            }
            case SERVER_ERROR -> send(exchange, 500, "{\"message\":\"internal server error\"}");
            case MALFORMED_JSON -> send(exchange, 200, body.substring(0, body.length() / 2) + "}]");
            case CLOSE_MID_BODY -> {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                OutputStream out = exchange.getResponseBody();
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                // Closing the exchange with bytes missing drops the connection mid-body.
            }
        }
    }

    private String page(URI uri) {
        String[] parts = uri.getRawPath().split("/");
        String symbol = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
        String endpoint = parts[4];
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        if (!query.containsKey("limit") || Integer.parseInt(query.get("limit")) > 10_000) {
            throw new IllegalArgumentException("invalid limit");
        }
        String key = symbol + "/" + endpoint + (endpoint.equals("bars") ? "/" + query.get("timeframe") : "");
        List<Row> rows = data.getOrDefault(key, List.of());
        long start = nanos(Instant.parse(query.get("start")));
        long end = nanos(Instant.parse(query.get("end")));
        List<Row> wanted = rows.stream().filter(row -> row.nanos() >= start && row.nanos() <= end).toList();
        int offset = query.containsKey("page_token") ? Integer.parseInt(new String(java.util.Base64.getDecoder().decode(query.get("page_token")), StandardCharsets.UTF_8)) : 0;
        int size = Math.min(pageSize, Integer.parseInt(query.get("limit")));
        int from = repeatRows && offset > 0 ? Math.max(0, offset - 3) : offset;
        int to = Math.min(wanted.size(), offset + size);
        StringBuilder json = new StringBuilder("{\"").append(endpoint).append("\":[");
        for (int i = from; i < to; i++) {
            json.append(i > from ? "," : "").append(wanted.get(i).json());
        }
        String next = to < wanted.size() ? "\"" + java.util.Base64.getEncoder().encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8)) + "\"" : "null";
        return json.append("],\"symbol\":\"").append(symbol).append("\",\"next_page_token\":").append(next).append('}').toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void generate(String symbol, LocalDate first, LocalDate last, Random random) {
        List<Row> trades = new ArrayList<>();
        List<Row> quotes = new ArrayList<>();
        List<Row> minutes = new ArrayList<>();
        List<Row> days = new ArrayList<>();
        double price = 100 + random.nextInt(100);
        long id = 1000;
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            // 08:00 to 18:00 New York: pre-market, the regular session and after-hours.
            long open = nanos(date.atTime(LocalTime.of(8, 0)).atZone(NEW_YORK).toInstant());
            long span = 10L * 3600 * 1_000_000_000L;
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                times.add(open + (long) (random.nextDouble() * span));
            }
            Collections.sort(times);
            double dayOpen = price;
            double high = price;
            double low = price;
            for (int i = 0; i < times.size(); i++) {
                long t = times.get(i);
                // Now and then two trades share a timestamp (different ids): both are real trades.
                long stamp = i > 0 && random.nextInt(20) == 0 ? times.get(i - 1) : t;
                price = Math.max(1, Math.round((price + (random.nextInt(11) - 5) / 100.0) * 100) / 100.0);
                high = Math.max(high, price);
                low = Math.min(low, price);
                trades.add(new Row(stamp, String.format(Locale.ROOT, "{\"t\":\"%s\",\"x\":\"%s\",\"p\":%s,\"s\":%d,\"c\":[\"@\"],\"i\":%d,\"z\":\"C\"}",
                        text(stamp), "VPQ".charAt(random.nextInt(3)), price, 1 + random.nextInt(500), id++)));
                double bid = price - 0.01 * random.nextInt(3);
                double ask = bid + 0.01 * (1 + random.nextInt(4));
                quotes.add(new Row(t, String.format(Locale.ROOT, "{\"t\":\"%s\",\"ax\":\"Q\",\"ap\":%.2f,\"as\":%d,\"bx\":\"%s\",\"bp\":%.2f,\"bs\":%d,\"c\":[\"R\"],\"z\":\"C\"}",
                        text(t), ask, 1 + random.nextInt(9), "VPQ".charAt(random.nextInt(3)), bid, 1 + random.nextInt(9))));
            }
            long regular = nanos(date.atTime(LocalTime.of(9, 30)).atZone(NEW_YORK).toInstant());
            for (int minute = 0; minute < 120; minute++) {
                double o = Math.round((price + random.nextInt(21) / 100.0) * 100) / 100.0;
                double c = Math.round((price + random.nextInt(21) / 100.0) * 100) / 100.0;
                minutes.add(new Row(regular + minute * 60_000_000_000L, String.format(Locale.ROOT,
                        "{\"t\":\"%s\",\"o\":%.2f,\"h\":%.2f,\"l\":%.2f,\"c\":%.2f,\"v\":%d,\"n\":%d,\"vw\":%.4f}",
                        text(regular + minute * 60_000_000_000L), o, Math.max(o, c) + 0.02, Math.min(o, c) - 0.02, c, 100 + random.nextInt(900), 1 + random.nextInt(50), (o + c) / 2)));
            }
            long midnight = nanos(date.atStartOfDay(NEW_YORK).toInstant());
            days.add(new Row(midnight, String.format(Locale.ROOT, "{\"t\":\"%s\",\"o\":%.2f,\"h\":%.2f,\"l\":%.2f,\"c\":%.2f,\"v\":%d,\"n\":%d,\"vw\":%.4f}",
                    Instant.ofEpochSecond(0).plusNanos(midnight), dayOpen, high, low, price, 100_000 + random.nextInt(10_000), 300, (high + low) / 2)));
        }
        trades.sort(java.util.Comparator.comparingLong(Row::nanos));
        data.put(symbol + "/trades", trades);
        data.put(symbol + "/quotes", quotes);
        data.put(symbol + "/bars/1Min", minutes);
        data.put(symbol + "/bars/1Day", days);
    }

    private static String text(long nanos) {
        Instant instant = Instant.ofEpochSecond(0).plusNanos(nanos);
        // Always nine digits, as the API sends them.
        return instant.toString().replaceFirst("(\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?Z$", "$1." + String.format("%09d", instant.getNano()) + "Z");
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
