package org.marketlake.cli.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketlake.cli.CliRun;

/** Issue 14: every door into the lake keeps its promises (sql read-only, output outside, checked files, roots). */
class LakeIntegrityTest {
    @TempDir
    Path dir;
    private Path root;
    private Path january;

    @BeforeEach
    void lakeWithBars() throws Exception {
        root = dir.resolve("lake");
        Files.writeString(dir.resolve("bars.csv"), """
                timestamp,open,high,low,close,volume,vwap
                2024-01-31T23:59:00Z,187.15,187.2,187.1,187.19,1200,187.16
                2024-01-31T23:58:00Z,187.10,187.2,187.1,187.15,300,187.12
                """);
        CliRun ingest = CliRun.of("ingest", "bars", "--root", root.toString(), "--timeframe", "1m", "--symbol", "AAPL", dir.resolve("bars.csv").toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        january = root.resolve("bars/1m/AAPL.2024-01.parquet");
    }

    static Stream<String> writesAndOutsideReads() {
        return Stream.of(
                "COPY (SELECT 1 AS a) TO '%s' (FORMAT parquet)",
                "COPY (SELECT 1 AS a) TO '%s.csv'",
                "ATTACH '%s.db' AS other",
                "INSTALL httpfs",
                "LOAD httpfs",
                "SELECT * FROM read_csv('/etc/passwd')",
                "SELECT 1; COPY (SELECT 1) TO '%s.csv'",
                "CREATE TABLE t AS SELECT 1",
                "SET enable_external_access = true");
    }

    @ParameterizedTest
    @MethodSource("writesAndOutsideReads")
    void sqlRefusesEveryStatementThatWritesOrReachesOutsideAndChangesNothing(String template) throws Exception {
        byte[] before = Files.readAllBytes(january);
        String statement = template.replace("%s", january.toString());

        CliRun run = CliRun.of("sql", "--root", root.toString(), statement);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("marketlake: sql is read-only").doesNotContain("\tat ").hasLineCount(1);
        assertThat(Files.readAllBytes(january)).isEqualTo(before);
        try (Stream<Path> files = Files.list(january.getParent())) {
            // Only the month: nothing written, no temporary file left.
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("AAPL.2024-01.parquet");
        }
    }

    @Test
    void sqlStillReadsTheViewsAndUnsafeLiftsTheSandbox() {
        CliRun read = CliRun.of("sql", "--root", root.toString(), "SELECT count(*) AS n, max(close) AS high FROM bars_1m", "--format", "csv");
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.out()).isEqualTo("n,high\n2,187.19\n");

        CliRun unsafe = CliRun.of("sql", "--root", root.toString(), "--unsafe", "SELECT count(*) AS n FROM read_csv('" + dir.resolve("bars.csv") + "')", "--format", "csv");
        assertThat(unsafe.exitCode()).as(unsafe.err()).isZero();
        assertThat(unsafe.out()).isEqualTo("n\n2\n");
    }

    @Test
    void printViewsShowsTheCheckedFilesOnly() throws Exception {
        Files.copy(january, root.resolve("bars/1m/XYZ.2024-01.parquet"));

        CliRun run = CliRun.of("sql", "--root", root.toString(), "--print-views");

        assertThat(run.out()).contains("CREATE VIEW \"bars_1m\" AS SELECT * FROM read_parquet(['" + january.toAbsolutePath() + "'], union_by_name = true);")
                .doesNotContain("XYZ");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void sqlParquetOutputGoesOutsideTheRootAndNeverInside() throws Exception {
        Path outside = dir.resolve("out.parquet");
        CliRun ok = CliRun.of("sql", "--root", root.toString(), "SELECT symbol, count(*) AS n FROM bars_1m GROUP BY 1", "--output", outside.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        CliRun back = CliRun.of("sql", "--root", root.toString(), "--unsafe", "SELECT * FROM '" + outside + "'", "--format", "csv");
        assertThat(back.out()).isEqualTo("symbol,n\nAAPL,2\n");

        CliRun inside = CliRun.of("sql", "--root", root.toString(), "SELECT 1 AS a", "--output", january.toString());
        assertThat(inside.exitCode()).isEqualTo(2);
        assertThat(inside.err()).startsWith("marketlake: refusing to write inside the lake root [file=" + january);
    }

    @Test
    void queryOutputInsideTheRootIsRefusedAndTheFileKept() throws Exception {
        byte[] before = Files.readAllBytes(january);

        CliRun run = CliRun.of("query", "--root", root.toString(), "--timeframe", "1m", "--symbol", "AAPL", "--month", "2024-01",
                "--format", "parquet", "--output", root.resolve("bars/1m/../1m/AAPL.2024-01.parquet").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("refusing to write inside the lake root");
        assertThat(Files.readAllBytes(january)).isEqualTo(before);
    }

    @Test
    void queryOutputFormatFollowsTheExtensionOrIsRefused() throws Exception {
        Path parquet = dir.resolve("jan.parquet");
        CliRun inferred = CliRun.of("query", "--root", root.toString(), "--timeframe", "1m", "--symbol", "AAPL", "--month", "2024-01", "--output", parquet.toString());
        assertThat(inferred.exitCode()).as(inferred.err()).isZero();
        assertThat(new String(Files.readAllBytes(parquet), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PAR1");

        CliRun contradicted = CliRun.of("query", "--root", root.toString(), "--timeframe", "1m", "--symbol", "AAPL", "--month", "2024-01",
                "--format", "table", "--output", dir.resolve("x.parquet").toString());
        assertThat(contradicted.exitCode()).isEqualTo(2);
        assertThat(contradicted.err()).contains("--format table contradicts the output file's extension");
        assertThat(dir.resolve("x.parquet")).doesNotExist();
    }

    @Test
    void misnamedAndForeignFilesAreSkippedWithAWarningAndExitOne() throws Exception {
        Files.copy(january, root.resolve("bars/1m/XYZ.2024-01.parquet"));
        Files.copy(january, root.resolve("bars/1m/AAPL.2024-02.parquet"));
        Files.write(root.resolve("bars/1m/BAD.2024-01.parquet"), new byte[0]);

        CliRun sql = CliRun.of("sql", "--root", root.toString(), "SELECT symbol, count(*) AS n FROM bars_1m GROUP BY 1", "--format", "csv");
        assertThat(sql.out()).isEqualTo("symbol,n\nAAPL,2\n");
        assertThat(sql.exitCode()).isEqualTo(1);
        assertThat(sql.err()).contains(
                "warning: bars/1m/XYZ.2024-01.parquet: metadata marketlake.symbol is 'AAPL', expected 'XYZ', skipped",
                "warning: bars/1m/AAPL.2024-02.parquet: its timestamps 2024-01-31T23:58:00Z .. 2024-01-31T23:59:00Z are outside 2024-02, skipped",
                "warning: bars/1m/BAD.2024-01.parquet: it is not a Parquet file (length is too low: 0), skipped")
                .doesNotContain("LocalInputFile@");

        CliRun ls = CliRun.of("ls", "--root", root.toString(), "--format", "csv");
        assertThat(ls.exitCode()).isEqualTo(1);
        assertThat(ls.out()).contains("AAPL").doesNotContain("XYZ").doesNotContain("BAD");

        CliRun strict = CliRun.of("ls", "--root", root.toString(), "--strict");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).isEmpty();
    }

    @Test
    void aRangedQuerySkipsABadMonthWithOneWarningReturnsTheGoodOnesAndExitsOne() throws Exception {
        Files.copy(january, root.resolve("bars/1m/AAPL.2024-02.parquet"));
        Files.write(root.resolve("bars/1m/AAPL.2024-03.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 1, 2});
        String[] ranged = {"query", "--root", root.toString(), "--timeframe", "1m", "--symbol", "AAPL", "--start", "2024-01-01", "--end", "2024-03-31",
                "--format", "csv", "--columns", "timestamp,close"};

        CliRun run = CliRun.of(ranged);

        assertThat(run.exitCode()).isEqualTo(1);
        // January's two rows once: never the copy's rows a second time.
        assertThat(run.out()).isEqualTo("timestamp,close\n2024-01-31T23:58:00Z,187.15\n2024-01-31T23:59:00Z,187.19\n");
        assertThat(run.err().lines()).containsExactly(
                "warning: bars/1m/AAPL.2024-02.parquet: its timestamps 2024-01-31T23:58:00Z .. 2024-01-31T23:59:00Z are outside 2024-02, skipped",
                "warning: bars/1m/AAPL.2024-03.parquet: it is not a Parquet file (length is too low: 7), skipped");

        CliRun strict = CliRun.of(java.util.stream.Stream.concat(java.util.Arrays.stream(ranged), java.util.stream.Stream.of("--strict")).toArray(String[]::new));
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).isEmpty();
        assertThat(strict.err()).contains("bars/1m/AAPL.2024-02.parquet").contains("outside 2024-02").hasLineCount(1);
    }

    @Test
    void jsonIsOneDocumentAndJsonlOneObjectPerLineInQuerySqlAndLs() throws Exception {
        String[] query = {"query", "--root", root.toString(), "--timeframe", "1m", "--symbol", "AAPL", "--month", "2024-01", "--columns", "timestamp,close"};
        CliRun json = CliRun.of(java.util.stream.Stream.concat(java.util.Arrays.stream(query), java.util.stream.Stream.of("--format", "json")).toArray(String[]::new));
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).isEqualTo("[{\"timestamp\":\"2024-01-31T23:58:00Z\",\"close\":187.15},{\"timestamp\":\"2024-01-31T23:59:00Z\",\"close\":187.19}]\n");
        CliRun jsonl = CliRun.of(java.util.stream.Stream.concat(java.util.Arrays.stream(query), java.util.stream.Stream.of("--format", "jsonl")).toArray(String[]::new));
        assertThat(jsonl.out()).isEqualTo("{\"timestamp\":\"2024-01-31T23:58:00Z\",\"close\":187.15}\n{\"timestamp\":\"2024-01-31T23:59:00Z\",\"close\":187.19}\n");

        Path file = dir.resolve("out.json");
        CliRun sql = CliRun.of("sql", "--root", root.toString(), "SELECT count(*) AS n FROM bars_1m", "--output", file.toString());
        assertThat(sql.exitCode()).as(sql.err()).isZero();
        assertThat(Files.readString(file)).isEqualTo("[{\"n\":2}]\n");

        CliRun ls = CliRun.of("ls", "--root", root.toString(), "--format", "json");
        assertThat(ls.exitCode()).as(ls.err()).isZero();
        assertThat(ls.out()).startsWith("[{\"kind\":\"bars\",\"timeframe\":\"1m\",\"symbol\":\"AAPL\",\"files\":\"1 month\"");
    }

    @Test
    void aRootThatIsMissingOrHoldsNoLakeIsAUsageError() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        for (String[] args : new String[][] {
                {"query", "--root", dir.resolve("nope").toString(), "--timeframe", "1m", "--symbol", "AAPL", "--month", "2024-01"},
                {"sql", "--root", dir.resolve("nope").toString(), "SELECT 1"},
                {"validate", "--root", dir.resolve("nope").toString()},
                {"ls", "--root", empty.toString()}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).startsWith("marketlake: no lake at ").hasLineCount(1);
        }
    }

    @Test
    void anUnknownSymbolIsNamedOnStderr() {
        CliRun run = CliRun.of("query", "--root", root.toString(), "--timeframe", "1m", "--symbol", "MSFT", "--month", "2024-01", "--format", "csv");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo("note: the lake holds no bars_1m files for MSFT\n");
    }
}
