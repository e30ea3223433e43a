package org.marketlake.forecast;

import org.marketlake.forecast.backtest.BacktestResult;
import org.marketlake.forecast.backtest.BacktestRequest;
import org.marketlake.forecast.backtest.Backtest;
import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.Timeframe;
import org.marketlake.forecast.model.Forecaster;
import org.marketlake.forecast.Forecasters;
import org.marketlake.forecast.LakeForecasts;
import org.marketlake.forecast.LakeSeries;
import org.marketlake.forecast.model.SeasonLength;
import org.marketlake.forecast.model.Series;
import org.marketlake.forecast.baseline.Baselines;

/** Backtests over lake data: reads enough recent closes for every window and model, then runs {@link Backtest}. */
public final class LakeBacktests {
    private LakeBacktests() {}

    public static BacktestResult run(Lake lake, BacktestRequest request) {
        Timeframe timeframe = request.timeframe();
        SeasonLength widest = SeasonLength.of(timeframe, true);
        // The reference, seasonal naive, runs with its default context; read enough for it and for every model.
        int context = Baselines.seasonalNaive(widest).contextLength(request.horizon());
        List<Forecaster> loaded = new ArrayList<>();
        for (String model : request.models()) {
            Forecaster forecaster = Forecasters.of(model, widest, request.contextLength());
            context = Math.max(context, forecaster.contextLength(request.horizon()));
            loaded.add(forecaster);
        }
        Series series = LakeSeries.read(lake, request.symbol(), timeframe, LakeForecasts.COLUMN, Long.MAX_VALUE,
                request.windows() * request.horizon() + context);
        SeasonLength season = LakeForecasts.seasonOf(series);
        // Baselines take the season the data shows; checkpoints are loaded once and kept.
        List<Forecaster> models = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            String model = request.models().get(i);
            models.add(Baselines.isBaseline(model)
                    ? Forecasters.of(model, season, request.contextLength())
                    : loaded.get(i));
        }
        return Backtest.run(series, models, season, request.horizon(), request.windows());
    }
}
