package org.marketlake.web.api;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.marketlake.core.store.Lake;
import org.marketlake.web.http.Endpoint;

/**
 * The JSON API under {@code /api/} (docs/SERVE.md): what the pages show, for scripts and notebooks too. Every
 * endpoint reads through the lake's catalogue and query API, as the commands do; none writes.
 */
public final class LakeApi {
    private final Lake lake;
    private final ForecastEndpoint forecasts;

    /** @param model a Chronos-Bolt checkpoint folder offered as model {@code chronos}, or null */
    public LakeApi(Lake lake, Path model) {
        this.lake = java.util.Objects.requireNonNull(lake, "lake");
        this.forecasts = new ForecastEndpoint(lake, model);
    }

    /** Path (under {@code /api/}) to endpoint. */
    public Map<String, Endpoint> endpoints() {
        Map<String, Endpoint> routes = new LinkedHashMap<>();
        routes.put("inventory", request -> InventoryEndpoint.answer(lake, forecasts.models()));
        routes.put("bars", request -> BarsEndpoint.answer(lake, request));
        routes.put("quotes", request -> QuotesEndpoint.answer(lake, request));
        routes.put("coverage", request -> CoverageEndpoint.answer(lake, request));
        routes.put("forecast", forecasts::answer);
        routes.put("sql", request -> SqlEndpoint.answer(lake, request));
        return routes;
    }
}
