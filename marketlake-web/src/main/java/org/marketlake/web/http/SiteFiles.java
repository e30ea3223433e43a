package org.marketlake.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/** The pages, scripts and styles: files under {@code org/marketlake/web/site/} on the class path, nothing generated. */
public final class SiteFiles {
    private static final String BASE = "/org/marketlake/web/site/";
    private static final Pattern SAFE = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*(/[a-z0-9_-]+(\\.[a-z0-9_-]+)*)*", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "txt", "text/plain; charset=utf-8",
            "md", "text/plain; charset=utf-8",
            "png", "image/png",
            "svg", "image/svg+xml");

    private SiteFiles() {}

    /** The file at {@code path} ({@code /} is the lake page), or a 404. */
    public static ApiResponse answer(ApiRequest request) {
        String name = request.path().equals("/") ? "index.html" : request.path().substring(1);
        if (!SAFE.matcher(name).matches()) {
            return ApiResponse.error(404, "no such page: " + request.path());
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT));
        try (InputStream in = SiteFiles.class.getResourceAsStream(BASE + name)) {
            if (in == null || type == null) {
                return ApiResponse.error(404, "no such page: " + request.path());
            }
            return new ApiResponse(200, type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page " + name, e);
        }
    }
}
