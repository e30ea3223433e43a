package org.marketlake.forecast;

import org.marketlake.forecast.model.TimedForecast;

import org.marketlake.forecast.model.Forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marketlake.forecast.TestBars.micros;

import org.junit.jupiter.api.Test;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;

class LakeForecastsTest {
    private static final Symbol IBM = Symbol.of("IBM");
    private final org.marketlake.core.store.Lake lake = TestLakes.of(
            TestBars.csv("ibm-2013-10-07/reference-bars-1m.csv", Timeframe.M1, "IBM"),
            TestBars.csv("ibm-2013-10-07/reference-bars-1d.csv", Timeframe.D1, "IBM"),
            TestBars.csv("btcusd-2016-10-07/reference-bars-1m.csv", Timeframe.M1, "BTCUSD"));

    @Test
    void seasonalNaiveByDefaultOnOneEquityDayContinuesNextMorning() {
        TimedForecast result = LakeForecasts.forecast(lake, new ForecastRequest(IBM, Timeframe.M1, "seasonal-naive", 0, 30, Long.MAX_VALUE));

        assertThat(result.history().size()).isEqualTo(453);
        assertThat(result.method()).isEqualTo("seasonal-naive, season 390");
        assertThat(result.timestamps()).hasSize(30);
        assertThat(Micros.format(result.timestamps()[0])).isEqualTo("2013-10-08T08:00:00Z");
        assertThat(Micros.format(result.timestamps()[29])).isEqualTo("2013-10-08T08:29:00Z");
        // Seasonal naive with the regular session's season: step 1 repeats the close 390 bars before the end.
        assertThat(result.forecast().mean()[0]).isEqualTo(result.history().values()[453 - 390]);
        assertThat(result.actual()).isEmpty();
        assertQuantilesOrdered(result.forecast());
    }

    @Test
    void atCutsTheHistoryAndStartsTheStepsThere() {
        TimedForecast result = LakeForecasts.forecast(lake,
                new ForecastRequest(IBM, Timeframe.M1, "naive", 0, 5, micros("2013-10-07T15:00:00Z")));
        assertThat(Micros.format(result.history().lastTimestamp())).isEqualTo("2013-10-07T14:59:00Z");
        assertThat(Micros.format(result.timestamps()[0])).isEqualTo("2013-10-07T15:00:00Z");
        assertThat(result.forecast().mean()).containsOnly(result.history().values()[result.history().size() - 1]);
        // What happened at the steps: the bars at 15:00 and later, up to the last step.
        assertThat(result.actual()).hasValueSatisfying(actual -> {
            assertThat(Micros.format(actual.timestamps()[0])).isEqualTo("2013-10-07T15:00:00Z");
            assertThat(actual.lastTimestamp()).isLessThanOrEqualTo(result.timestamps()[4]);
        });
    }

    @Test
    void cryptoGetsTheAroundTheClockSeasonAndEveryMinute() {
        TimedForecast result = LakeForecasts.forecast(lake,
                new ForecastRequest(Symbol.of("BTCUSD"), Timeframe.M1, "seasonal-naive", 0, 3, Long.MAX_VALUE));
        assertThat(result.method()).isEqualTo("seasonal-naive, season 60 (season 1440 needs more than 1440 bars, have 1419)");
        assertThat(result.calendar().aroundTheClock()).isTrue();
        assertThat(result.timestamps()).containsExactly(micros("2016-10-08T00:00:00Z"), micros("2016-10-08T00:01:00Z"), micros("2016-10-08T00:02:00Z"));
    }

    @Test
    void dailyEquityStepsSkipTheWeekend() {
        TimedForecast result = LakeForecasts.forecast(lake, new ForecastRequest(IBM, Timeframe.D1, "drift", 0, 2, Long.MAX_VALUE));
        assertThat(result.timestamps()).containsExactly(micros("2013-10-21T00:00:00Z"), micros("2013-10-22T00:00:00Z"));
    }

    @Test
    void contextLengthLimitsWhatTheModelSees() {
        TimedForecast result = LakeForecasts.forecast(lake, new ForecastRequest(IBM, Timeframe.M1, "drift", 2, 1, Long.MAX_VALUE));
        double[] closes = result.history().values();
        double last = closes[closes.length - 1];
        assertThat(result.forecast().mean()[0]).isEqualTo(last + (last - closes[closes.length - 2]));
    }

    @Test
    void missingBarsAndUnknownModelsSayWhatToDo() {
        assertThatThrownBy(() -> LakeForecasts.forecast(lake, new ForecastRequest(Symbol.of("AAPL"), Timeframe.M1, "naive", 0, 5, Long.MAX_VALUE)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("no 1m bars of AAPL in the lake [root=" + lake.root() + "]: ingest some first (or run marketlake demo), or check the lake root");
        assertThatThrownBy(() -> LakeForecasts.forecast(lake, new ForecastRequest(IBM, Timeframe.M1, "prophet", 0, 5, Long.MAX_VALUE)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("unknown model [value=prophet]: use naive, seasonal-naive, drift or a Chronos-Bolt checkpoint folder");
        assertThatThrownBy(() -> new ForecastRequest(IBM, Timeframe.M1, "naive", 0, 0, Long.MAX_VALUE))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("horizon must be between 1 and 100000 [value=0]");
    }

    static void assertQuantilesOrdered(Forecast forecast) {
        for (int step = 0; step < forecast.horizon(); step++) {
            for (int q = 1; q < forecast.quantileLevels().length; q++) {
                assertThat(forecast.quantiles()[q][step]).isGreaterThanOrEqualTo(forecast.quantiles()[q - 1][step]);
            }
        }
    }
}
