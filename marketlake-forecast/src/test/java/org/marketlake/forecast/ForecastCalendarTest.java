package org.marketlake.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlake.core.calendar.TradingCalendars;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.store.Lake;
import org.marketlake.forecast.model.TimedForecast;

/** Forecast steps follow the exchange calendar's trading dates: over a weekend and a holiday, never into them. */
class ForecastCalendarTest {
    /** 1m bars of the regular session, 09:30-16:00 New York (EDT: 13:30-20:00 UTC), on the given dates. */
    private static Lake sessions(String... dates) {
        List<Long> timestamps = new ArrayList<>();
        for (String date : dates) {
            long open = TestBars.micros(date + "T13:30:00Z");
            for (int minute = 0; minute < 390; minute++) {
                timestamps.add(open + minute * 60_000_000L);
            }
        }
        long[] ts = timestamps.stream().mapToLong(Long::longValue).toArray();
        double[] closes = new double[ts.length];
        for (int i = 0; i < ts.length; i++) {
            closes[i] = 100 + (i % 17) * 0.25;
        }
        return TestLakes.of(TestBars.closes(Timeframe.M1, "SPY", ts, closes));
    }

    private static String first(TimedForecast forecast) {
        return Micros.format(forecast.timestamps()[0]);
    }

    @Test
    void theStepAfterTheCloseBeforeIndependenceDayIsTheNextSessionNotTheHoliday() {
        // Weekdays of two weeks around 2024-07-04 (Thursday, a holiday), the holiday itself without bars.
        Lake lake = sessions("2024-06-24", "2024-06-25", "2024-06-26", "2024-06-27", "2024-06-28",
                "2024-07-01", "2024-07-02", "2024-07-03");
        TimedForecast forecast = LakeForecasts.forecast(lake, new ForecastRequest(Symbol.of("SPY"), Timeframe.M1, "naive", 0, 3, Long.MAX_VALUE));
        assertThat(first(forecast)).isEqualTo("2024-07-05T13:30:00Z");
        assertThat(forecast.calendar().toString()).startsWith("XNYS trading days");
    }

    @Test
    void theStepAfterFridaysCloseIsMondaysOpenAndA247CalendarAskedForGoesOnAtNight() {
        Lake lake = sessions("2024-06-17", "2024-06-18", "2024-06-19", "2024-06-20", "2024-06-21");
        TimedForecast monday = LakeForecasts.forecast(lake, new ForecastRequest(Symbol.of("SPY"), Timeframe.M1, "naive", 0, 2, Long.MAX_VALUE));
        // 2024-06-19 is Juneteenth, closed: the data's own weekdays would not know it, the calendar does.
        assertThat(first(monday)).isEqualTo("2024-06-24T13:30:00Z");
        TimedForecast always = LakeForecasts.forecast(lake, new ForecastRequest(Symbol.of("SPY"), Timeframe.M1, "naive", 0, 2, Long.MAX_VALUE,
                TradingCalendars.of("24/7")));
        assertThat(first(always)).isEqualTo("2024-06-22T13:30:00Z");
    }
}
