package org.marketlake.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.marketlake.web.api.LakeApi;
import org.marketlake.web.http.ApiRequest;
import org.marketlake.web.http.ApiResponse;
import org.marketlake.web.http.Endpoint;
import org.marketlake.web.http.Failures;
import org.marketlake.web.http.SiteFiles;
import org.marketlake.web.http.TokenGate;

/**
 * {@code marketlake serve}: the lake's pages and JSON API on the JDK's HTTP server, read-only.
 *
 * <pre>{@code
 * try (WebServer server = WebServer.start(new ServeSettings(lake, InetAddress.getLoopbackAddress(), 8080, null, null))) {
 *     System.out.println(server.url());   // http://127.0.0.1:8080/
 *     server.awaitClose();
 * }
 * }</pre>
 */
public final class WebServer implements AutoCloseable {
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService workers;
    private final TokenGate gate;
    private final String token;
    private final CountDownLatch closed = new CountDownLatch(1);

    private WebServer(HttpServer server, ExecutorService workers, TokenGate gate, String token) {
        this.server = server;
        this.workers = workers;
        this.gate = gate;
        this.token = token;
    }

    /** Binds and starts serving; a port in use is refused as a request error naming it. */
    public static WebServer start(ServeSettings settings) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 0);
        } catch (IOException e) {
            throw new org.marketlake.core.error.InvalidRequestException("cannot listen on " + settings.bind().getHostAddress() + ":" + settings.port()
                    + ": " + e.getMessage() + ": stop the server there, or choose another port", e).about("port");
        }
        ExecutorService workers = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "marketlake-web");
            thread.setDaemon(true);
            return thread;
        });
        TokenGate gate = settings.token() == null ? TokenGate.open() : TokenGate.requiring(settings.token());
        WebServer web = new WebServer(server, workers, gate, settings.token());
        Map<String, Endpoint> api = new LakeApi(settings.lake(), settings.model()).endpoints();
        server.createContext("/", exchange -> web.handle(exchange, api));
        server.setExecutor(workers);
        server.start();
        return web;
    }

    /** The address to open, with the token when there is one: {@code http://127.0.0.1:8080/?token=...}. */
    public String url() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        String base = "http://" + host + ":" + address.getPort() + "/";
        return token == null ? base : base + "?token=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Blocks until {@link #close()} has run (from a shutdown hook on Ctrl-C, or another thread). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops accepting, lets requests in progress finish for up to a second, and stops. Closing twice is harmless. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        server.stop(1);
        workers.shutdownNow();
        closed.countDown();
    }

    private void handle(HttpExchange exchange, Map<String, Endpoint> api) throws IOException {
        try (exchange) {
            ApiResponse response;
            String cookie = null;
            try {
                ApiRequest request = request(exchange);
                if (!gate.admits(request)) {
                    response = ApiResponse.error(401, "this server needs its access token: add ?token=... or an Authorization: Bearer header");
                } else {
                    cookie = gate.cookieFor(request);
                    response = route(request, api);
                }
            } catch (RuntimeException | IOException e) {
                response = Failures.response(e);
            }
            if (cookie != null) {
                exchange.getResponseHeaders().add("Set-Cookie", cookie);
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.status(), head ? -1 : response.body().length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    private static ApiResponse route(ApiRequest request, Map<String, Endpoint> api) {
        boolean reads = request.method().equals("GET") || request.method().equals("HEAD");
        if (request.path().startsWith("/api/")) {
            Endpoint endpoint = api.get(request.path().substring("/api/".length()));
            if (endpoint == null) {
                return ApiResponse.error(404, "no such API: " + request.path() + " (see docs/SERVE.md: " + String.join(", ", api.keySet()) + ")");
            }
            boolean sqlPost = request.method().equals("POST") && request.path().equals("/api/sql");
            if (!reads && !sqlPost) {
                return ApiResponse.error(405, request.method() + " is not served: the web view is read-only");
            }
            return endpoint.answer(request);
        }
        return reads ? SiteFiles.answer(request) : ApiResponse.error(405, request.method() + " is not served: the web view is read-only");
    }

    private static ApiRequest request(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
        String body = "";
        if (exchange.getRequestMethod().equals("POST")) {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] bytes = in.readNBytes(ApiRequest.MAX_BODY + 1);
                if (bytes.length > ApiRequest.MAX_BODY) {
                    throw new org.marketlake.core.error.InvalidRequestException("the request body is over " + ApiRequest.MAX_BODY + " bytes");
                }
                body = new String(bytes, StandardCharsets.UTF_8);
            }
        }
        return new ApiRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery()), headers, body);
    }
}
