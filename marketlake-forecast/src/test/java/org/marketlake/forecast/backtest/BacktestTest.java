package org.marketlake.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.forecast.model.SeasonLength;
import org.marketlake.forecast.model.Series;
import org.marketlake.forecast.baseline.Baselines;

class BacktestTest {
    private static final long MINUTE = 60_000_000L;

    private static Series series(double... values) {
        long[] timestamps = LongStream.range(0, values.length).map(i -> 1_000 * MINUTE + i * MINUTE).toArray();
        return new Series(Symbol.of("TEST"), Timeframe.M1, "close", timestamps, values);
    }

    @Test
    void scoresEachWindowFromTheValuesBeforeItOnly() {
        // Season 2. Windows of 2 over 8 values: #1 sees [1,2,3,4] and forecasts [5,6]; #2 sees [1..6], forecasts [7,8].
        Series y = series(1, 2, 3, 4, 5, 6, 7, 8);
        BacktestResult result = Backtest.run(y, List.of(Baselines.naive()), SeasonLength.fixed(2), 2, 2);

        ModelScore naive = result.models().get(1);
        assertThat(naive.model()).isEqualTo("naive");
        WindowScore first = naive.windows().get(0);
        // Naive from [1,2,3,4]: point 4; errors +1 at step 1 (three origins) and +2 at step 2 (two): the medians
        // 5 and 6 hit [5,6] exactly, so MASE and WQL are 0.
        assertThat(first.mase()).isZero();
        assertThat(first.wql()).isZero();
        assertThat(first.cutoffMicros()).isEqualTo(1_003 * MINUTE);
        assertThat(first.firstMicros()).isEqualTo(1_004 * MINUTE);
        assertThat(first.lastMicros()).isEqualTo(1_005 * MINUTE);
        assertThat(naive.mase()).isCloseTo((first.mase() + naive.windows().get(1).mase()) / 2, within(1e-15));
    }

    @Test
    void oneWindowWorkedOutByHand() {
        // Season 2, one window of 2: the models see [1, 3, 2, 4] and forecast [3, 7].
        // MASE scale: season 2 over the past, (|2-1| + |4-3|) / 2 = 1.
        Series y = series(1, 3, 2, 4, 3, 7);
        BacktestResult result = Backtest.run(y, List.of(Baselines.naive()), SeasonLength.fixed(2), 2, 1);

        // Seasonal naive: points y[2] = 2 and y[3] = 4; in-sample errors {1, 1} at step 1 and {1} at step 2, so every
        // quantile is 3 then 5. MASE = (|3-3| + |7-5|) / 2 / 1 = 1. WQL: step 1 exact; step 2 under by 2 at every
        // level: sum_tau 2 * 2 * tau = 18, over sum |y| = 10, over 9 levels = 0.2.
        WindowScore reference = result.models().get(0).windows().get(0);
        assertThat(reference.mase()).isCloseTo(1.0, within(1e-12));
        assertThat(reference.wql()).isCloseTo(0.2, within(1e-12));

        // Naive: point 4; step-1 errors {-1, 2, 2}, step-2 errors {1, 1}. Medians 6 and 5:
        // MASE = (|3-6| + |7-5|) / 2 / 1 = 2.5. Step-1 quantiles 4 + Q_tau{-1, 2, 2} = 3.6 4.2 4.8 5.4 6 6 6 6 6, all
        // above y = 3: losses 2 (q - 3)(1 - tau) = 1.08 1.92 2.52 2.88 3 2.4 1.8 1.2 0.6, sum 17.4; step 2 as above, 18.
        // WQL = (17.4 + 18) / 10 / 9.
        WindowScore naive = result.models().get(1).windows().get(0);
        assertThat(naive.mase()).isCloseTo(2.5, within(1e-12));
        assertThat(naive.wql()).isCloseTo(35.4 / 90, within(1e-12));
        assertThat(naive.relativeMase()).isCloseTo(2.5, within(1e-12));
        assertThat(naive.relativeWql()).isCloseTo(35.4 / 90 / 0.2, within(1e-12));
        assertThat(result.models().get(1).relativeWql()).isCloseTo(35.4 / 90 / 0.2, within(1e-12));
    }

    @Test
    void seasonalNaiveComesFirstAndScoresOneRelativeToItself() {
        Series y = series(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4);
        BacktestResult result = Backtest.run(y, List.of(Baselines.drift(), Baselines.seasonalNaive(SeasonLength.fixed(2))),
                SeasonLength.fixed(2), 3, 4);
        assertThat(result.models()).extracting(ModelScore::model).containsExactly("seasonal-naive", "drift");
        ModelScore reference = result.models().get(0);
        assertThat(reference.relativeMase()).isEqualTo(1.0);
        assertThat(reference.relativeWql()).isEqualTo(1.0);
        ModelScore drift = result.models().get(1);
        assertThat(drift.relativeMase()).isCloseTo(drift.mase() / reference.mase(), within(1e-15));
        assertThat(drift.windows().get(2).relativeWql())
                .isCloseTo(drift.windows().get(2).wql() / reference.windows().get(2).wql(), within(1e-15));
        assertThat(result.windows()).containsExactly(new Window(1, 8, 11), new Window(2, 11, 14), new Window(3, 14, 17), new Window(4, 17, 20));
    }
}
