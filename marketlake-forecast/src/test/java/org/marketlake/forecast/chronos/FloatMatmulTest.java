package org.marketlake.forecast.chronos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The blocked, unrolled kernel against a plain triple loop, on seeded random shapes that hit every remainder. */
class FloatMatmulTest {
    static Stream<Arguments> shapes() {
        Random seeds = new Random(20261122);
        return Stream.generate(() -> {
            long seed = seeds.nextLong();
            Random random = new Random(seed);
            return Arguments.of(seed, 1 + random.nextInt(9), 1 + random.nextInt(300), 1 + random.nextInt(1100),
                    random.nextBoolean());
        }).limit(12);
    }

    @ParameterizedTest(name = "seed {0}: {1}x{2} times {2}x{3}, bias {4}")
    @MethodSource("shapes")
    void matchesThePlainLoop(long seed, int rows, int k, int n, boolean withBias) {
        Random random = new Random(seed);
        float[][] a = new float[rows + 1][k];
        float[][] w = new float[k][n];
        float[] bias = withBias ? new float[n] : null;
        for (float[] row : a) {
            for (int i = 0; i < k; i++) {
                row[i] = random.nextFloat() * 2 - 1;
            }
        }
        for (float[] row : w) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextFloat() * 2 - 1;
            }
        }
        if (bias != null) {
            for (int j = 0; j < n; j++) {
                bias[j] = random.nextFloat();
            }
        }
        float[][] c = new float[rows + 1][n];
        c[rows][0] = 42f; // a row beyond `rows` must be left alone

        FloatMatmul.multiply(a, rows, w, bias, c);

        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < n; j++) {
                // the kernel adds in order of i with fused multiply-adds, so the reference does the same
                float expected = bias == null ? 0f : bias[j];
                for (int i = 0; i < k; i++) {
                    expected = Math.fma(a[r][i], w[i][j], expected);
                }
                assertThat(c[r][j]).as("c[%d][%d]", r, j).isEqualTo(expected);
            }
        }
        assertThat(c[rows][0]).isEqualTo(42f);
    }
}
