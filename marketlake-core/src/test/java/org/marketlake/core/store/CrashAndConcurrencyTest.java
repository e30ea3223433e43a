package org.marketlake.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.testing.Bars;
import org.marketlake.core.testing.ChildJvm;

/** What other processes see: a writer killed mid-write, and two processes merging into one month. */
class CrashAndConcurrencyTest {
    @TempDir
    Path root;

    @Test
    void processKilledDuringLargeWriteLeavesPreviousFileIntactAndReadable() throws Exception {
        Lake lake = Lake.open(root);
        long january = Bars.micros("2024-01-01T00:00:00Z");
        Frame before = Bars.random(Timeframe.S1, "BIG", january, Micros.PER_SECOND, 50_000, 42);
        lake.write(before);
        Path file = root.resolve("bars/1s/BIG.2024-01.parquet");
        byte[] bytesBefore = Files.readAllBytes(file);

        Process writer = ChildJvm.start(WriterProcess.class, root.resolve("writer.log"), "big", root.toString());
        try {
            // Kill it while a temporary file exists, i.e. in the middle of writing the next version.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!temporaryFileExists(file.getParent()) && System.nanoTime() < deadline && writer.isAlive()) {
                Thread.onSpinWait();
            }
            assertThat(temporaryFileExists(file.getParent())).as("the writer got as far as a temporary file").isTrue();
        } finally {
            writer.destroyForcibly();
            writer.waitFor(30, TimeUnit.SECONDS);
        }

        // Either the old file or a complete new one: never a partial one. Here the kill came before the first rename.
        byte[] bytesAfter = Files.readAllBytes(file);
        if (Files.readString(root.resolve("writer.log")).contains("wrote")) {
            assertThat(lake.validate(List.of(file))).isEmpty();
        } else {
            assertThat(bytesAfter).isEqualTo(bytesBefore);
        }
        Frame read = lake.read(DataKind.bars(Timeframe.S1), Symbol.of("BIG"), TimeRange.ALL, List.of());
        assertThat(read.size()).isIn(50_000, 1_500_000);
        assertThat(lake.validate(List.of())).isEmpty();

        // The left-over temporary file is never read as data and is cleaned up by the next write.
        assertThat(lake.files()).hasSize(1);
        lake.write(Bars.random(Timeframe.S1, "BIG", january, Micros.PER_SECOND, 10, 7));
        assertThat(temporaryFileExists(file.getParent())).isFalse();
    }

    @Test
    void twoProcessesMergingIntoOneMonthLoseNothing() throws Exception {
        int perWriter = 40;
        Process even = ChildJvm.start(WriterProcess.class, root.resolve("even.log"), "slice", root.toString(), "0", Integer.toString(perWriter));
        Process odd = ChildJvm.start(WriterProcess.class, root.resolve("odd.log"), "slice", root.toString(), "1", Integer.toString(perWriter));
        assertThat(even.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(odd.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(even.exitValue()).as(Files.readString(root.resolve("even.log"))).isZero();
        assertThat(odd.exitValue()).as(Files.readString(root.resolve("odd.log"))).isZero();

        Lake lake = Lake.open(root);
        Frame read = lake.read(DataKind.bars(Timeframe.M1), Symbol.of("AAPL"), TimeRange.ALL, List.of("timestamp"));
        assertThat(read.size()).isEqualTo(2 * perWriter);
        long january = Bars.micros("2024-01-01T00:00:00Z");
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.timestamps()[i]).isEqualTo(january + i * 60 * Micros.PER_SECOND);
        }
        assertThat(lake.files()).hasSize(1);
    }

    private static boolean temporaryFileExists(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
