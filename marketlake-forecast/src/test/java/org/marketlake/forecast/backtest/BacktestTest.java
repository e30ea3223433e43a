package org.marketlake.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.forecast.SeasonLength;
import org.marketlake.forecast.Series;
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
        // Naive from [1,2,3,4]: point 4; three one-step errors of +1 (too few for step 2, which borrows them
        // widened by sqrt 2): medians 5 and 4 + sqrt 2. MASE scale: season 2 over [1,2,3,4] = (2 + 2) / 2 = 2.
        double expectedMase = (Math.abs(5 - 5) + Math.abs(6 - (4 + Math.sqrt(2)))) / 2 / 2;
        assertThat(first.mase()).isCloseTo(expectedMase, within(1e-12));
        assertThat(first.cutoffMicros()).isEqualTo(1_003 * MINUTE);
        assertThat(first.firstMicros()).isEqualTo(1_004 * MINUTE);
        assertThat(first.lastMicros()).isEqualTo(1_005 * MINUTE);
        // Every quantile of naive equals its median here (all errors +1): WQL = sum 2|y - q| * (tau or 1 - tau) / sum |y|.
        // Step 1 hits exactly (5); step 2 forecasts 4 + sqrt 2 below the actual 6: loss 2 (6 - q) tau per level.
        double under = 6 - (4 + Math.sqrt(2));
        double expectedWql = 0;
        for (double tau : new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
            expectedWql += 2 * under * tau / 11;
        }
        assertThat(first.wql()).isCloseTo(expectedWql / 9, within(1e-12));
        assertThat(naive.mase()).isCloseTo((first.mase() + naive.windows().get(1).mase()) / 2, within(1e-15));
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
