package org.marketlake.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MetricsTest {

    @Test
    void seasonalErrorIsTheMeanAbsoluteDifferenceOneSeasonApart() {
        double[] past = {1, 3, 2, 5};
        // season 1: |3-1| |2-3| |5-2| = 2 1 3 -> 2; season 2: |2-1| |5-3| = 1 2 -> 1.5
        assertThat(Metrics.seasonalError(past, 1)).isEqualTo(2.0);
        assertThat(Metrics.seasonalError(past, 2)).isEqualTo(1.5);
        assertThat(Metrics.seasonalError(past, 4)).isNaN();
    }

    @Test
    void maseIsTheMeanAbsoluteErrorOfTheMedianOverTheScale() {
        // |4-5| + |6-5| = 2 over 2 steps = 1, scaled by 2 -> 0.5
        assertThat(Metrics.mase(new double[] {4, 6}, new double[] {5, 5}, 2.0)).isEqualTo(0.5);
        assertThat(Metrics.mase(new double[] {4, 6}, new double[] {5, 5}, 0.0)).isNaN();
    }

    @Test
    void wqlFollowsTheIssueFormulaTermByTerm() {
        double[] actual = {10, 20};
        double[] levels = {0.1, 0.5, 0.9};
        double[][] quantiles = {{8, 15}, {10, 22}, {12, 25}};
        // tau 0.1: y above q both times: 2|2 * -0.1| + 2|5 * -0.1| = 0.4 + 1.0 = 1.4
        // tau 0.5: y <= q both times:    2|0 * 0.5|  + 2|-2 * 0.5| = 0 + 2 = 2.0
        // tau 0.9: y <= q both times:    2|-2 * 0.1| + 2|-5 * 0.1| = 0.4 + 1.0 = 1.4
        // each over sum |y| = 30, averaged over the 3 levels: (1.4 + 2 + 1.4) / 30 / 3 = 0.053333...
        assertThat(Metrics.wql(actual, levels, quantiles)).isCloseTo(4.8 / 90, within(1e-15));
    }

    @Test
    void wqlOfAPerfectPointForecastIsZeroAndOfAllZeroActualsUndefined() {
        double[] levels = {0.1, 0.5, 0.9};
        assertThat(Metrics.wql(new double[] {3, 4}, levels, new double[][] {{3, 4}, {3, 4}, {3, 4}})).isZero();
        assertThat(Metrics.wql(new double[] {0, 0}, levels, new double[][] {{1, 1}, {1, 1}, {1, 1}})).isNaN();
    }

    @Test
    void finiteMeanSkipsUndefinedWindows() {
        assertThat(Metrics.finiteMean(new double[] {1, Double.NaN, 3})).isEqualTo(2.0);
        assertThat(Metrics.finiteMean(new double[] {Double.NaN})).isNaN();
    }

    static LongStream seeds() {
        return LongStream.of(3, 17, 4_242, 90_210);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void wqlAtTheMedianAloneIsTheAbsoluteErrorOverTheAbsoluteActuals(long seed) {
        // 2|(y - q)(1{y <= q} - 0.5)| = |y - q|: with the one level 0.5, WQL is sum |y - q| / sum |y|.
        Random random = new Random(seed);
        int steps = 1 + random.nextInt(200);
        double[] actual = new double[steps];
        double[] median = new double[steps];
        double absoluteError = 0;
        double absoluteActual = 0;
        for (int t = 0; t < steps; t++) {
            actual[t] = 50 + 10 * random.nextGaussian();
            median[t] = actual[t] + random.nextGaussian();
            absoluteError += Math.abs(actual[t] - median[t]);
            absoluteActual += Math.abs(actual[t]);
        }
        assertThat(Metrics.wql(actual, new double[] {0.5}, new double[][] {median})).isCloseTo(absoluteError / absoluteActual, within(1e-12));
        // MASE with the in-sample scale of the actuals themselves, season 1: mean |y - q| / mean |y_t - y_t-1|.
        double scale = Metrics.seasonalError(actual, 1);
        if (steps > 1) {
            assertThat(Metrics.mase(actual, median, scale)).isCloseTo(absoluteError / steps / scale, within(1e-12));
        }
    }
}
