package org.marketlake.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlake.core.calendar.SymbolCalendars;
import org.marketlake.core.calendar.TradingCalendar;
import org.marketlake.core.error.DataNotFoundException;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.query.LakeQuery;
import org.marketlake.core.query.Selection;
import org.marketlake.core.store.Lake;
import org.marketlake.web.http.ApiRequest;
import org.marketlake.web.http.ApiResponse;

/**
 * {@code GET /api/quotes?symbol=&start=&end=&tz=&market_hours=&max_points=}: the stored quotes (one per second) of a
 * range. Quotes have no roll-ups, so a range holding more than {@code max_points} is thinned to every k-th quote,
 * and {@code every} says k.
 */
final class QuotesEndpoint {
    private QuotesEndpoint() {}

    static ApiResponse answer(Lake lake, ApiRequest request) {
        Symbol symbol = Params.symbol(request);
        Selection.Range range = new Selection.Range(Params.range(request));
        boolean marketHours = request.flag("market_hours");
        int maxPoints = request.integer("max_points", BarsEndpoint.DEFAULT_POINTS, 1, BarsEndpoint.MAX_POINTS);
        if (lake.catalogue().files().stream().noneMatch(f -> f.kind().equals(DataKind.QUOTES) && f.symbol().equals(symbol))) {
            throw new DataNotFoundException("no quotes of " + symbol + " in the lake");
        }
        TradingCalendar hours = marketHours ? SymbolCalendars.of(lake.root()).of(symbol) : null;
        List<String> skipped = new ArrayList<>();
        Frame frame = new LakeQuery(DataKind.QUOTES, symbol, range, List.of(), hours).run(lake, skipped::add);
        int inRange = frame.size();
        int every = Math.max(1, (inRange + maxPoints - 1) / maxPoints);
        if (every > 1) {
            int[] rows = new int[(inRange + every - 1) / every];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = i * every;
            }
            frame = frame.select(rows);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", symbol.value());
        body.put("market_hours", marketHours);
        body.put("in_range", inRange);
        body.put("every", every);
        body.put("rows", frame.size());
        body.put("skipped", skipped);
        body.put("time", Columns.seconds(frame));
        body.put("bid", Columns.numbers(frame, "bid_price"));
        body.put("ask", Columns.numbers(frame, "ask_price"));
        body.put("spread", Columns.numbers(frame, "spread"));
        body.put("bid_size", Columns.numbers(frame, "bid_size"));
        body.put("ask_size", Columns.numbers(frame, "ask_size"));
        return ApiResponse.json(body);
    }
}
