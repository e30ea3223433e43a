package org.marketlake.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.marketlake.core.store.Lake;
import org.marketlake.ingest.DemoLake;
import org.marketlake.web.ServeSettings;
import org.marketlake.web.WebServer;

/** The demo lake, written once per test JVM into a temporary folder, and a server over it on a free loopback port. */
public final class DemoServer {
    private static Path demo;

    private DemoServer() {}

    /** The demo lake's root (written on the first call). */
    public static synchronized Path demoLake() {
        if (demo == null) {
            try {
                demo = Files.createTempDirectory("marketlake-web-demo-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            DemoLake.write(Lake.open(demo));
        }
        return demo;
    }

    public static WebServer start(Path root, String token) {
        return start(root, token, null);
    }

    /** With {@code model} (a Chronos-Bolt checkpoint folder) offered as forecast model {@code chronos}. */
    public static WebServer start(Path root, String token, Path model) {
        return WebServer.start(new ServeSettings(Lake.openExisting(root), InetAddress.getLoopbackAddress(), 0, token, model));
    }

    /** GET {@code path} (with a leading slash) from {@code server}. */
    public static HttpResponse<String> get(WebServer server, String path) {
        return send(HttpRequest.newBuilder(uri(server, path)).build());
    }

    public static HttpResponse<byte[]> getBytes(WebServer server, String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(server, path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> post(WebServer server, String path, String body) {
        return send(HttpRequest.newBuilder(uri(server, path)).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static URI uri(WebServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
