package org.marketlake.forecast;

import org.marketlake.forecast.model.TimedForecast;

import org.marketlake.forecast.model.SeasonLength;

import org.marketlake.forecast.model.Forecaster;

import org.marketlake.forecast.model.Forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;

/** The Chronos-Bolt adapter over the port, on the tiny test checkpoint: shapes, order, timestamps. */
class ChronosForecasterTest {
    static final Path CHECKPOINT = Path.of(System.getProperty("marketlake.shared", "../../shared")).resolve("chronos/dummy-chronos-bolt-model");

    @Test
    void forecastsEveryLevelForEveryStepInOrder() {
        Forecaster chronos = Forecasters.of(CHECKPOINT.toString(), SeasonLength.of(Timeframe.M1, false), 0);
        assertThat(chronos.name()).isEqualTo("chronos-bolt");
        assertThat(chronos.contextLength(30)).isEqualTo(512);
        Random random = new Random(7);
        double[] history = new double[300];
        history[0] = 100;
        for (int i = 1; i < history.length; i++) {
            history[i] = history[i - 1] + random.nextGaussian();
        }
        // 70 steps: beyond the checkpoint's own 64, rolled forward by the port.
        Forecast forecast = chronos.forecast(history, 70);
        assertThat(forecast.quantileLevels()).containsExactly(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);
        assertThat(forecast.horizon()).isEqualTo(70);
        LakeForecastsTest.assertQuantilesOrdered(forecast);
        for (double[] quantile : forecast.quantiles()) {
            for (double value : quantile) {
                assertThat(value).isFinite();
            }
        }
    }

    @Test
    void forecastsFromTheLakeWithSessionTimestamps() {
        org.marketlake.core.store.Lake lake = TestLakes.of(TestBars.csv("ibm-2013-10-07/reference-bars-1m.csv", Timeframe.M1, "IBM"));
        TimedForecast result = LakeForecasts.forecast(lake, new ForecastRequest(Symbol.of("IBM"), Timeframe.M1, CHECKPOINT.toString(), 64, 30, Long.MAX_VALUE));
        assertThat(result.model()).isEqualTo("chronos-bolt");
        assertThat(result.method()).isEqualTo("chronos-bolt, context 64");
        assertThat(Micros.format(result.timestamps()[0])).isEqualTo("2013-10-08T08:00:00Z");
        assertThat(result.forecast().horizon()).isEqualTo(30);
        LakeForecastsTest.assertQuantilesOrdered(result.forecast());
    }
}
