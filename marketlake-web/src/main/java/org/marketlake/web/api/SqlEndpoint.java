package org.marketlake.web.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.format.Rows;
import org.marketlake.core.model.Catalogue;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.core.sql.SqlPage;
import org.marketlake.core.store.Lake;
import org.marketlake.web.http.ApiRequest;
import org.marketlake.web.http.ApiResponse;

/**
 * {@code POST /api/sql} (the statement as the body) or {@code GET /api/sql?q=}: {@code marketlake sql}'s read-only
 * DuckDB over the catalogue's checked files; a write, another file, ATTACH or an extension is refused with 403. The
 * first {@value #MAX_ROWS} rows are sent, with the count of all of them.
 */
final class SqlEndpoint {
    static final int MAX_ROWS = 10_000;

    private SqlEndpoint() {}

    static ApiResponse answer(Lake lake, ApiRequest request) {
        String sql = request.method().equals("POST") ? request.body().strip() : request.text("q");
        if (sql == null || sql.isEmpty()) {
            throw new InvalidRequestException("give the SQL to run: POST it as the body, or GET with ?q=");
        }
        Catalogue catalogue = lake.catalogue();
        SqlPage page;
        try (LakeSql lakeSql = lake.sql(catalogue, null)) {
            page = lakeSql.readOnlyQuery(sql, MAX_ROWS);
        }
        Rows rows = Rows.of(page.shown());
        List<Object[]> cells = new ArrayList<>(rows.size());
        for (int row = 0; row < rows.size(); row++) {
            Object[] values = new Object[rows.names().size()];
            for (int column = 0; column < values.length; column++) {
                values[column] = cell(rows.value(row, column));
            }
            cells.add(values);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("columns", page.shown().columns());
        body.put("types", page.shown().types());
        body.put("row_count", page.rowCount());
        body.put("shown", cells.size());
        body.put("truncated", page.truncated());
        body.put("rows", cells);
        body.put("skipped", catalogue.problems());
        return ApiResponse.json(body);
    }

    /** Numbers and booleans as they are (NaN as null), everything else as its text. */
    private static Object cell(Object value) {
        return switch (value) {
            case null -> null;
            case Double d -> Double.isFinite(d) ? d : null;
            case Float f -> Float.isFinite(f) ? f : null;
            case Integer i -> i;
            case Long l -> l;
            case Short s -> s;
            case Byte b -> b;
            case BigInteger big -> big;
            case BigDecimal decimal -> decimal;
            case Boolean bool -> bool;
            default -> value.toString();
        };
    }
}
