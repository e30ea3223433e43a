package org.marketlake.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlake.core.model.Catalogue;
import org.marketlake.core.model.Micros;
import org.marketlake.core.query.Inventory;
import org.marketlake.core.store.Lake;
import org.marketlake.web.http.ApiResponse;

/** {@code GET /api/inventory}: what {@code marketlake ls} shows, from the catalogue, and the files it left out as problems. */
final class InventoryEndpoint {
    private InventoryEndpoint() {}

    static ApiResponse answer(Lake lake, List<String> models) {
        Catalogue catalogue = lake.catalogue();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Inventory.Entry entry : new Inventory(catalogue.files()).entries()) {
            boolean quotes = entry.kind().equals("quotes");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", quotes ? "quotes" : "bars");
            row.put("timeframe", entry.kind());
            row.put("symbol", entry.symbol());
            row.put("files", entry.files());
            row.put("unit", entry.kind().equals("1d") ? "year" : "month");
            row.put("periods", entry.firstPeriod().equals(entry.lastPeriod()) ? entry.firstPeriod() : entry.firstPeriod() + ".." + entry.lastPeriod());
            row.put("rows", entry.rows());
            row.put("bytes", entry.bytes());
            row.put("first", entry.rows() == 0 ? null : Micros.toInstant(entry.firstMicros()).toString());
            row.put("last", entry.rows() == 0 ? null : Micros.toInstant(entry.lastMicros()).toString());
            entries.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("root", lake.root().toAbsolutePath().normalize().toString());
        body.put("entries", entries);
        body.put("problems", catalogue.problems());
        body.put("models", models);
        return ApiResponse.json(body);
    }
}
