package org.marketlake.cli.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.CliRun;

/** The lake's commands as a user types them: output text and exit codes together. */
class LakeCommandsTest {
    @TempDir
    Path dir;
    private String root;

    @BeforeEach
    void lakeWithBars() throws Exception {
        root = dir.resolve("lake").toString();
        Files.writeString(dir.resolve("bars.csv"), """
                timestamp,open,high,low,close,volume,vwap
                2024-01-31T23:59:00Z,187.15,187.2,187.1,187.19,1200,187.16
                2024-02-01T00:00:00Z,187.19,187.3,187.1,187.25,0.000001,
                2024-02-01T14:30:00+00:00,187.25,187.25,187.25,187.25,100000000,
                """);
        CliRun ingest = CliRun.of("ingest", "bars", "--root", root, "--timeframe", "1m", "--symbol", "AAPL", dir.resolve("bars.csv").toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(ingest.out()).isEqualTo("""
                bars/1m/AAPL.2024-01.parquet: 1 added, 0 replaced, 0 unchanged (1 row)
                bars/1m/AAPL.2024-02.parquet: 2 added, 0 replaced, 0 unchanged (2 rows)
                """);
    }

    @Test
    void queryCsvUsesPlainNumbersAndIsoTimestamps() {
        CliRun run = CliRun.of("query", "--root", root, "--timeframe", "1m", "--symbol", "AAPL", "--start", "2024-01-31", "--end", "2024-02-01", "--format", "csv");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                symbol,timestamp,open,high,low,close,volume,vwap,trade_count
                AAPL,2024-01-31T23:59:00Z,187.15,187.2,187.1,187.19,1200,187.16,
                AAPL,2024-02-01T00:00:00Z,187.19,187.3,187.1,187.25,0.000001,,
                AAPL,2024-02-01T14:30:00Z,187.25,187.25,187.25,187.25,100000000,,
                """);
    }

    @Test
    void queryColumnsTzAndJsonLines() {
        CliRun run = CliRun.of("query", "--root", root, "--timeframe", "1m", "--symbol", "AAPL", "--date", "2024-02-01",
                "--columns", "timestamp,close,vwap", "--tz", "America/New_York", "--format", "jsonl");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // 2024-02-01 in New York starts at 05:00Z, so the bar at 00:00Z belongs to January 31 there.
        assertThat(run.out()).isEqualTo("""
                {"timestamp":"2024-02-01T09:30:00-05:00","close":187.25,"vwap":null}
                """);
    }

    @Test
    void marketHoursKeepsTheRegularSession() {
        CliRun run = CliRun.of("query", "--root", root, "--timeframe", "1m", "--symbol", "AAPL", "--month", "2024-02", "--market-hours", "--format", "csv", "--columns", "timestamp");
        assertThat(run.out()).isEqualTo("timestamp\n2024-02-01T14:30:00Z\n");
    }

    @Test
    void parquetOutputReadsBackThroughSql() {
        Path out = dir.resolve("out.parquet");
        CliRun run = CliRun.of("query", "--root", root, "--timeframe", "1m", "--symbol", "AAPL", "--month", "2024-02", "--format", "parquet", "--output", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        CliRun sql = CliRun.of("sql", "--root", root, "--unsafe", "--format", "csv", "SELECT count(*) AS n, max(close) AS c FROM read_parquet('" + out + "')");
        assertThat(sql.out()).isEqualTo("n,c\n2,187.25\n");
    }

    @Test
    void sqlSeesAllSymbolsAndEmptyKindsAreEmptyViews() {
        CliRun run = CliRun.of("sql", "--root", root, "--format", "csv",
                "SELECT symbol, count(*) AS bars, min(timestamp) AS first FROM bars_1m GROUP BY symbol UNION ALL SELECT 'quotes', count(*), NULL FROM quotes");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("symbol,bars,first\nAAPL,3,2024-01-31T23:59:00Z\nquotes,0,\n");
    }

    @Test
    void lsShowsFilesRowsAndRange() {
        CliRun run = CliRun.of("ls", "--root", root, "--format", "csv");
        assertThat(run.out()).startsWith("kind,timeframe,symbol,files,periods,rows,bytes,first,last\nbars,1m,AAPL,2 months,2024-01..2024-02,3,");
        assertThat(run.out()).endsWith(",2024-01-31T23:59:00Z,2024-02-01T14:30:00Z\n");
    }

    @Test
    void validateSaysOkOrListsProblemsWithExitOne() throws Exception {
        assertThat(CliRun.of("validate", "--root", root).out()).isEqualTo("ok: no problems found\n");
        Path stray = Path.of(root, "bars/1m/MSFT.2024-01.parquet");
        Files.copy(Path.of(root, "bars/1m/AAPL.2024-01.parquet"), stray);
        CliRun run = CliRun.of("validate", "--root", root);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("bars/1m/MSFT.2024-01.parquet: metadata marketlake.symbol is 'AAPL', expected 'MSFT'");
    }

    @Test
    void badRowsExitOneNamingFileLineColumnValueAndChangeNothing() throws Exception {
        byte[] before = Files.readAllBytes(Path.of(root, "bars/1m/AAPL.2024-01.parquet"));
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "timestamp,open,high,low,close,volume\n2024-01-02T14:30:00Z,10,11,9,10.5,100\n2024-01-31T23:59:00Z,10,11,9,abc,100\n");
        CliRun run = CliRun.of("ingest", "bars", "--root", root, "--timeframe", "1m", "--symbol", "AAPL", bad.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("marketlake: invalid value [file=" + bad + ", row=2 (line 3), column=close, value=abc]: not a number\n");
        Files.writeString(bad, "timestamp,open,high,low,close,volume\n2024-01-02T14:30:00Z,10,11,9,10.5,100\n2024-01-31T23:59:00Z,10,11,10.9,10.5,100\n");
        run = CliRun.of("ingest", "bars", "--root", root, "--timeframe", "1m", "--symbol", "AAPL", bad.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("marketlake: invalid row [file=" + bad + ", row=2 (line 3), column=low, value=10.9]: low is above min(open, close) = 10 (nothing was written)\n");
        assertThat(Files.readAllBytes(Path.of(root, "bars/1m/AAPL.2024-01.parquet"))).isEqualTo(before);
    }

    @Test
    void barsMustBeStampedAtTheStartOfTheirInterval() throws Exception {
        Path odd = dir.resolve("odd.csv");
        Files.writeString(odd, "timestamp,open,high,low,close,volume\n2024-01-02T14:30:30Z,10,11,9,10.5,100\n");
        CliRun run = CliRun.of("ingest", "bars", "--root", root, "--timeframe", "1m", "--symbol", "AAPL", odd.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("marketlake: invalid row [file=" + odd + ", row=1 (line 2), column=timestamp, value=2024-01-02T14:30:30Z]: "
                + "a 1m bar is stamped at the start of its interval (UTC) (nothing was written)\n");
        Files.writeString(odd, "date,open,high,low,close,volume,trade_count\n2024-01-02T14:30:00Z,10,11,9,10.5,100,3.5\n");
        run = CliRun.of("ingest", "bars", "--root", root, "--timeframe", "1d", "--symbol", "AAPL", odd.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("column=trade_count, value=3.5]: not a whole number");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Path naive = dir.resolve("naive.csv");
        Files.writeString(naive, "timestamp,open,high,low,close,volume\n2024-01-02 09:30:00,10,11,9,10.5,100\n");
        CliRun noTz = CliRun.of("ingest", "bars", "--root", root, "--timeframe", "1m", "--symbol", "AAPL", naive.toString());
        assertThat(noTz.exitCode()).isEqualTo(2);
        assertThat(noTz.err()).contains("timestamp without an offset [value=2024-01-02 09:30:00]").contains("--tz");
        CliRun withTz = CliRun.of("ingest", "bars", "--root", root, "--timeframe", "1m", "--symbol", "AAPL", "--tz", "America/New_York", naive.toString());
        assertThat(withTz.exitCode()).as(withTz.err()).isZero();
        assertThat(CliRun.of("query", "--root", root, "--timeframe", "1m", "--symbol", "AAPL", "--date", "2024-01-02", "--format", "csv", "--columns", "timestamp").out())
                .isEqualTo("timestamp\n2024-01-02T14:30:00Z\n");

        Path epoch = dir.resolve("epoch.csv");
        Files.writeString(epoch, "timestamp,open,high,low,close,volume\n1704205800000,10,11,9,10.5,100\n");
        assertThat(CliRun.of("ingest", "bars", "--root", root, "--timeframe", "1m", "--symbol", "AAPL", epoch.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("ingest", "bars", "--root", root, "--timeframe", "1m", "--symbol", "AAPL", "--epoch-unit", "ms", epoch.toString()).exitCode()).isZero();

        CliRun unsafe = CliRun.of("query", "--root", root, "--timeframe", "1m", "--symbol", "../etc", "--month", "2024-01");
        assertThat(unsafe.exitCode()).isEqualTo(2);
        assertThat(unsafe.err()).startsWith("marketlake: Invalid value for option '--symbol': invalid symbol [value=../etc]");
        assertThat(CliRun.of("query", "--root", root, "--timeframe", "2m", "--symbol", "AAPL", "--month", "2024-01").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("query", "--root", root, "--timeframe", "1m", "--symbol", "AAPL").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("query", "--root", root, "--timeframe", "1m", "--symbol", "AAPL", "--month", "2024-01", "--columns", "nope").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("sql", "--root", root, "SELEC 1").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("nonsense").exitCode()).isEqualTo(2);
    }

    @Test
    void dailyBarsFromDateColumn() throws Exception {
        Path daily = dir.resolve("daily.csv");
        Files.writeString(daily, "date,open,high,low,close,volume\n2013-10-04,184.22,185.09,183.58,184.1,2745915\n2013-10-07,182,183.3,181.85,182.01,3908081\n");
        CliRun run = CliRun.of("ingest", "bars", "--root", root, "--timeframe", "1d", "--symbol", "IBM", daily.toString());
        assertThat(run.out()).isEqualTo("bars/1d/IBM.2013.parquet: 2 added, 0 replaced, 0 unchanged (2 rows)\n");
        assertThat(CliRun.of("query", "--root", root, "--timeframe", "1d", "--symbol", "IBM", "--date", "2013-10-07", "--format", "csv", "--columns", "timestamp,close").out())
                .isEqualTo("timestamp,close\n2013-10-07,182.01\n");
    }

    @Test
    void demoWritesALakeThatLaterCommandsUse() {
        String demoRoot = dir.resolve("demo").toString();
        CliRun demo = CliRun.of("demo", "--root", demoRoot);
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("== marketlake ls").containsPattern("bars +1m +IBM +1 month +2013-10 +453").containsPattern("bars +1d +IBM +1 year +2013 ").containsPattern("quotes +EURUSD");
        CliRun again = CliRun.of("demo", "--root", demoRoot);
        assertThat(again.out()).contains("0 rows added, 0 replaced");
        CliRun query = CliRun.of("query", "--root", demoRoot, "--timeframe", "1m", "--symbol", "IBM", "--date", "2013-10-07", "--market-hours", "--format", "csv", "--columns", "timestamp");
        assertThat(query.out().lines().count()).isEqualTo(391);
    }
}
