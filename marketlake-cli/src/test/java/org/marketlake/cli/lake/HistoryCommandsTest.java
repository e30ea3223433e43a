package org.marketlake.cli.lake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marketlake.cli.CliRun;
import org.marketlake.cli.Main;
import org.marketlake.core.testing.ChildJvm;

/**
 * Issue 21 through the command line: ingest, a second ingest, {@code log}, {@code rollback} to the exact bytes, a
 * refused rollback, {@code gc}; and a child JVM killed during a rollback leaves the lake and its log agreeing,
 * before the rollback or after it.
 */
class HistoryCommandsTest {
    private static final Path TRADES = Path.of(System.getProperty("marketlake.shared", "../../shared"), "data", "ibm-2013-10-07", "trades.csv");

    @TempDir
    static Path dir;
    private static Path template;
    private static Map<String, String> morningState;
    private static Map<String, String> dayState;

    @BeforeAll
    static void morningThenDay() throws IOException {
        List<String> lines = Files.readAllLines(TRADES.toAbsolutePath().normalize());
        Files.write(dir.resolve("morning.csv"), lines.subList(0, lines.size() / 3));
        template = dir.resolve("template");
        ingest(template, dir.resolve("morning.csv"));
        morningState = files(template);
        ingest(template, TRADES.toAbsolutePath().normalize());
        dayState = files(template);
        assertThat(dayState.keySet()).isEqualTo(morningState.keySet());
        assertThat(dayState).isNotEqualTo(morningState);
    }

    private static void ingest(Path root, Path input) {
        CliRun run = CliRun.of("ingest", "trades", "--root", root.toString(), "--symbol", "IBM", "--timeframe", "1s,1m,1d", "--quiet", input.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void logShowsEachCommitAndRollbackRestoresTheMorning() throws Exception {
        Path root = copy("cli");
        CliRun log = CliRun.of("log", "--root", root.toString(), "--format", "jsonl");
        assertThat(log.exitCode()).as(log.err()).isZero();
        List<String> lines = log.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(second.get("sequence").asInt()).isEqualTo(2);
        assertThat(second.get("files").asInt()).isEqualTo(3);
        assertThat(second.get("command").asText()).startsWith("marketlake ingest trades --root ").endsWith("trades.csv");
        // The input file is recorded with its checksum, so a later reader can tell which file the rows came from.
        assertThat(second.get("inputs").asText()).endsWith("trades.csv sha256:" + sha256(TRADES.toAbsolutePath().normalize()));

        CliRun show = CliRun.of("log", "--root", root.toString(), "--show", "2", "--format", "csv");
        assertThat(show.out().lines().toList()).hasSize(4).first().isEqualTo("file,action,rows_before,rows_after,sha256_before,sha256_after");
        assertThat(show.out()).contains("bars/1s/IBM.2013-10.parquet,replaced,");
        CliRun forFile = CliRun.of("log", "--root", root.toString(), "--file", "bars/1d/IBM.2013.parquet", "--format", "csv");
        assertThat(forFile.out().lines().toList()).hasSize(3);

        CliRun rollback = CliRun.of("rollback", "2", "--root", root.toString());
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).startsWith("rolled back 2 as commit 3 (").endsWith("): 3 files restored\n");
        assertThat(files(root)).isEqualTo(morningState);
        assertThat(CliRun.of("validate", "--root", root.toString()).exitCode()).isZero();

        CliRun provenance = CliRun.of("query", "--root", root.toString(), "--timeframe", "1s", "--symbol", "IBM", "--date", "2013-10-07",
                "--provenance", "--format", "csv");
        List<String> origins = provenance.out().lines().toList();
        // The file holds the morning's bytes again, so its own metadata names the morning's commit and input; the
        // lake adds the rollback that put those bytes back.
        assertThat(origins).hasSize(3).first().isEqualTo("file,sequence,id,time,action,rows_after,command,sources");
        assertThat(origins.get(1)).startsWith("bars/1s/IBM.2013-10.parquet,1,").contains(",added,")
                .endsWith("morning.csv sha256:" + sha256(dir.resolve("morning.csv")));
        assertThat(origins.get(2)).startsWith("bars/1s/IBM.2013-10.parquet,3,").contains(",restored,")
                .endsWith(",marketlake rollback 2 --root " + root + ",");

        CliRun refused = CliRun.of("rollback", "2", "--root", root.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).startsWith("marketlake: commit 2's files were changed again later, by 3 (").endsWith("or cascade (--cascade)\n");

        CliRun usage = CliRun.of("ls", "--history", "--root", root.toString(), "--format", "csv");
        assertThat(usage.out().lines().toList()).first().isEqualTo("symbol,version_files,bytes");
        assertThat(usage.out()).contains("\nIBM,6,").contains("\n(log: 3 commits),3,");

        Path leftover = root.resolve("bars/1m/.IBM.2013-10.parquet.0123abcd.tmp");
        Files.writeString(leftover, "a killed writer's");
        CliRun noted = CliRun.of("validate", "--root", root.toString());
        assertThat(noted.exitCode()).isZero();
        assertThat(noted.out()).contains("note: temporary file of an interrupted write [file=bars/1m/.IBM.2013-10.parquet.0123abcd.tmp]",
                "note: marketlake gc removes it", "ok: no problems found");

        CliRun gc = CliRun.of("gc", "--root", root.toString(), "--keep", "1");
        assertThat(gc.exitCode()).as(gc.err()).isZero();
        assertThat(gc.out()).startsWith("removed 1 version folder (").endsWith("and 1 leftover file\n");
        assertThat(leftover).doesNotExist();
        assertThat(CliRun.of("validate", "--root", root.toString()).out()).doesNotContain("note:");
    }

    @Test
    void deletingARangeOfSecondsRebuildsTheRollUpsAndIsUndoable() throws Exception {
        Path root = copy("delete");
        CliRun delete = CliRun.of("delete", "--root", root.toString(), "--kind", "bars", "--timeframe", "1s", "--symbol", "IBM",
                "--start", "2013-10-07T14:00:00Z", "--end", "2013-10-07T14:59:59Z");
        assertThat(delete.exitCode()).as(delete.err()).isZero();
        assertThat(delete.out()).startsWith("deleted ").contains(" 1s rows of IBM from 1 file\nrebuilt the roll-ups around it: ");
        CliRun hour = CliRun.of("query", "--root", root.toString(), "--timeframe", "1m", "--symbol", "IBM",
                "--start", "2013-10-07T14:00:00Z", "--end", "2013-10-07T14:59:59Z", "--format", "csv");
        assertThat(hour.out().lines().toList()).as("no 1m bar outlives its 1s bars").containsExactly(
                "symbol,timestamp,open,high,low,close,volume,vwap,trade_count");
        CliRun around = CliRun.of("query", "--root", root.toString(), "--timeframe", "1m", "--symbol", "IBM",
                "--start", "2013-10-07T15:00:00Z", "--end", "2013-10-07T15:00:00Z", "--format", "csv");
        assertThat(around.out().lines().count()).as("bars outside the range stay").isEqualTo(2);
        // validate re-derives every roll-up from the 1s bars: the rebuilt 1m..1d agree.
        CliRun validate = CliRun.of("validate", "--root", root.toString());
        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
        CliRun rollback = CliRun.of("rollback", "3", "--root", root.toString());
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(files(root)).isEqualTo(dayState);

        CliRun unconfirmed = CliRun.of("delete", "--root", root.toString(), "--symbol", "IBM");
        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        assertThat(unconfirmed.err()).isEqualTo("marketlake: deleting every file of IBM needs a confirmation: give --yes\n");
        CliRun all = CliRun.of("delete", "--root", root.toString(), "--symbol", "IBM", "--yes");
        assertThat(all.out()).startsWith("deleted 3 files of IBM (");
        assertThat(files(root)).isEmpty();
    }

    @ParameterizedTest(name = "killed after {0} ms")
    @ValueSource(ints = {150, 400, 700, 1000, 1400})
    void aKilledRollbackLeavesTheLakeAndItsLogAgreeing(int millis) throws Exception {
        Path root = copy("kill-" + millis);
        Process child = ChildJvm.start(Main.class, dir.resolve("kill-" + millis + ".log"), "rollback", "2", "--root", root.toString());
        try {
            child.waitFor(millis, TimeUnit.MILLISECONDS);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        CliRun log = CliRun.of("log", "--root", root.toString(), "--format", "jsonl");
        assertThat(log.exitCode()).as(log.err()).isZero();
        Map<String, String> state = files(root);
        int commits = (int) log.out().lines().count();
        if (commits == 2) {
            assertThat(state).as("no rollback logged: the day's files").isEqualTo(dayState);
        } else {
            assertThat(commits).isEqualTo(3);
            assertThat(state).as("the rollback logged: the morning's files").isEqualTo(morningState);
        }
        assertThat(Files.exists(root.resolve(".marketlake/commit-in-progress.json"))).isFalse();
        assertThat(CliRun.of("validate", "--root", root.toString()).exitCode()).isZero();
    }

    private static final String[] DELETE = {"delete", "--kind", "bars", "--timeframe", "1s", "--symbol", "IBM",
        "--start", "2013-10-07T14:00:00Z", "--end", "2013-10-07T14:59:59Z"};

    @ParameterizedTest(name = "killed after {0} ms")
    @ValueSource(ints = {150, 500, 900, 1300})
    void aKilledDeleteLeavesTheWholeDeleteOrNoneOfItWithItsLogEntry(int millis) throws Exception {
        Path reference = copy("delete-reference-" + millis);
        CliRun whole = CliRun.of(withRoot(DELETE, reference));
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        Map<String, String> deleted = contents(reference);

        Path root = copy("delete-kill-" + millis);
        Process child = ChildJvm.start(Main.class, dir.resolve("delete-kill-" + millis + ".log"), withRoot(DELETE, root));
        try {
            child.waitFor(millis, TimeUnit.MILLISECONDS);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        int commits = (int) CliRun.of("log", "--root", root.toString(), "--format", "jsonl").out().lines().count();
        Map<String, String> state = files(root);
        if (commits == 2) {
            assertThat(state).as("no delete logged: the day's files").isEqualTo(dayState);
        } else {
            assertThat(commits).isEqualTo(3);
            assertThat(contents(root)).as("the delete logged: all of it (the reference run names another commit)").isEqualTo(deleted);
        }
        assertThat(CliRun.of("validate", "--root", root.toString()).exitCode()).isZero();
    }

    @ParameterizedTest(name = "killed after {0} ms")
    @ValueSource(ints = {150, 450, 800, 1200})
    void aKilledGcLeavesTheDataAndTheLogAsTheyWereAndEachCommitsVersionsWholeOrGone(int millis) throws Exception {
        Path root = copy("gc-kill-" + millis);
        Process child = ChildJvm.start(Main.class, dir.resolve("gc-kill-" + millis + ".log"), "gc", "--keep", "0", "--root", root.toString());
        try {
            child.waitFor(millis, TimeUnit.MILLISECONDS);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(files(root)).as("gc never touches data files").isEqualTo(dayState);
        assertThat(CliRun.of("log", "--root", root.toString(), "--format", "jsonl").out().lines()).hasSize(2);
        assertThat(CliRun.of("validate", "--root", root.toString()).exitCode()).isZero();
        // The versions of commit 2 are whole (the rollback restores the morning's exact bytes) or gone (refused,
        // nothing changed); never half a rollback.
        CliRun rollback = CliRun.of("rollback", "2", "--root", root.toString());
        if (rollback.exitCode() == 0) {
            assertThat(files(root)).isEqualTo(morningState);
        } else {
            assertThat(rollback.exitCode()).as(rollback.err()).isEqualTo(1);
            assertThat(rollback.err()).contains("is no longer kept (gc removed it after its retention)");
            assertThat(files(root)).isEqualTo(dayState);
        }
        CliRun gc = CliRun.of("gc", "--keep", "0", "--root", root.toString());
        assertThat(gc.exitCode()).as(gc.err()).isZero();
        assertThat(CliRun.of("validate", "--root", root.toString()).out()).doesNotContain("note:");
    }

    @Test
    void twoWritersAndARollbackAtOnceLoseNothingAndTheLogIsInCommitOrder() throws Exception {
        Path root = copy("concurrent");
        Path other = dir.resolve("msft.csv");
        Files.writeString(other, "timestamp,price,size\n2013-10-07T14:30:00Z,33.5,100\n2013-10-07T14:30:01Z,33.6,200\n");
        Process msft = ChildJvm.start(Main.class, dir.resolve("msft.log"), "ingest", "trades", "--root", root.toString(), "--symbol", "MSFT",
                "--timeframe", "1s,1m", "--quiet", other.toString());
        Process aapl = ChildJvm.start(Main.class, dir.resolve("aapl.log"), "ingest", "trades", "--root", root.toString(), "--symbol", "AAPL",
                "--timeframe", "1s", "--quiet", other.toString());
        Process rollback = ChildJvm.start(Main.class, dir.resolve("concurrent-rollback.log"), "rollback", "2", "--root", root.toString());
        for (Process process : List.of(msft, aapl, rollback)) {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        }
        List<JsonNode> log = new java.util.ArrayList<>();
        for (String line : CliRun.of("log", "--root", root.toString(), "--format", "jsonl").out().lines().toList()) {
            log.add(new ObjectMapper().readTree(line));
        }
        assertThat(log).extracting(entry -> entry.get("sequence").asInt()).containsExactly(1, 2, 3, 4, 5);
        List<String> times = log.stream().map(entry -> entry.get("time").asText()).toList();
        assertThat(times).isSorted();
        Map<String, String> state = files(root);
        assertThat(state).containsKeys("bars/1s/MSFT.2013-10.parquet", "bars/1m/MSFT.2013-10.parquet", "bars/1s/AAPL.2013-10.parquet");
        for (String ibm : morningState.keySet()) {
            assertThat(state.get(ibm)).as(ibm + " rolled back to the morning").isEqualTo(morningState.get(ibm));
        }
        assertThat(CliRun.of("validate", "--root", root.toString()).exitCode()).isZero();
    }

    private static String[] withRoot(String[] args, Path root) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--root", root.toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void provenanceNamesEachWritingCommitAndItsInputChecksumEvenForACopiedFile() throws Exception {
        Path root = copy("provenance");
        String trades = sha256(TRADES.toAbsolutePath().normalize());
        CliRun query = CliRun.of("query", "--root", root.toString(), "--timeframe", "1m", "--symbol", "IBM", "--date", "2013-10-07",
                "--provenance", "--format", "csv");
        assertThat(query.exitCode()).as(query.err()).isZero();
        List<String> lines = query.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("bars/1m/IBM.2013-10.parquet,1,").contains(",added,")
                .endsWith("morning.csv sha256:" + sha256(dir.resolve("morning.csv")));
        assertThat(lines.get(2)).startsWith("bars/1m/IBM.2013-10.parquet,2,").contains(",replaced,").endsWith("trades.csv sha256:" + trades);

        Path copied = Files.copy(root.resolve("bars/1m/IBM.2013-10.parquet"), dir.resolve("IBM.2013-10.copied.parquet"));
        CliRun log = CliRun.of("log", "--root", root.toString(), "--file", copied.toString(), "--format", "csv");
        assertThat(log.exitCode()).as(log.err()).isZero();
        assertThat(log.out().lines().toList()).hasSize(3).last().asString()
                .startsWith(copied + ",2,").contains(",replaced,").endsWith("trades.csv sha256:" + trades);
    }

    private static Path copy(String name) throws IOException {
        Path root = dir.resolve(name);
        try (Stream<Path> walk = Files.walk(template)) {
            for (Path path : walk.toList()) {
                Path target = root.resolve(template.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return root;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Each lake data file's content digest but for the commit it names ({@link org.marketlake.core.testing.FileContent}). */
    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root.resolve("bars"))) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                state.put(root.relativize(file).toString(), org.marketlake.core.testing.FileContent.sha256(file));
            }
        }
        return state;
    }

    /** Each lake data file's SHA-256, by path relative to the root (hidden staged leftovers are not data: gc removes them). */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root.resolve("bars"))) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MessageDigest digest = MessageDigest.getInstance("SHA-256");
                    digest.update(in.readAllBytes());
                    state.put(root.relativize(file).toString(), HexFormat.of().formatHex(digest.digest()));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return state;
    }
}
