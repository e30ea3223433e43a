package org.marketlake.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlake.core.calendar.SymbolCalendars;
import org.marketlake.core.calendar.TradingCalendar;
import org.marketlake.core.error.DataNotFoundException;
import org.marketlake.core.model.Catalogue;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.query.LakeQuery;
import org.marketlake.core.query.Selection;
import org.marketlake.core.store.Lake;
import org.marketlake.web.encode.FrameEncodings;
import org.marketlake.web.http.ApiRequest;
import org.marketlake.web.http.ApiResponse;

/**
 * {@code GET /api/bars?symbol=&timeframe=&start=&end=&tz=&market_hours=&max_points=&format=}: the bars of a range,
 * from the stored roll-up that holds at most {@code max_points} of them ({@link Resolution}).
 */
final class BarsEndpoint {
    static final int DEFAULT_POINTS = 5_000;
    static final int MAX_POINTS = 5_000_000;

    private BarsEndpoint() {}

    static ApiResponse answer(Lake lake, ApiRequest request) {
        Symbol symbol = Params.symbol(request);
        Timeframe asked = Params.timeframe(request);
        TimeRange range = Params.range(request);
        boolean marketHours = request.flag("market_hours");
        int maxPoints = request.integer("max_points", DEFAULT_POINTS, 1, MAX_POINTS);
        BarFormat format = BarFormat.of(request);
        Catalogue catalogue = lake.catalogue();
        Resolution resolution = Resolution.of(catalogue.files(), symbol, asked);
        if (resolution.candidates().isEmpty() || resolution.candidates().get(0) != asked) {
            throw new DataNotFoundException("no " + asked + " bars of " + symbol + " in the lake");
        }
        TradingCalendar hours = marketHours ? SymbolCalendars.of(lake.root()).of(symbol) : null;
        Timeframe served = resolution.choose(catalogue.files(), symbol, range, maxPoints);
        List<String> skipped = new ArrayList<>();
        Frame frame;
        while (true) {
            skipped.clear();
            frame = new LakeQuery(DataKind.bars(served), symbol, new Selection.Range(range), List.of(), hours).run(lake, skipped::add);
            Timeframe coarser = resolution.coarserThan(served);
            if (frame.size() <= maxPoints || coarser == null) {
                break;
            }
            served = coarser;
        }
        boolean truncated = frame.size() > maxPoints;
        if (truncated) {
            frame = frame.slice(frame.size() - maxPoints, frame.size());
        }
        return switch (format) {
            case ARROW -> new ApiResponse(200, format.mediaType, FrameEncodings.arrow(frame));
            case PARQUET -> new ApiResponse(200, format.mediaType, FrameEncodings.parquet(frame));
            case JSON -> ApiResponse.json(json(frame, asked, served, marketHours, maxPoints, truncated, skipped));
        };
    }

    private static Map<String, Object> json(Frame frame, Timeframe asked, Timeframe served, boolean marketHours, int maxPoints,
            boolean truncated, List<String> skipped) {
        int size = frame.size();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", frame.symbol().value());
        body.put("timeframe", served.label());
        body.put("requested", asked.label());
        body.put("market_hours", marketHours);
        body.put("max_points", maxPoints);
        body.put("rows", size);
        body.put("truncated", truncated);
        body.put("skipped", skipped);
        body.put("time", Columns.seconds(frame));
        for (String name : List.of("open", "high", "low", "close", "volume")) {
            body.put(name, Columns.numbers(frame, name));
        }
        body.put("vwap", Columns.vwap(frame));
        return body;
    }
}
