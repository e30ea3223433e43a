package org.marketlake.loader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketlake.loader.config.LoaderConfig;
import org.marketlake.loader.config.NullHandling;
import org.marketlake.loader.config.OutlierAction;
import org.marketlake.loader.config.OutlierMethod;
import org.marketlake.loader.config.Scaling;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

class OutlierDetectorTest {
    static LoaderConfig.Processing settings(OutlierMethod method, double threshold, OutlierAction action) {
        return new LoaderConfig.Processing(NullHandling.FORWARD_FILL, true, method, threshold, action, 0.7, 100, 42, true, true,
                10_000, 0.2, Scaling.STANDARD);
    }

    private static Table column(double... values) {
        long[] ds = new long[values.length];
        for (int i = 0; i < ds.length; i++) {
            ds[i] = i;
        }
        return Table.of(ds, List.of(new TableColumn.Doubles("x", values)));
    }

    @Test
    void quartilesInterpolateLinearlyAsNumpyDoes() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // numpy.percentile(range(1, 11), [25, 75]) == [3.25, 7.75]
        assertThat(OutlierDetector.quantile(sorted, 0.25)).isEqualTo(3.25);
        assertThat(OutlierDetector.quantile(sorted, 0.75)).isEqualTo(7.75);
        assertThat(OutlierDetector.iqrFences(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1, Double.NaN}, 1.5))
                .containsExactly(3.25 - 1.5 * 4.5, 7.75 + 1.5 * 4.5);
    }

    static java.util.stream.Stream<Long> seeds() {
        return java.util.stream.Stream.of(1L, 2L, 3L, 4L, 5L);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.MethodSource("seeds")
    void selectionGivesTheSameQuantilesAsSorting(long seed) {
        Random random = new Random(seed);
        double[] values = new double[1 + random.nextInt(500)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(20) == 0 ? values[random.nextInt(i + 1)] : random.nextGaussian();
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        for (double p : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            assertThat(OutlierDetector.selectQuantile(values.clone(), p)).as("p=%s seed=%d", p, seed)
                    .isEqualTo(OutlierDetector.quantile(sorted, p));
        }
    }

    @Test
    void iqrClipsToTheFences() {
        Table table = column(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, Double.NaN);

        OutlierDetector.Result result = OutlierDetector.apply(table, List.of("x"), settings(OutlierMethod.IQR, 1.5, OutlierAction.CLIP));

        OutlierReport report = result.reports().get(0);
        assertThat(report.outliers()).isEqualTo(1);
        assertThat(result.table().doubles("x")[10]).isEqualTo(report.upper());
        assertThat(result.table().doubles("x")[11]).isNaN();
        assertThat(result.table().doubles("x")[9]).isEqualTo(10);
    }

    @Test
    void zscoreDropsRowsBeyondTheThreshold() {
        double[] values = new double[101];
        for (int i = 0; i < 100; i++) {
            values[i] = i % 2 == 0 ? 1 : -1;
        }
        values[100] = 50;
        OutlierDetector.Result result = OutlierDetector.apply(column(values), List.of("x"), settings(OutlierMethod.ZSCORE, 3, OutlierAction.DROP));

        assertThat(result.rowsDropped()).isEqualTo(1);
        assertThat(result.table().rows()).isEqualTo(100);
        double[] fences = OutlierDetector.zscoreFences(values, 3);
        double mean = 50.0 / 101;
        assertThat(fences[0] + fences[1]).isCloseTo(2 * mean, within(1e-12));
    }

    @Test
    void isolationForestIsSeededAndFindsTheIsolatedValue() {
        Random random = new Random(7);
        double[] values = new double[500];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        values[123] = 25;
        LoaderConfig.Processing settings = settings(OutlierMethod.ISOLATION_FOREST, 3, OutlierAction.REPORT);

        OutlierReport first = OutlierDetector.apply(column(values), List.of("x"), settings).reports().get(0);
        OutlierReport second = OutlierDetector.apply(column(values), List.of("x"), settings).reports().get(0);

        assertThat(first).isEqualTo(second);
        assertThat(first.outliers()).isBetween(1, 5);
        assertThat(first.upper()).isLessThan(25);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.MethodSource("seeds")
    void expandingFencesAreTheFencesOfEachRowsPrefixFrozenAtTheFitEnd(long seed) {
        System.out.println("expandingFences seed " + seed);
        Random random = new Random(seed);
        double[] values = new double[50 + random.nextInt(200)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(15) == 0 ? Double.NaN : random.nextInt(10) == 0 ? values[random.nextInt(i + 1)] : random.nextGaussian();
        }
        int fitRows = 1 + random.nextInt(values.length + 10);
        double[] lower = new double[values.length];
        double[] upper = new double[values.length];
        double[] zLower = new double[values.length];
        double[] zUpper = new double[values.length];
        OutlierDetector.expandingIqr(values, 1.5, fitRows, lower, upper);
        OutlierDetector.expandingZscore(values, 3, fitRows, zLower, zUpper);
        for (int row = 0; row < values.length; row++) {
            double[] window = java.util.Arrays.copyOf(values, Math.min(row + 1, fitRows));
            long count = java.util.Arrays.stream(window).filter(value -> !Double.isNaN(value)).count();
            double[] expected = count < OutlierDetector.MIN_FIT_VALUES
                    ? new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY} : OutlierDetector.iqrFences(window, 1.5);
            assertThat(new double[] {lower[row], upper[row]}).as("iqr row %d seed %d", row, seed).containsExactly(expected);
            if (count >= OutlierDetector.MIN_FIT_VALUES) {
                double[] z = OutlierDetector.zscoreFences(window, 3);
                assertThat(zLower[row]).as("zscore row %d seed %d", row, seed).isCloseTo(z[0], within(1e-9));
                assertThat(zUpper[row]).as("zscore row %d seed %d", row, seed).isCloseTo(z[1], within(1e-9));
            } else {
                assertThat(zLower[row]).isEqualTo(Double.NEGATIVE_INFINITY);
            }
        }
    }

    @Test
    void causalClipLeavesEarlyRowsToEarlyFences() {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 10;
        }
        values[40] = 1000;
        values[99] = -1000;

        OutlierDetector.Result result = OutlierDetector.causal(column(values), List.of("x"), settings(OutlierMethod.IQR, 1.5, OutlierAction.CLIP), 60);

        double[] early = OutlierDetector.iqrFences(java.util.Arrays.copyOf(values, 41), 1.5);
        double[] trained = OutlierDetector.iqrFences(java.util.Arrays.copyOf(values, 60), 1.5);
        assertThat(result.table().doubles("x")[40]).isEqualTo(early[1]);
        assertThat(result.table().doubles("x")[99]).isEqualTo(trained[0]);
        assertThat(result.reports().get(0).outliers()).isEqualTo(2);
        assertThat(result.reports().get(0).lower()).isEqualTo(trained[0]);
    }
}
