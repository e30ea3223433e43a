package org.marketlake.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NumberTextTest {
    @ParameterizedTest
    @CsvSource({"0.1,0.1", "187.35,187.35", "1500000,1500000", "0.000001,0.000001", "1e-9,0.000000001", "123456789012345678,123456789012345680",
            "-2.5,-2.5", "0,0", "1e21,1000000000000000000000"})
    void plainShortestText(double value, String text) {
        assertThat(NumberText.format(value)).isEqualTo(text);
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 5).mapToObj(i -> 7000 + i);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void readsBackToTheSameDoubleAndNeverUsesExponents(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            double value = switch (i % 3) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> Math.round(random.nextDouble() * 1e6) / 100.0;
                default -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            };
            if (!Double.isFinite(value)) {
                continue;
            }
            String text = NumberText.format(value);
            assertThat(text).doesNotContain("E").doesNotContain("e");
            assertThat(Double.parseDouble(text)).isEqualTo(value);
            assertThat(text.length()).isLessThanOrEqualTo(Double.toString(value).length() + 330);
        }
    }
}
