package org.marketlake.forecast.model;

import java.util.Optional;
import org.marketlake.core.calendar.SessionCalendar;

/**
 * A forecast placed in time: the history it was made from, the forecaster's name and how it used the history
 * ({@code method}, e.g. {@code seasonal-naive, season 390}), the calendar that placed the steps, and one
 * timestamp (bar start, epoch micros) per step. For a forecast made in the past ({@code --at}), {@code actual}
 * holds the bars the lake has from the first step to the last: what happened, for the chart to show beside it.
 */
public record TimedForecast(Series history, String model, String method, SessionCalendar calendar, long[] timestamps, Forecast forecast,
        Optional<Series> actual) {
    public TimedForecast {
        if (timestamps.length != forecast.horizon()) {
            throw new IllegalArgumentException(timestamps.length + " timestamps for " + forecast.horizon() + " steps");
        }
    }

    /** A forecast of the future: nothing to compare with yet. */
    public TimedForecast(Series history, String model, String method, SessionCalendar calendar, long[] timestamps, Forecast forecast) {
        this(history, model, method, calendar, timestamps, forecast, Optional.empty());
    }
}
