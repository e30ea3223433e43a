package org.marketlake.forecast;

import org.marketlake.forecast.calendar.SessionCalendar;

/**
 * A forecast placed in time: the history it was made from, the forecaster's name and how it used the history
 * ({@code method}, e.g. {@code seasonal-naive, season 390}), the calendar that placed the steps, and one
 * timestamp (bar start, epoch micros) per step.
 */
public record TimedForecast(Series history, String model, String method, SessionCalendar calendar, long[] timestamps, Forecast forecast) {
    public TimedForecast {
        if (timestamps.length != forecast.horizon()) {
            throw new IllegalArgumentException(timestamps.length + " timestamps for " + forecast.horizon() + " steps");
        }
    }
}
