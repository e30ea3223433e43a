package org.marketlake.cli.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketlake.cli.CliRun;
import org.marketlake.cli.Main;
import org.marketlake.core.testing.ChildJvm;

/**
 * Issue 14 item 6: {@code ingest trades --timeframes 1s,1m,1d} is one commit. A child JVM is killed at many
 * points of such an ingest into a lake that already holds part of the day; whatever the point, the next command
 * finds the lake exactly as before the call or exactly as after it (byte for byte), {@code validate} passes (it
 * also checks the roll-ups against the 1s bars), and a rerun converges.
 */
class CommitCrashTest {
    private static final Path TRADES = Path.of(System.getProperty("marketlake.shared", "../../shared"), "data", "ibm-2013-10-07", "trades.csv");
    private static final List<String> INGEST = List.of("ingest", "trades", "--symbol", "IBM", "--timeframes", "1s,1m,1d", "--quiet");

    @TempDir
    static Path dir;
    private static Path before;
    private static Map<String, byte[]> stateBefore;
    private static Map<String, byte[]> stateAfter;

    /** The lake before the call (the morning's trades) and after it (the whole day), built in this JVM. */
    @BeforeAll
    static void beforeAndAfter() throws IOException {
        Path trades = TRADES.toAbsolutePath().normalize();
        List<String> lines = Files.readAllLines(trades);
        Path morning = dir.resolve("morning.csv");
        Files.write(morning, lines.subList(0, lines.size() / 3));
        Files.copy(trades, dir.resolve("day.csv"));
        before = dir.resolve("before");
        ingest(before, morning);
        stateBefore = dataFiles(before);
        Path after = dir.resolve("after");
        ingest(after, morning);
        ingest(after, dir.resolve("day.csv"));
        stateAfter = dataFiles(after);
        assertThat(stateBefore.keySet()).containsExactly("bars/1d/IBM.2013.parquet", "bars/1m/IBM.2013-10.parquet", "bars/1s/IBM.2013-10.parquet");
        assertThat(stateAfter.keySet()).isEqualTo(stateBefore.keySet());
    }

    private static void ingest(Path root, Path input) {
        List<String> args = new ArrayList<>(INGEST);
        args.addAll(List.of("--root", root.toString(), input.toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    /** When to kill: after a delay, or as soon as a file matching a test appears (a staged file, the journal). */
    record KillPoint(String name, long delayMillis, String folder, Predicate<String> appears) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<KillPoint> killPoints() {
        List<KillPoint> points = new ArrayList<>();
        for (long delay : new long[] {400, 900, 1500, 2200}) {
            points.add(new KillPoint("after " + delay + " ms", delay, null, null));
        }
        points.add(new KillPoint("first staged 1s file", 0, "bars/1s", n -> n.endsWith(".tmp")));
        points.add(new KillPoint("first staged 1m file", 0, "bars/1m", n -> n.endsWith(".tmp")));
        points.add(new KillPoint("first staged 1d file", 0, "bars/1d", n -> n.endsWith(".tmp")));
        points.add(new KillPoint("journal written", 0, ".marketlake", n -> n.startsWith("commit-in-progress")));
        return points.stream();
    }

    @ParameterizedTest(name = "killed at {0}")
    @MethodSource("killPoints")
    void aKilledIngestLeavesTheWholeCallOrNoneOfIt(KillPoint point) throws Exception {
        Path root = dir.resolve("kill-" + point.name().replace(' ', '-'));
        copy(before, root);
        List<String> args = new ArrayList<>(INGEST);
        args.addAll(List.of("--root", root.toString(), dir.resolve("day.csv").toString()));
        Process child = ChildJvm.start(Main.class, dir.resolve(root.getFileName() + ".log"), args.toArray(String[]::new));
        try {
            if (point.appears() == null) {
                child.waitFor(point.delayMillis(), TimeUnit.MILLISECONDS);
            } else {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (child.isAlive() && System.nanoTime() < deadline && !appeared(root.resolve(point.folder()), point.appears())) {
                    Thread.onSpinWait();
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        CliRun validate = CliRun.of("validate", "--root", root.toString());
        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
        Map<String, byte[]> state = dataFiles(root);
        boolean none = sameBytes(state, stateBefore);
        boolean all = sameBytes(state, stateAfter);
        assertThat(none || all).as("the lake holds all of the call or none of it, files " + state.keySet()).isTrue();
        assertThat(Files.exists(root.resolve(".marketlake/commit-in-progress.json"))).as("no journal left once a command ran").isFalse();

        ingest(root, dir.resolve("day.csv"));
        assertThat(sameBytes(dataFiles(root), stateAfter)).as("a rerun converges").isTrue();
        try (Stream<Path> files = Files.walk(root.resolve("bars"))) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()).as("no staged file left").isEmpty();
        }
    }

    private static boolean appeared(Path folder, Predicate<String> test) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(p -> test.test(p.getFileName().toString()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static boolean sameBytes(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    /**
     * Every data file of the lake (hidden staged files excluded), by lake-relative name, as a digest of its content
     * but for the commit it names ({@link org.marketlake.core.testing.FileContent}): the "after" state was written by
     * another run of the same ingest.
     */
    private static Map<String, byte[]> dataFiles(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root.resolve("bars"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".parquet") && !p.getFileName().toString().startsWith(".")).toList()) {
                files.put(root.relativize(file).toString(), org.marketlake.core.testing.FileContent.sha256(file).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        return files;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
