package org.marketlake.cli.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketlake.cli.dataset.LoaderDisk.DECEMBER;
import static org.marketlake.cli.dataset.LoaderDisk.FEBRUARY;
import static org.marketlake.cli.dataset.LoaderDisk.JANUARY;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.CliRun;
import org.marketlake.cli.Main;
import org.marketlake.core.testing.ChildJvm;

/**
 * {@code dataset train} and {@code dataset incremental} killed (SIGKILL, in a child JVM) at the steps of a run:
 * once the audit session exists, while an output is being written, after each output is published, after the
 * state is written. After every kill, either the outputs are complete and the files marked processed, or the
 * files are not marked and the session is not completed; any output that exists is complete. The rerun
 * converges: files recorded, outputs complete, the killed session abandoned, no temporary file anywhere.
 *
 * <p>Each kill point costs a child JVM (about 1.5 s idle, more on a busy machine), so there are only the points
 * that tell the orders apart: mid-output, between the outputs and the state, between the state and the end.
 */
class DatasetCrashTest {
    @TempDir
    Path dir;

    /** A step of a run, seen from outside: true once the run got that far. */
    record KillPoint(String name, Predicate<Path> reached) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static KillPoint sessionStarted() {
        return new KillPoint("audit session started", out -> nonEmptyFileIn(out.resolveSibling("data").resolve("audit_logs")));
    }

    private static KillPoint writingOutput() {
        return new KillPoint("an output being written", out -> list(out).stream().anyMatch(name -> name.contains(".tmp")));
    }

    private static KillPoint published(String name) {
        return new KillPoint(name + " published", out -> Files.exists(out.resolve(name)));
    }

    private static KillPoint stateWritten() {
        return new KillPoint("state written", out -> Files.exists(out.resolveSibling("data").resolve(".processed_files.json")));
    }

    @Test
    void aTrainKilledAtAnyStepIsCompleteAndRecordedOrNotRecordedAndTheRerunConverges() throws Exception {
        List<KillPoint> points = List.of(writingOutput(), published("validation.parquet"), stateWritten());
        Map<String, Long> outputs = Map.of("train.parquet", 600L, "validation.parquet", 200L);
        int killedMidRun = 0;
        for (int i = 0; i < points.size(); i++) {
            LoaderDisk disk = LoaderDisk.create(dir.resolve("train" + i));
            Path out = disk.dir.resolve("out");
            String[] train = {"dataset", "train", "--config", disk.config.toString(), "--year-range", "2013:2014", "--out", out.toString()};
            killedMidRun += killAt(points.get(i), disk, out, train) ? 1 : 0;
            assertConsistent(points.get(i), disk, out, outputs, Set.of(DECEMBER, JANUARY, FEBRUARY));
            assertThat(!Files.exists(out.resolve("scaling.json")) || scalingIsComplete(out)).as("scaling.json is whole").isTrue();

            assertRerunConverges(points.get(i), disk, out, outputs, Set.of(DECEMBER, JANUARY, FEBRUARY), train);
            assertThat(scalingIsComplete(out)).isTrue();
        }
        assertThat(killedMidRun).as("kills that came before the end").isPositive();
    }

    @Test
    void anIncrementalKilledAtAnyStepIsCompleteAndRecordedOrNotRecordedAndTheRerunConverges() throws Exception {
        List<KillPoint> points = List.of(writingOutput(), published("incremental.parquet"));
        Map<String, Long> outputs = Map.of("incremental.parquet", 139L);
        int killedMidRun = 0;
        for (int i = 0; i < points.size(); i++) {
            LoaderDisk disk = LoaderDisk.create(dir.resolve("incremental" + i));
            Path out = disk.dir.resolve("out");
            String[] incremental = {"dataset", "incremental", "--config", disk.config.toString(), "--symbol", "EURUSD",
                    "--after", "2014-01-01T06:00:00Z", "--out", out.toString()};
            killedMidRun += killAt(points.get(i), disk, out, incremental) ? 1 : 0;
            assertConsistent(points.get(i), disk, out, outputs, Set.of(JANUARY, FEBRUARY));
            assertRerunConverges(points.get(i), disk, out, outputs, Set.of(JANUARY, FEBRUARY), incremental);
        }
        assertThat(killedMidRun).as("kills that came before the end").isPositive();
    }

    /**
     * Starts the command in a child JVM and kills it as soon as it reaches {@code point} (or lets it end first);
     * true when the kill came before the command said what it had written, that is before its end.
     */
    private static boolean killAt(KillPoint point, LoaderDisk disk, Path out, String[] args) throws Exception {
        Process child = ChildJvm.start(Main.class, disk.dir.resolve("child.log"), args);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (child.isAlive() && !point.reached().test(out) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(100_000);
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return !Files.readString(disk.dir.resolve("child.log")).contains("written:");
    }

    /** Recorded files imply complete outputs and vice versa a completed session implies recorded files. */
    private static void assertConsistent(KillPoint point, LoaderDisk disk, Path out, Map<String, Long> outputs, Set<String> files)
            throws Exception {
        String log = "killed at '" + point + "': " + Files.readString(disk.dir.resolve("child.log"));
        Set<String> processed = disk.processed();
        assertThat(processed).as(log).isIn(Set.of(), files);
        for (Map.Entry<String, Long> output : outputs.entrySet()) {
            Path file = out.resolve(output.getKey());
            if (!processed.isEmpty()) {
                assertThat(file).as(log).exists();
            }
            if (Files.exists(file)) {
                assertThat(LoaderDisk.rows(file)).as(log).isEqualTo(output.getValue());
            }
        }
        if (disk.statuses().contains("completed")) {
            assertThat(processed).as(log).isEqualTo(files);
        }
        assertThat(disk.statuses()).as(log).doesNotContain("failed");
    }

    private static void assertRerunConverges(KillPoint point, LoaderDisk disk, Path out, Map<String, Long> outputs, Set<String> files,
            String[] args) throws Exception {
        CliRun rerun = CliRun.of(args);
        assertThat(rerun.exitCode()).as(point + ": " + rerun.err()).isZero();
        assertThat(disk.processed()).as(point.name()).isEqualTo(files);
        for (Map.Entry<String, Long> output : outputs.entrySet()) {
            assertThat(LoaderDisk.rows(out.resolve(output.getKey()))).as(point.name()).isEqualTo(output.getValue());
        }
        List<String> statuses = disk.statuses();
        assertThat(statuses.get(statuses.size() - 1)).as(point.name()).isEqualTo("completed");
        // The killed session, if it was still running, is abandoned by the rerun's start (its process is gone).
        assertThat(statuses).as(point.name()).doesNotContain("running").hasSize(2);
        assertThat(disk.temporaries()).as(point.name()).isEmpty();
    }

    private static boolean scalingIsComplete(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("scaling.json").toFile()).path("gold_xauusd_bid").has("scale");
    }

    private static boolean nonEmptyFileIn(Path folder) {
        return list(folder).stream().anyMatch(name -> name.endsWith(".json") && size(folder.resolve(name)) > 0);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static List<String> list(Path folder) {
        try (var entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
