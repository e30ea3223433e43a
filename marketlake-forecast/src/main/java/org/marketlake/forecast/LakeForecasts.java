package org.marketlake.forecast;

import org.marketlake.forecast.model.TimedForecast;

import org.marketlake.forecast.model.Series;

import org.marketlake.forecast.model.SeasonLength;

import org.marketlake.forecast.model.Forecaster;

import org.marketlake.forecast.model.Forecast;

import java.util.Arrays;
import java.util.Optional;
import org.marketlake.core.calendar.SymbolCalendars;
import org.marketlake.core.calendar.TradingCalendar;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.Timeframe;
import org.marketlake.forecast.baseline.Baselines;
import org.marketlake.core.calendar.SessionCalendar;

/** Forecasts from the lake: reads the recent closes, finds the session calendar and season, forecasts, places the steps. */
public final class LakeForecasts {
    /** The column forecast: the bar close. */
    public static final String COLUMN = "close";

    private LakeForecasts() {}

    public static TimedForecast forecast(Lake lake, ForecastRequest request) {
        Timeframe timeframe = request.timeframe();
        // The calendar (hence the season) comes from the data, and how much data to read from the forecaster:
        // size the read for the longer, around-the-clock season, then pick the season the data shows.
        Forecaster forecaster = Forecasters.of(request.model(), SeasonLength.of(timeframe, true), request.contextLength());
        Series series = LakeSeries.read(lake, request.symbol(), timeframe, COLUMN, request.atMicros(), forecaster.contextLength(request.horizon()));
        // Trading hours are known in advance, so the calendar of a forecast made in the past (--at) may read the
        // bars after it too: two weeks of them, enough to show a whole trading day even when --at is mid-session.
        Series hours = request.atMicros() == Long.MAX_VALUE ? series
                : LakeSeries.read(lake, request.symbol(), timeframe, COLUMN, Math.addExact(request.atMicros(), LakeSeries.CALENDAR_SPAN), 1);
        SessionCalendar calendar = onExchangeDates(lake, request.symbol(), request.calendar(),
                SessionCalendar.fromData(timeframe, hours.timestamps(), hours.size()));
        if (Baselines.isBaseline(request.model())) {
            forecaster = Forecasters.of(request.model(), SeasonLength.of(timeframe, calendar.aroundTheClock()), request.contextLength());
        }
        double[] history = series.lastValues(forecaster.contextLength(request.horizon()));
        Forecast forecast = forecaster.forecast(history, request.horizon());
        long next = series.lastTimestamp() + timeframe.micros();
        long first = request.atMicros() == Long.MAX_VALUE ? next : Math.max(next, request.atMicros());
        long[] timestamps = calendar.from(first, request.horizon());
        return new TimedForecast(series, forecaster.name(), forecaster.describe(history.length), calendar, timestamps, forecast,
                actual(hours, timestamps[0], timestamps[timestamps.length - 1]));
    }

    /** The bars of {@code read} from {@code first} to {@code last} (bar starts, inclusive), if there are any. */
    private static Optional<Series> actual(Series read, long first, long last) {
        long[] timestamps = read.timestamps();
        int from = lowerBound(timestamps, first);
        int to = lowerBound(timestamps, last + 1);
        return from < to ? Optional.of(read.slice(from, to)) : Optional.empty();
    }

    private static int lowerBound(long[] sorted, long key) {
        int index = Arrays.binarySearch(sorted, key);
        return index >= 0 ? index : -index - 1;
    }

    /**
     * The bars' own calendar, its trading dates from the exchange calendar: the one asked for, else the lake's
     * symbols.yaml entry, else XNYS when the bars trade on weekdays only (an equity); bars that trade on weekends
     * keep the dates they show, so a crypto pair without a symbols.yaml entry is not put on an exchange's days.
     */
    private static SessionCalendar onExchangeDates(Lake lake, Symbol symbol, TradingCalendar asked, SessionCalendar fromData) {
        if (asked != null) {
            return fromData.onDatesOf(asked);
        }
        Optional<TradingCalendar> configured = SymbolCalendars.of(lake.root()).configured(symbol);
        if (configured.isPresent()) {
            return fromData.onDatesOf(configured.get());
        }
        return fromData.onDatesOfOrDefault(null);
    }

    /** The season of a series of {@code timeframe} bars, whether it trades around the clock read from the series. */
    public static SeasonLength seasonOf(Series series) {
        SessionCalendar calendar = SessionCalendar.fromData(series.timeframe(), series.timestamps(), series.size());
        return SeasonLength.of(series.timeframe(), calendar.aroundTheClock());
    }
}
