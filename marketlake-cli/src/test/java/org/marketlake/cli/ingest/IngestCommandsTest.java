package org.marketlake.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.CliRun;

/** {@code ingest trades}, {@code ingest quotes} and {@code resample} as a user types them: output and exit codes. */
class IngestCommandsTest {
    private static final String TRADES = """
            timestamp,price,size,exchange
            2024-01-02T14:30:00.100Z,10,100,Q
            2024-01-02T14:30:00.900Z,11,50,Q
            2024-01-02T14:31:30Z,12,10,N
            2024-01-02T14:31:31Z,-1,10,N
            """;

    @TempDir
    Path dir;

    private String root() {
        return dir.resolve("lake").toString();
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void tradesToBarsWithSummary() throws IOException {
        Path csv = file("t.csv", TRADES);
        CliRun run = CliRun.of("ingest", "trades", "--root", root(), "--symbol", "AAPL", "--timeframes", "1s,1m,1d", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                files read: 1
                rows read: 4
                rows accepted: 3
                rows rejected: 1
                  non-positive price: 1 (first: %s:5: price=-1.0 size=10.0)
                bars/1s/AAPL.2024-01.parquet: 2 added, 0 replaced, 0 unchanged (2 rows)
                bars/1m/AAPL.2024-01.parquet: 2 added, 0 replaced, 0 unchanged (2 rows)
                bars/1d/AAPL.2024.parquet: 1 added, 0 replaced, 0 unchanged (1 row)
                """.formatted(csv));
        CliRun query = CliRun.of("query", "--root", root(), "--timeframe", "1m", "--symbol", "AAPL", "--date", "2024-01-02", "--format", "csv");
        assertThat(query.out()).isEqualTo("""
                symbol,timestamp,open,high,low,close,volume,vwap,trade_count
                AAPL,2024-01-02T14:30:00Z,10,11,10,11,150,10.333333333333334,2
                AAPL,2024-01-02T14:31:00Z,12,12,12,12,10,12,1
                """);
        CliRun again = CliRun.of("ingest", "trades", "--root", root(), "--symbol", "AAPL", "--timeframes", "1s,1m,1d", csv.toString());
        assertThat(again.out()).contains("bars/1s/AAPL.2024-01.parquet: 0 added, 0 replaced, 2 unchanged (2 rows)");
    }

    @Test
    void timeframeIsTheOptionAndTimeframesItsAlias() throws IOException {
        Path csv = file("t.csv", TRADES);
        CliRun run = CliRun.of("ingest", "trades", "--root", root(), "--symbol", "AAPL", "--timeframe", "1s,1m", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("bars/1s/AAPL.2024-01.parquet: 2 added", "bars/1m/AAPL.2024-01.parquet: 2 added").doesNotContain("bars/1d");
        CliRun help = CliRun.of("ingest", "trades", "--help");
        assertThat(help.out()).contains("--timeframe, --timeframes=TF");
    }

    @Test
    void strictRejectsTheWholeIngestWithExitOne() throws IOException {
        Path csv = file("t.csv", TRADES);
        CliRun run = CliRun.of("ingest", "trades", "--root", root(), "--symbol", "AAPL", "--strict", csv.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("marketlake: 1 row(s) rejected in strict mode, nothing written; first: non-positive price [file="
                + csv + ", line=5, value=price=-1.0 size=10.0]\n");
        assertThat(dir.resolve("lake")).doesNotExist();
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path local = file("local.csv", "timestamp,price,size\n2024-01-02 09:30:00,10,1\n");
        CliRun noOffset = CliRun.of("ingest", "trades", "--root", root(), "--symbol", "AAPL", local.toString());
        assertThat(noOffset.exitCode()).isEqualTo(2);
        assertThat(noOffset.err()).contains("--tz").contains("line=2");
        CliRun withZone = CliRun.of("ingest", "trades", "--root", root(), "--symbol", "AAPL", "--tz", "America/New_York", "--timeframes", "1m", local.toString());
        assertThat(withZone.exitCode()).as(withZone.err()).isZero();
        assertThat(withZone.out()).contains("bars/1m/AAPL.2024-01.parquet: 1 added");

        Path epoch = file("epoch.csv", "timestamp,price,size\n1704205800000,10,1\n");
        assertThat(CliRun.of("ingest", "trades", "--root", root(), "--symbol", "AAPL", epoch.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("ingest", "trades", "--root", root(), "--symbol", "AAPL", "--epoch-unit", "ms", epoch.toString()).exitCode()).isZero();

        assertThat(CliRun.of("ingest", "trades", "--root", root(), "--symbol", "../x", epoch.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("ingest", "trades", "--root", root(), "--symbol", "AAPL", dir.resolve("none.csv").toString()).err())
                .startsWith("marketlake: no such file");
        assertThat(CliRun.of("ingest", "trades", "--root", root(), "--symbol", "AAPL", "--timeframes", "2m", epoch.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("ingest", "trades", "--root", root(), "--symbol", "AAPL", "--session", "night", epoch.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("ingest", "trades", "--root", root(), "--symbol", "AAPL", "--map", "volume=x", epoch.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("ingest", "trades", "--root", root(), "--symbol", "AAPL").exitCode()).isEqualTo(2);
    }

    @Test
    void aMissingColumnIsADataProblemNamingTheMapOption() throws IOException {
        Path csv = file("amount.csv", "timestamp,price,amount\n2024-01-02T14:30:00Z,10,1\n");
        CliRun run = CliRun.of("ingest", "trades", "--root", root(), "--symbol", "AAPL", csv.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("missing column [file=" + csv + ", column=size]").contains("map another to size (size=COLUMN) (--map FIELD=COLUMN");
        CliRun mapped = CliRun.of("ingest", "trades", "--root", root(), "--symbol", "AAPL", "--map", "size=amount", csv.toString());
        assertThat(mapped.exitCode()).as(mapped.err()).isZero();
    }

    @Test
    void quotesOnePerSecond() throws IOException {
        Path csv = file("q.csv", """
                timestamp,bid_price,ask_price,bid_size,ask_size
                2024-01-02T14:30:00.1Z,1.0,1.5,1,2
                2024-01-02T14:30:00.2Z,1.0,1.25,3,4
                2024-01-02T14:30:01.2Z,1.5,1.25,3,4
                """);
        CliRun run = CliRun.of("ingest", "quotes", "--root", root(), "--symbol", "EURUSD", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                files read: 1
                rows read: 3
                rows accepted: 2
                rows rejected: 1
                  crossed quote (ask < bid): 1 (first: %s:4: bid_price=1.5 ask_price=1.25 bid_size=3.0 ask_size=4.0)
                quotes/EURUSD.2024-01.parquet: 1 added, 0 replaced, 0 unchanged (1 row)
                """.formatted(csv));
        CliRun query = CliRun.of("query", "--root", root(), "--timeframe", "quotes", "--symbol", "EURUSD", "--date", "2024-01-02", "--format", "csv");
        assertThat(query.out()).isEqualTo("""
                symbol,timestamp,bid_price,bid_size,ask_price,ask_size,spread,exchange
                EURUSD,2024-01-02T14:30:00Z,1,3,1.25,4,0.25,
                """);
    }

    @Test
    void resampleRebuildsCoarserBarsFromStoredSeconds() throws IOException {
        Path csv = file("t.csv", TRADES);
        assertThat(CliRun.of("ingest", "trades", "--root", root(), "--symbol", "AAPL", csv.toString()).exitCode()).isZero();
        CliRun month = CliRun.of("resample", "--root", root(), "--symbol", "AAPL", "--from", "1s", "--to", "5m", "--month", "2024-01");
        assertThat(month.exitCode()).as(month.err()).isZero();
        assertThat(month.out()).isEqualTo("bars/5m/AAPL.2024-01.parquet: 1 added, 0 replaced, 0 unchanged (1 row)\n");
        CliRun range = CliRun.of("resample", "--root", root(), "--symbol", "AAPL", "--from", "1s", "--to", "1d", "--session", "utc",
                "--start", "2024-01-02", "--end", "2024-01-02");
        assertThat(range.out()).isEqualTo("bars/1d/AAPL.2024.parquet: 1 added, 0 replaced, 0 unchanged (1 row)\n");
        CliRun all = CliRun.of("resample", "--root", root(), "--symbol", "AAPL", "--from", "1s", "--to", "1h");
        assertThat(all.out()).isEqualTo("bars/1h/AAPL.2024-01.parquet: 1 added, 0 replaced, 0 unchanged (1 row)\n");

        assertThat(CliRun.of("resample", "--root", root(), "--symbol", "AAPL", "--from", "1m", "--to", "1h").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("resample", "--root", root(), "--symbol", "AAPL", "--from", "1s", "--to", "1s").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("resample", "--root", root(), "--symbol", "MSFT", "--from", "1s", "--to", "1m").exitCode()).isEqualTo(1);
        assertThat(CliRun.of("resample", "--root", root(), "--symbol", "AAPL", "--from", "1s", "--to", "1m", "--month", "2024-13").exitCode()).isEqualTo(2);
        CliRun both = CliRun.of("resample", "--root", root(), "--symbol", "AAPL", "--from", "1s", "--to", "1m", "--month", "2024-01", "--start", "2024-01-02", "--end", "2024-01-03");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).startsWith("marketlake: Error: --month=YYYY-MM and [--start=T --end=T] are mutually exclusive (specify only one)");
    }

    @Test
    void helpOnEveryCommand() {
        for (String[] command : new String[][] {{"ingest", "trades", "--help"}, {"ingest", "quotes", "--help"}, {"resample", "--help"}}) {
            CliRun run = CliRun.of(command);
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("Usage: marketlake");
        }
    }
}
