package org.marketlake.loader.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketlake.loader.config.LoaderConfig;
import org.marketlake.loader.dataset.SampleMonths;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

class FeatureEngineerTest {
    private static final double N = Double.NaN;

    static LoaderConfig.Features settings(List<String> columns, List<String> correlations) {
        return new LoaderConfig.Features(true, columns, List.of(1, 3), true, List.of(3, 5), List.of("mean", "std", "min", "max"),
                correlations, 4, true, 4, List.of("target_close", "target_mid"), true);
    }

    @Test
    void rollingStatisticsMatchTheirDefinitionsAndWaitForTheWindow() {
        double[] values = {1, 4, 2, 8, 5, 7, N, 3, 6, 9};

        assertThat(Rolling.mean(values, 3)).containsExactly(new double[] {N, N, 7 / 3.0, 14 / 3.0, 5, 20 / 3.0, N, N, N, 6}, within(1e-12));
        assertThat(Rolling.min(values, 3)).containsExactly(N, N, 1, 2, 2, 5, N, N, N, 3);
        assertThat(Rolling.max(values, 3)).containsExactly(N, N, 4, 8, 8, 8, N, N, N, 9);
        // Sample standard deviation (ddof = 1) of {2, 8, 5} is 3.
        assertThat(Rolling.std(values, 3)[4]).isCloseTo(3.0, within(1e-12));
        assertThat(Rolling.std(values, 3)[9]).isCloseTo(3.0, within(1e-12));
        assertThat(Rolling.lag(values, 2)).containsExactly(N, N, 1, 4, 2, 8, 5, 7, N, 3);
        assertThat(Rolling.diff(new double[] {1, 4, 2})).containsExactly(N, 3, -2);
        assertThat(Rolling.corr(new double[] {1, 2, 3, 4}, new double[] {2, 4, 6, 8}, 3)).containsExactly(new double[] {N, N, 1, 1}, within(1e-12));
    }

    @Test
    void rollingStdStaysPreciseOnPriceLevels() {
        double[] prices = {1.37245, 1.37251, 1.37249, 1.37262, 1.37240};
        double mean = (1.37251 + 1.37249 + 1.37262) / 3;
        double expected = Math.sqrt((Math.pow(1.37251 - mean, 2) + Math.pow(1.37249 - mean, 2) + Math.pow(1.37262 - mean, 2)) / 2);
        assertThat(Rolling.std(prices, 3)[3]).isCloseTo(expected, within(1e-12));
    }

    @Test
    void featuresAreNamedAsTheIssueSays() {
        Table table = SampleMonths.month(2014, 1, 50, 1);

        FeatureEngineer.Result result = FeatureEngineer.apply(table, settings(List.of("target_close"), List.of("target_close:gold_xauusd_bid")),
                List.of("target_close"), SampleMonths.TIMESTAMPS);

        assertThat(result.features()).containsExactly("target_close_lag1", "target_close_lag3", "target_close_diff1",
                "target_close_diff2", "target_close_roll_mean3", "target_close_roll_std3", "target_close_roll_min3",
                "target_close_roll_max3", "target_close_roll_mean5", "target_close_roll_std5", "target_close_roll_min5",
                "target_close_roll_max5", "target_close_volatility4", "target_mid_volatility4", "target_close_corr_gold_xauusd_bid4", "gold_xauusd_spread",
                "oil_brent_spread", "dxy_index_spread", "yield_curve_10Y_2Y", "yield_curve_10Y_3M", "parkinson_volatility4");
        double[] close = table.doubles("target_close");
        assertThat(result.table().doubles("target_close_lag3")[10]).isEqualTo(close[7]);
        assertThat(result.table().doubles("target_close_diff2")[10]).isCloseTo(close[10] - 2 * close[9] + close[8], within(1e-12));
        assertThat(result.table().doubles("gold_xauusd_spread")[0]).isCloseTo(0.3, within(1e-9));
        assertThat(result.table().doubles("target_close_volatility4")[3]).isNaN();
        assertThat(result.table().doubles("target_close_volatility4")[4]).isNotNaN();
    }

    @Test
    void dailyValuesAreAlignedAsOfTheirDate() {
        long day = 86_400_000_000L;
        long hour = 3_600_000_000L;
        // Row 1 carries the next day's value (a leaking join); it may only be used once that day has come.
        long[] ds = {day + hour, day + 2 * hour, 2 * day + hour, 2 * day + 2 * hour};
        long[] dates = {day, 2 * day, 2 * day, TableColumn.NULL_TIME};
        Table table = Table.of(ds, List.of(new TableColumn.Times("spread_10Y_2Y_date", dates),
                new TableColumn.Doubles("spread_10Y_2Y_GS10", new double[] {1, 2, 3, 4})));

        Table aligned = DailyAlignment.align(table, "spread_10Y_2Y_date");

        assertThat(aligned.doubles("spread_10Y_2Y_GS10")).containsExactly(1, 1, 3, 3);
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L, 20_140_101L, 987_654_321L);
    }

    /**
     * Leakage: change every row after a cut (values and the daily dates they carry) and no feature at or before
     * the cut may change.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void featuresAtTimeTUseOnlyRowsAtOrBeforeT(long seed) {
        Random random = new Random(seed);
        Table table = SampleMonths.month(2014, 1, 400, seed);
        int cut = 100 + random.nextInt(250);
        Table changed = table;
        for (TableColumn column : table.columns()) {
            if (column instanceof TableColumn.Doubles doubles) {
                double[] values = doubles.values().clone();
                for (int i = cut + 1; i < values.length; i++) {
                    values[i] = random.nextBoolean() ? Double.NaN : values[i] * (1 + random.nextGaussian());
                }
                changed = changed.with(new TableColumn.Doubles(column.name(), values));
            } else if (column instanceof TableColumn.Times times) {
                long[] dates = times.micros().clone();
                for (int i = cut + 1; i < dates.length; i++) {
                    dates[i] = table.ds()[cut] - 3_600_000_000L * random.nextInt(48);
                }
                changed = changed.with(new TableColumn.Times(column.name(), dates));
            }
        }
        LoaderConfig.Features settings = settings(List.of(), List.of("target_close:gold_xauusd_bid", "target_mid:dxy_index_bid"));

        FeatureEngineer.Result before = FeatureEngineer.apply(table, settings, SampleMonths.TARGETS, SampleMonths.TIMESTAMPS);
        FeatureEngineer.Result after = FeatureEngineer.apply(changed, settings, SampleMonths.TARGETS, SampleMonths.TIMESTAMPS);

        assertThat(before.features()).hasSizeGreaterThan(100);
        for (String name : before.table().numericNames()) {
            double[] original = before.table().doubles(name);
            double[] altered = after.table().doubles(name);
            for (int i = 0; i <= cut; i++) {
                assertThat(Double.valueOf(altered[i])).as("%s at row %d (cut %d, seed %d)", name, i, cut, seed)
                        .isEqualTo(Double.valueOf(original[i]));
            }
        }
    }
}
