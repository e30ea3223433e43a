package org.marketlake.forecast.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketlake.forecast.model.Forecast;
import org.marketlake.forecast.model.Forecaster;
import org.marketlake.forecast.model.SeasonLength;

class BaselinesTest {

    @Test
    void naiveRepeatsTheLastValueAndTakesQuantilesFromItsOneStepErrors() {
        // Steps of +3 +1 +4 +1 +5 +9 +2 +6 +5 +3: the ten one-step errors of naive are these steps.
        double[] y = {0, 3, 4, 8, 9, 14, 23, 25, 31, 36, 39};
        Forecast forecast = Baselines.naive().forecast(y, 1);
        // Sorted errors 1 1 2 3 3 4 5 5 6 9. Type-7 quantiles: 0.1 at position 0.9 -> 1; 0.5 at 4.5 -> 3.5; 0.9 at 8.1 -> 6.3.
        assertThat(forecast.mean()).containsExactly(39);
        assertThat(forecast.quantile(0.1)[0]).isCloseTo(40, within(1e-12));
        assertThat(forecast.quantile(0.5)[0]).isCloseTo(42.5, within(1e-12));
        assertThat(forecast.quantile(0.9)[0]).isCloseTo(45.3, within(1e-12));
        assertThat(forecast.quantileLevels()).containsExactly(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);
    }

    @Test
    void everyStepUsesItsOwnErrorsSoAStraightLineIsForecastExactly() {
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        Forecast naive = Baselines.naive().forecast(y, 3);
        // Naive's errors on a line of slope 1 are +1 at step 1, +2 at step 2, +3 at step 3, every origin alike.
        assertThat(naive.mean()).containsExactly(12, 12, 12);
        for (double[] quantile : naive.quantiles()) {
            assertThat(quantile).containsExactly(13, 14, 15);
        }
        Forecast drift = Baselines.drift().forecast(y, 3);
        for (double[] quantile : drift.quantiles()) {
            assertThat(quantile).containsExactly(13, 14, 15);
        }
    }

    @Test
    void aStepWithNoErrorBorrowsTheFarthestStepWithSomeWidenedBySquareRoot() {
        // Three values: step 1 has two origins (errors +2 and +5), step 2 one (+7), step 3 none: it takes
        // step 2's error times sqrt(3/2).
        double[] y = {1, 3, 8};
        Forecast forecast = Baselines.naive().forecast(y, 3);
        assertThat(forecast.quantile(0.1)[0]).isCloseTo(8 + 2 + 0.1 * 3, within(1e-12));
        assertThat(forecast.quantile(0.9)[0]).isCloseTo(8 + 2 + 0.9 * 3, within(1e-12));
        assertThat(forecast.median()[1]).isCloseTo(8 + 7, within(1e-12));
        assertThat(forecast.median()[2]).isCloseTo(8 + 7 * Math.sqrt(1.5), within(1e-12));
    }

    @Test
    void oneValueGivesABandOfZeroWidth() {
        Forecast forecast = Baselines.drift().forecast(new double[] {7.5}, 2);
        for (double[] quantile : forecast.quantiles()) {
            assertThat(quantile).containsExactly(7.5, 7.5);
        }
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeason() {
        double[] y = {1, 5, 2, 6, 3, 7, 4, 8};
        Forecaster forecaster = Baselines.seasonalNaive(SeasonLength.fixed(2));
        assertThat(forecaster.forecast(y, 3).mean()).containsExactly(4, 8, 4);
        assertThat(forecaster.describe(8)).isEqualTo("seasonal-naive, season 2");
        // Two values hold no more than one season of 2: it falls back to naive and says why.
        assertThat(forecaster.forecast(new double[] {1, 5}, 2).mean()).containsExactly(5, 5);
        assertThat(forecaster.describe(2)).isEqualTo("seasonal-naive, season 1 (season 2 needs more than 2 bars, have 2)");
    }

    @Test
    void seasonalNaiveErrorsCompareEachValueWithTheSameStepOneSeasonEarlier() {
        // Season 2, alternating 10/20 with a +1 shift every season: every one-step seasonal error is +1.
        double[] y = new double[30];
        for (int i = 0; i < y.length; i++) {
            y[i] = (i % 2 == 0 ? 10 : 20) + i / 2;
        }
        Forecast forecast = Baselines.seasonalNaive(SeasonLength.fixed(2)).forecast(y, 2);
        assertThat(forecast.mean()).containsExactly(24, 34);
        assertThat(forecast.quantile(0.1)).containsExactly(25, 35);
        assertThat(forecast.quantile(0.9)).containsExactly(25, 35);
    }

    @Test
    void driftExtendsTheLineFromFirstToLast() {
        assertThat(Baselines.drift().forecast(new double[] {1, 4, 3, 7}, 2).mean()).containsExactly(9, 11);
    }

    static Stream<Arguments> seeds() {
        return LongStream.of(1, 42, 2024, 987_654_321L).boxed()
                .flatMap(seed -> Baselines.names().stream().map(name -> Arguments.of(seed, name)));
    }

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("seeds")
    void quantilesAreOrderedAndFiniteOnRandomWalks(long seed, String name) {
        Random random = new Random(seed);
        double[] y = new double[50 + random.nextInt(400)];
        y[0] = 100;
        for (int i = 1; i < y.length; i++) {
            y[i] = y[i - 1] + random.nextGaussian();
        }
        int horizon = 1 + random.nextInt(60);
        Forecast forecast = Baselines.named(name, SeasonLength.fixed(1 + random.nextInt(20))).forecast(y, horizon);
        assertThat(forecast.horizon()).isEqualTo(horizon);
        for (int step = 0; step < horizon; step++) {
            for (int q = 1; q < forecast.quantileLevels().length; q++) {
                assertThat(forecast.quantiles()[q][step]).as("step %d level %s", step, forecast.quantileLevels()[q])
                        .isGreaterThanOrEqualTo(forecast.quantiles()[q - 1][step]).isFinite();
            }
        }
    }
}
