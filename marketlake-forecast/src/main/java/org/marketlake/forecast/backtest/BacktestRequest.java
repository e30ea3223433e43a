package org.marketlake.forecast.backtest;

import java.util.List;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;

/**
 * What {@code marketlake backtest} asks for.
 *
 * @param models {@code naive}, {@code seasonal-naive}, {@code drift} or Chronos-Bolt checkpoint folders
 * @param contextLength values each model sees, 0 for its default
 */
public record BacktestRequest(Symbol symbol, Timeframe timeframe, List<String> models, int horizon, int windows, int contextLength) {
    public static final int MAX_WINDOWS = 10_000;

    public BacktestRequest {
        if (symbol == null || timeframe == null || models == null || models.isEmpty()) {
            throw new InvalidRequestException("a backtest needs a symbol, a timeframe and at least one model").about("model");
        }
        models = List.copyOf(models);
        if (horizon < 1 || horizon > org.marketlake.forecast.model.Forecast.MAX_HORIZON) {
            throw new InvalidRequestException("horizon must be between 1 and " + org.marketlake.forecast.model.Forecast.MAX_HORIZON + " [value=" + horizon + "]").about("horizon");
        }
        if (windows < 1 || windows > MAX_WINDOWS) {
            throw new InvalidRequestException("windows must be between 1 and " + MAX_WINDOWS + " [value=" + windows + "]").about("windows");
        }
        if (contextLength < 0) {
            throw new InvalidRequestException("context length must be at least 1 [value=" + contextLength + "]").about("context length");
        }
    }
}
