package org.marketlake.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.marketlake.core.testing.Bars.micros;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.testing.Bars;

/**
 * Issue 14.5: a damaged month file is either detected by every read (an error naming the file) or harmless (the
 * rows read are exactly the rows written), and a merge never publishes over a file the lake cannot read.
 */
class CorruptionTest {
    private static final long SEED = 20261203L;
    private static final DataKind M1 = DataKind.bars(Timeframe.M1);
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final String NAME = "bars/1m/AAPL.2024-01.parquet";

    @TempDir
    Path dir;

    static Stream<Integer> offsets() {
        System.out.println("CorruptionTest seed " + SEED);
        Random random = new Random(SEED);
        return IntStream.range(0, 48).mapToObj(i -> random.nextInt(1 << 20));
    }

    @ParameterizedTest(name = "flip at offset fraction {0}")
    @MethodSource("offsets")
    void aFlippedByteIsDetectedOrHarmlessAndNeverMergedOver(int seedOffset) throws Exception {
        Path root = dir.resolve("lake");
        Lake lake = Lake.open(root);
        Frame written = Bars.random(Timeframe.M1, "AAPL", micros("2024-01-02T14:30:00Z"), 60_000_000L, 3000, SEED);
        lake.write(written);
        Path file = root.resolve(NAME);
        byte[] bytes = Files.readAllBytes(file);
        int offset = (int) ((long) seedOffset * bytes.length >>> 20);
        bytes[offset] ^= (byte) (1 + (seedOffset & 0x7f));
        Files.write(file, bytes);

        Frame read;
        try {
            read = lake.read(M1, AAPL, TimeRange.ALL, List.of());
        } catch (InvalidDataException detected) {
            assertThat(detected.getMessage()).as("offset " + offset).contains(NAME).doesNotContain("LocalInputFile@");
            assertThat(lake.validate(List.of())).as("validate after a detected flip at " + offset).isNotEmpty();
            Frame.Builder more = Bars.builder(Timeframe.M1, "AAPL");
            Bars.bar(more, "2024-01-31T20:00:00Z", 10, 11, 9, 10.5, 100);
            try {
                lake.write(more.build());
                fail("merged into a damaged file (flip at " + offset + ")");
            } catch (InvalidDataException refused) {
                assertThat(refused.getMessage()).contains(NAME);
            }
            assertThat(Files.readAllBytes(file)).as("the damaged file is left for the user").isEqualTo(bytes);
            return;
        }
        assertThat(read.timestamps()).as("offset " + offset).containsExactly(written.timestamps());
        for (String column : List.of("open", "high", "low", "close", "volume", "vwap")) {
            assertThat(read.doubles(column)).as(column + " after a flip at " + offset).containsExactly(written.doubles(column));
        }
    }

    @Test
    void truncationsAreDetectedByEveryRead() throws Exception {
        Path root = dir.resolve("lake");
        Lake lake = Lake.open(root);
        lake.write(Bars.random(Timeframe.M1, "AAPL", micros("2024-01-02T14:30:00Z"), 60_000_000L, 500, SEED));
        Path file = root.resolve(NAME);
        byte[] whole = Files.readAllBytes(file);
        for (int length : new int[] {0, 1, 4, whole.length / 2, whole.length - 9, whole.length - 1}) {
            Files.write(file, java.util.Arrays.copyOf(whole, length));
            try {
                lake.read(M1, AAPL, TimeRange.ALL, List.of());
                fail("read a file truncated to " + length + " bytes");
            } catch (InvalidDataException e) {
                assertThat(e.getMessage()).contains(NAME).doesNotContain("LocalInputFile@");
            }
            assertThat(lake.catalogue().problems()).singleElement().asString().startsWith(NAME + ": ");
        }
    }

    @Test
    void aMergeIntoAMonthWhoseStoredRowsBreakTheRulesIsRefusedAndTheFileKept() throws Exception {
        Path root = dir.resolve("lake");
        Lake lake = Lake.open(root);
        Frame.Builder bad = Bars.builder(Timeframe.M1, "AAPL");
        Bars.bar(bad, "2024-01-02T14:30:00Z", 10, 9, 11, 10, 100); // high below low: what another tool might write
        Path file = Files.createDirectories(root.resolve("bars/1m")).resolve("AAPL.2024-01.parquet");
        ParquetFileWrites.write(bad.build(), file);
        byte[] before = Files.readAllBytes(file);

        Frame.Builder more = Bars.builder(Timeframe.M1, "AAPL");
        Bars.bar(more, "2024-01-31T20:00:00Z", 10, 11, 9, 10.5, 100);
        try {
            lake.write(more.build());
            fail("merged into a month whose stored rows break the rules");
        } catch (InvalidDataException refused) {
            assertThat(refused.getMessage()).startsWith("refusing to merge into a lake file that fails validation [file=" + NAME + ", row=1, column=");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
}
