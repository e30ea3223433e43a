package org.marketlake.loader.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.loader.config.ChecksumAlgorithm;
import org.marketlake.loader.discovery.FileInfo;

class IdempotencyTrackerTest {
    @TempDir
    Path root;

    private FileInfo file(String name, String content) throws Exception {
        Path path = root.resolve("2014/01").resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        return new FileInfo(path, "EURUSD", "1min", 15, 2014, 1, "abc", "parquet");
    }

    private IdempotencyTracker tracker(ChecksumAlgorithm algorithm) {
        return new IdempotencyTracker(root.resolve(".processed_files.json"), root, algorithm);
    }

    @Test
    void aFileIsProcessedOnlyWhileItsChecksumMatches() throws Exception {
        IdempotencyTracker tracker = tracker(ChecksumAlgorithm.SHA256);
        FileInfo file = file("EURUSD_1min_h15_2014_01_abc.parquet", "version 1");
        assertThat(tracker.state(file)).isEqualTo(FileState.NEW);

        tracker.markProcessed(file, "completed", 42, "2014-01-31T23:59:00Z");

        assertThat(tracker.state(file)).isEqualTo(FileState.PROCESSED);
        ProcessedEntry entry = tracker.entry(file);
        assertThat(entry.key()).isEqualTo("2014/01/EURUSD_1min_h15_2014_01_abc.parquet");
        assertThat(entry.checksum()).isEqualTo(IdempotencyTracker.checksum(file.path(), ChecksumAlgorithm.SHA256)).hasSize(64);
        assertThat(entry.status()).isEqualTo("completed");
        assertThat(entry.rows()).isEqualTo(42);
        assertThat(Files.readString(root.resolve(".processed_files.json")))
                .contains("\"processed_files\"", "\"file_path\"", "\"processed_at\"", "\"checksum\"", "\"status\" : \"completed\"");

        Files.writeString(file.path(), "version 2");
        assertThat(tracker.state(file)).isEqualTo(FileState.CHANGED);
        assertThat(tracker.isProcessed(file)).isFalse();
    }

    @Test
    void checksumsMatchTheJdkDigests() throws Exception {
        FileInfo file = file("x.parquet", "abc");
        assertThat(IdempotencyTracker.checksum(file.path(), ChecksumAlgorithm.MD5)).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(IdempotencyTracker.checksum(file.path(), ChecksumAlgorithm.SHA1)).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    }

    @Test
    void aFailedStatusDoesNotCountAsProcessed() throws Exception {
        IdempotencyTracker tracker = tracker(ChecksumAlgorithm.MD5);
        FileInfo file = file("f.parquet", "x");
        tracker.markProcessed(file, "failed", 0, null);
        assertThat(tracker.state(file)).isEqualTo(FileState.NEW);
    }

    @Test
    void aCorruptStateFileIsAnErrorThatSaysHowToRecover() throws Exception {
        Path state = Files.writeString(root.resolve(".processed_files.json"), "{\"processed_files\": {\"a\": ");
        IdempotencyTracker tracker = tracker(ChecksumAlgorithm.MD5);
        FileInfo file = file("f.parquet", "x");

        assertThatThrownBy(() -> tracker.state(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("corrupt idempotency state file [file=" + state + "]")
                .hasMessageContaining("mv " + state + " " + state + ".corrupt");
        assertThatThrownBy(() -> tracker.markProcessed(file, "completed", 1, null)).isInstanceOf(InvalidDataException.class);
        assertThat(Files.readString(state)).isEqualTo("{\"processed_files\": {\"a\": ");
    }

    @Test
    void threadsWithTheirOwnTrackersLoseNoEntries() throws Exception {
        List<FileInfo> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            files.add(file("f" + i + ".parquet", "content " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (FileInfo file : files) {
                futures.add(pool.submit(() -> tracker(ChecksumAlgorithm.MD5).markProcessed(file, "completed", 1, null)));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tracker(ChecksumAlgorithm.MD5).entries()).hasSize(40);
    }

    /**
     * Two JVMs (separate processes, so the OS file lock is what keeps them apart) each record 25 files at once;
     * none of the 50 entries may be lost to the other's write.
     */
    @Test
    void twoProcessesAtOnceLoseNoEntries() throws Exception {
        for (int i = 0; i < 50; i++) {
            file("p" + i + ".parquet", "content " + i);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int half = 0; half < 2; half++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), MarkFilesMain.class.getName(),
                    root.toString(), Integer.toString(half * 25), Integer.toString(half * 25 + 25))
                    .redirectErrorStream(true).redirectOutput(root.resolve("out-" + half + ".txt").toFile()).start());
        }
        for (Process process : processes) {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(Files.readString(root.resolve("out-" + processes.indexOf(process) + ".txt"))).isZero();
        }
        List<ProcessedEntry> entries = tracker(ChecksumAlgorithm.MD5).entries();
        assertThat(entries).hasSize(50);
        assertThat(entries).allSatisfy(entry -> assertThat(entry.status()).isEqualTo("completed"));
        assertThat(root.toFile().list((folder, name) -> name.contains(".tmp-"))).isEmpty();
    }

    /** The child process of {@link #twoProcessesAtOnceLoseNoEntries()}: marks files p{from}..p{to-1}, one update each. */
    public static final class MarkFilesMain {
        public static void main(String[] args) throws Exception {
            Path root = Path.of(args[0]);
            IdempotencyTracker tracker = new IdempotencyTracker(root.resolve(".processed_files.json"), root, ChecksumAlgorithm.MD5);
            for (int i = Integer.parseInt(args[1]); i < Integer.parseInt(args[2]); i++) {
                Path path = root.resolve("2014/01/p" + i + ".parquet");
                tracker.markProcessed(new FileInfo(path, "EURUSD", "1min", 15, 2014, 1, "abc", "parquet"), "completed", i, null);
            }
            System.out.println("done " + File.separator);
        }
    }
}
