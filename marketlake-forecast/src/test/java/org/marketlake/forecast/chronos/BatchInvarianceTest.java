package org.marketlake.forecast.chronos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A series' forecast does not depend on its batch: left padding only adds fully missing patches, which get no
 * attention, so forecasting a series alone or among others of other lengths gives the same float32 result,
 * whatever the grouping across threads. Seeded random batches with NaN gaps; the seed is in the test name.
 */
class BatchInvarianceTest {
    private static ChronosBolt model;

    @BeforeAll
    static void load() {
        model = ChronosBolt.load(ChronosBoltReferenceTest.CHECKPOINT);
    }

    static Stream<Long> seeds() {
        return LongStream.iterate(8_2026L, seed -> seed * 31 + 7).limit(6).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aSeriesForecastsTheSameAloneAsInABatch(long seed) {
        Random random = new Random(seed);
        int count = 2 + random.nextInt(12);
        double[][] batch = new double[count][];
        for (int s = 0; s < count; s++) {
            batch[s] = new double[1 + random.nextInt(700)];
            double level = random.nextGaussian() * 100;
            for (int t = 0; t < batch[s].length; t++) {
                level += random.nextGaussian();
                batch[s][t] = random.nextInt(10) == 0 ? Double.NaN : level;
            }
        }
        int horizon = 1 + random.nextInt(150);

        ChronosForecast together = model.predict(batch, horizon);

        for (int s = 0; s < count; s++) {
            ChronosForecast alone = model.predict(new double[][] {batch[s]}, horizon);
            assertThat(together.quantiles()[s]).as("series %d of %d, length %d, horizon %d", s, count, batch[s].length, horizon)
                    .isDeepEqualTo(alone.quantiles()[0]);
            assertThat(together.mean()[s]).isEqualTo(alone.mean()[0]);
        }
    }
}
