package org.marketlake.forecast.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Something that turns the recent past of one series into quantile forecasts. Implementations: the baselines
 * ({@code baseline.Baselines}) and Chronos-Bolt ({@code Forecasters.chronos}).
 * A forecaster knows nothing of timestamps: it sees values oldest first and answers step by step; the
 * session calendar ({@link org.marketlake.core.calendar.SessionCalendar}) puts the steps in time.
 */
public interface Forecaster {

    /** The name used on the command line and in reports: {@code naive}, {@code seasonal-naive}, {@code drift}, {@code chronos-bolt}. */
    String name();

    /**
     * Forecasts {@code horizon} steps after the last value of {@code history} (oldest first, at least one value).
     * The forecast's quantile levels are the forecaster's own, the same on every call.
     */
    Forecast forecast(double[] history, int horizon);

    /**
     * Forecasts several histories at once (a backtest's windows), in order. The default forecasts one by one; a
     * model that runs batches faster (Chronos-Bolt, across both cores) overrides it.
     */
    default List<Forecast> forecastEach(List<double[]> histories, int horizon) {
        List<Forecast> forecasts = new ArrayList<>(histories.size());
        for (double[] history : histories) {
            forecasts.add(forecast(history, horizon));
        }
        return forecasts;
    }

    /** How many recent values this forecaster looks at when the caller does not say (for a given horizon). */
    int contextLength(int horizon);

    /** One line on how a history of {@code historyLength} values will be used, e.g. the season actually applied. */
    default String describe(int historyLength) {
        return name();
    }
}
