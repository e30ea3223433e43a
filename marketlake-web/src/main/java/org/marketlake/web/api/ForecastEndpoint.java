package org.marketlake.web.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlake.core.error.DataNotFoundException;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Micros;
import org.marketlake.core.store.Lake;
import org.marketlake.forecast.ForecastRequest;
import org.marketlake.forecast.LakeForecasts;
import org.marketlake.forecast.model.Forecast;
import org.marketlake.forecast.model.TimedForecast;
import org.marketlake.web.http.ApiRequest;
import org.marketlake.web.http.ApiResponse;
import org.marketlake.web.http.Json;

/**
 * {@code GET /api/forecast?symbol=&timeframe=&model=&horizon=&at=&tz=}: {@code marketlake forecast}'s quantiles, placed
 * on the symbol's sessions after the last bar (or {@code at}). Models are the baselines and, when the server was
 * started with a checkpoint folder, {@code chronos}; no request names a folder of its own.
 */
final class ForecastEndpoint {
    static final List<String> BASELINES = List.of("seasonal-naive", "naive", "drift");
    static final String CHRONOS = "chronos";

    private final Lake lake;
    private final Path checkpoint;

    ForecastEndpoint(Lake lake, Path checkpoint) {
        this.lake = lake;
        this.checkpoint = checkpoint;
    }

    List<String> models() {
        List<String> models = new ArrayList<>(BASELINES);
        if (checkpoint != null) {
            models.add(CHRONOS);
        }
        return models;
    }

    ApiResponse answer(ApiRequest request) {
        String model = request.text("model") == null ? BASELINES.get(0) : request.text("model");
        if (!models().contains(model)) {
            throw new InvalidRequestException("unknown model [value=" + model + "]: this server offers " + String.join(", ", models()));
        }
        long atMicros = Params.first(request, "at", Long.MAX_VALUE);
        ForecastRequest asked = new ForecastRequest(Params.symbol(request), Params.timeframe(request),
                model.equals(CHRONOS) ? checkpoint.toString() : model, 0, request.integer("horizon", 30, 1, ForecastRequest.MAX_HORIZON), atMicros);
        if (lake.catalogue().files().stream().noneMatch(f -> f.kind().equals(DataKind.bars(asked.timeframe())) && f.symbol().equals(asked.symbol()))) {
            throw new DataNotFoundException("no " + asked.timeframe() + " bars of " + asked.symbol() + " in the lake");
        }
        TimedForecast result = LakeForecasts.forecast(lake, asked);
        Forecast forecast = result.forecast();
        long[] seconds = new long[result.timestamps().length];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = Math.floorDiv(result.timestamps()[i], Micros.PER_SECOND);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", asked.symbol().value());
        body.put("timeframe", asked.timeframe().label());
        body.put("model", model);
        body.put("method", result.method());
        body.put("horizon", forecast.horizon());
        body.put("last_bar", Micros.toInstant(result.history().lastTimestamp()).toString());
        body.put("time", seconds);
        body.put("median", Json.numbers(forecast.median(), forecast.horizon()));
        body.put("q10", Json.numbers(forecast.interpolated(0.1), forecast.horizon()));
        body.put("q90", Json.numbers(forecast.interpolated(0.9), forecast.horizon()));
        body.put("mean", Json.numbers(forecast.mean(), forecast.horizon()));
        return ApiResponse.json(body);
    }
}
