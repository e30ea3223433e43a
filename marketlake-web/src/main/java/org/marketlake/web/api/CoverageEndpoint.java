package org.marketlake.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marketlake.core.calendar.SymbolCalendars;
import org.marketlake.core.coverage.Coverage;
import org.marketlake.core.coverage.CoverageReport;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.store.Lake;
import org.marketlake.web.http.ApiRequest;
import org.marketlake.web.http.ApiResponse;

/**
 * {@code GET /api/coverage?symbol=&timeframe=&start=&end=}: per trading day of the symbol's calendar (the lake's
 * symbols.yaml, else XNYS), the bars expected and stored, as {@code marketlake coverage} prints them.
 */
final class CoverageEndpoint {
    private CoverageEndpoint() {}

    static ApiResponse answer(Lake lake, ApiRequest request) {
        Symbol symbol = Params.symbol(request);
        CoverageReport report = Coverage.of(lake, symbol, Params.timeframe(request), SymbolCalendars.of(lake.root()).of(symbol),
                Params.date(request, "start"), Params.date(request, "end"));
        List<Map<String, Object>> days = new ArrayList<>();
        for (CoverageReport.Day day : report.days()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", day.date().toString());
            row.put("trades", day.trades());
            row.put("expected", day.expected());
            row.put("present", day.present());
            row.put("missing", day.missing());
            row.put("outside", day.outside());
            row.put("coverage", day.coverage().orElse(null));
            row.put("longest_gap", gap(day.longestGap()));
            row.put("note", day.note().orElse(null));
            days.add(row);
        }
        CoverageReport.Totals totals = report.totals();
        Map<String, Object> sums = new LinkedHashMap<>();
        sums.put("days", totals.days());
        sums.put("expected", totals.expected());
        sums.put("present", totals.present());
        sums.put("missing", totals.missing());
        sums.put("outside", totals.outside());
        sums.put("missing_days", totals.missingDays());
        sums.put("coverage", totals.coverage().orElse(null));
        sums.put("longest_gap", gap(totals.longestGap()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", report.symbol().value());
        body.put("timeframe", report.timeframe().label());
        body.put("calendar", report.calendar());
        body.put("first", report.first().toString());
        body.put("last", report.last().toString());
        body.put("totals", sums);
        body.put("days", days);
        return ApiResponse.json(body);
    }

    private static Map<String, Object> gap(Optional<CoverageReport.Gap> gap) {
        if (gap.isEmpty()) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("start", Micros.toInstant(gap.get().startMicros()).toString());
        row.put("last", Micros.toInstant(gap.get().lastMicros()).toString());
        row.put("bars", gap.get().bars());
        return row;
    }
}
