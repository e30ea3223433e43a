package org.marketlake.ingest.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Micros;
import org.marketlake.core.time.EpochUnit;

class InputTimestampsTest {
    private final InputTimestamps strict = InputTimestamps.strict();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2013-10-07T08:00:30.270Z,          2013-10-07T08:00:30.270Z",
        "2013-10-07 04:00:30.27-04:00,      2013-10-07T08:00:30.270Z",
        "2013-10-07T04:00:30-0400,          2013-10-07T08:00:30Z",
        "2013-10-07T10:00:30+02,            2013-10-07T08:00:30Z",
        "2024-02-29T23:59:59.999999999Z,    2024-02-29T23:59:59.999999Z",
        "2024-01-01T00:00:00.0000019Z,      2024-01-01T00:00:00.000001Z",
        "1969-12-31T23:59:59.5Z,            1969-12-31T23:59:59.500Z",
    })
    void isoWithOffsetsAndFractionsFlooredToTheMicrosecond(String text, String expected) {
        assertThat(Micros.format(strict.parse(text))).isEqualTo(Micros.format(Micros.of(Instant.parse(expected))));
    }

    static LongStream seeds() {
        return LongStream.of(1, 2, 3);
    }

    /** The fast path must agree with java.time on any instant and offset. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fastPathAgreesWithJavaTime(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            long seconds = (long) (random.nextDouble() * 4_000_000_000L) - 1_000_000_000L;
            int nanos = random.nextInt(1_000_000_000);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 1800);
            OffsetDateTime time = Instant.ofEpochSecond(seconds, nanos).atOffset(offset);
            String text = time.toString();
            long expected = Math.floorDiv(seconds * 1_000_000_000L + nanos, 1000L);
            assertThat(strict.parse(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void missingOffsetNeedsAZone() {
        assertThatThrownBy(() -> strict.parse("2024-01-02T09:30:00"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("value=2024-01-02T09:30:00")
                .hasMessageContaining("--tz");
        InputTimestamps newYork = InputTimestamps.of(ZoneId.of("America/New_York"), null);
        assertThat(Micros.format(newYork.parse("2024-01-02T09:30:00"))).isEqualTo("2024-01-02T14:30:00Z");
        assertThat(Micros.format(newYork.parse("2024-07-02 09:30:00.25"))).isEqualTo("2024-07-02T13:30:00.250000Z");
    }

    @Test
    void integersNeedAnEpochUnitAndNanosecondsAreFloored() {
        assertThatThrownBy(() -> strict.parse("1380000000")).isInstanceOf(InvalidRequestException.class).hasMessageContaining("--epoch-unit");
        assertThatThrownBy(() -> strict.fromEpoch(1380000000L)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("--epoch-unit");
        assertThat(InputTimestamps.of(null, EpochUnit.S).parse("1380000000")).isEqualTo(1_380_000_000_000_000L);
        assertThat(InputTimestamps.of(null, EpochUnit.MS).parse("1380000000123")).isEqualTo(1_380_000_000_123_000L);
        assertThat(InputTimestamps.of(null, EpochUnit.US).parse("1380000000123456")).isEqualTo(1_380_000_000_123_456L);
        assertThat(InputTimestamps.of(null, EpochUnit.NS).parse("1380000000123456789")).isEqualTo(1_380_000_000_123_456L);
        assertThat(InputTimestamps.of(null, EpochUnit.NS).allowingAnyDate().fromEpoch(-1L)).isEqualTo(-1L);
    }

    @Test
    void garbageIsAnIllegalArgumentSoTheRowIsRejected() {
        assertThatThrownBy(() -> strict.parse("yesterday")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> strict.parse("2024-13-02T09:30:00Z")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> strict.parse("2024-02-30T09:30:00Z")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> strict.parse("2024-01-02")).isInstanceOf(IllegalArgumentException.class);
    }
}
