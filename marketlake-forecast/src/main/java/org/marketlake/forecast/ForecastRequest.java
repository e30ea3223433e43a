package org.marketlake.forecast;

import org.marketlake.core.calendar.TradingCalendar;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Symbol;
import org.marketlake.forecast.model.Forecast;
import org.marketlake.core.model.Timeframe;

/**
 * What {@code marketlake forecast} asks for.
 *
 * @param model {@code naive}, {@code seasonal-naive}, {@code drift} or a Chronos-Bolt checkpoint folder
 * @param contextLength values the model sees, 0 for its default
 * @param atMicros forecast as of this instant (bars starting before it are history), or {@link Long#MAX_VALUE}
 *     for after the last bar
 * @param calendar the exchange calendar whose trading dates the steps follow; null: the lake's symbols.yaml entry
 *     for the symbol, else XNYS for bars that trade on weekdays only, else the dates the bars show
 */
public record ForecastRequest(Symbol symbol, Timeframe timeframe, String model, int contextLength, int horizon, long atMicros,
        TradingCalendar calendar) {
    /** Horizons longer than this are refused: a typo more likely than a wish. */
    public static final int MAX_HORIZON = Forecast.MAX_HORIZON;

    /** With the calendar chosen from the lake and the bars. */
    public ForecastRequest(Symbol symbol, Timeframe timeframe, String model, int contextLength, int horizon, long atMicros) {
        this(symbol, timeframe, model, contextLength, horizon, atMicros, null);
    }

    public ForecastRequest {
        if (symbol == null || timeframe == null || model == null || model.isBlank()) {
            throw new InvalidRequestException("a forecast needs a symbol, a timeframe and a model");
        }
        if (horizon < 1 || horizon > MAX_HORIZON) {
            throw new InvalidRequestException("horizon must be between 1 and " + MAX_HORIZON + " [value=" + horizon + "]").about("horizon");
        }
        if (contextLength < 0) {
            throw new InvalidRequestException("context length must be at least 1 [value=" + contextLength + "]").about("context length");
        }
    }
}
