package org.marketlake.forecast.backtest;

import java.util.List;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;

/**
 * A backtest: the reference (seasonal naive) first, then each model asked for. {@code season} is the nominal
 * season that scales MASE (1 on windows whose past is not longer than it). WQL uses
 * each model's own quantile levels.
 */
public record BacktestResult(Symbol symbol, Timeframe timeframe, int horizon, int season, List<ModelScore> models) {
    public BacktestResult {
        models = List.copyOf(models);
    }

    public List<Window> windows() {
        return models.get(0).windows().stream().map(WindowScore::window).toList();
    }
}
