package org.marketlake.cli.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.CliRun;

/**
 * {@code ingest actions}, {@code actions} and {@code --adjust} from the command line, on daily bars of IBM with a
 * 4-for-1 split on 2024-06-06 and a 1.02 dividend on 2024-06-07 (factor 1 - 1.02 / 102 = 0.99).
 */
class ActionsCommandsTest {
    @TempDir
    Path dir;
    String root;

    @BeforeEach
    void lake() throws Exception {
        root = dir.resolve("lake").toString();
        Path bars = dir.resolve("ibm.csv");
        Files.writeString(bars, """
                date,open,high,low,close,volume
                2024-06-03,400,404,396,400,1000
                2024-06-04,400,408,400,404,1000
                2024-06-05,404,412,400,408,2000
                2024-06-06,102,103,101,102,8000
                2024-06-07,102,104,101,103,4000
                """);
        assertThat(CliRun.of("ingest", "bars", "--root", root, "--timeframe", "1d", "--symbol", "IBM", bars.toString()).exitCode()).isZero();
    }

    private Path actionsFile(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void ingestPrintAndAdjust() throws Exception {
        Path csv = actionsFile("ibm-actions.csv", """
                symbol,ex_date,type,ratio,cash_amount,source
                IBM,2024-06-06,split,4,,vendor
                IBM,2024-06-07,cash_dividend,,1.02,vendor
                """);
        CliRun ingest = CliRun.of("ingest", "actions", "--root", root, "--symbol", "IBM", csv.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(ingest.out()).isEqualTo("actions/IBM.parquet: 2 added, 0 replaced, 0 unchanged (2 actions)\n");

        CliRun actions = CliRun.of("actions", "--root", root, "--symbol", "IBM", "--format", "csv");
        assertThat(actions.exitCode()).as(actions.err()).isZero();
        assertThat(actions.out()).isEqualTo("""
                symbol,ex_date,type,ratio,cash_amount,source,close_before,price_factor,volume_factor,cumulative_price_factor,cumulative_volume_factor
                IBM,2024-06-06,split,4,,vendor,,0.25,4,0.2475,4
                IBM,2024-06-07,cash_dividend,,1.02,vendor,102,0.99,1,0.99,1
                """);

        CliRun split = CliRun.of("query", "--root", root, "--timeframe", "1d", "--symbol", "IBM", "--start", "2024-06-03", "--end", "2024-06-07",
                "--columns", "close,volume", "--adjust", "split", "--format", "csv");
        assertThat(split.exitCode()).as(split.err()).isZero();
        assertThat(split.out()).isEqualTo("close,volume\n100,4000\n101,4000\n102,8000\n102,8000\n103,4000\n");

        CliRun all = CliRun.of("sql", "--root", root, "--adjust", "all", "--format", "csv",
                "SELECT round(close, 4) AS close, volume FROM bars_1d ORDER BY timestamp");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out()).isEqualTo("close,volume\n99,4000\n99.99,4000\n100.98,8000\n100.98,8000\n103,4000\n");

        CliRun raw = CliRun.of("sql", "--root", root, "--format", "csv", "SELECT close FROM bars_1d ORDER BY timestamp");
        assertThat(raw.out()).isEqualTo("close\n400\n404\n408\n102\n103\n");
        CliRun write = CliRun.of("sql", "--root", root, "--adjust", "split", "DELETE FROM bars_1d");
        assertThat(write.exitCode()).isEqualTo(2);

        CliRun ls = CliRun.of("ls", "--root", root);
        assertThat(ls.out()).contains("actions").contains("IBM");
        assertThat(CliRun.of("validate", "--root", root).exitCode()).isZero();
    }

    @Test
    void jsonLinesAndLastWins() throws Exception {
        Path first = actionsFile("a.jsonl", """
                {"ex_date": "2024-06-06", "type": "split", "ratio": 2}
                {"ex_date": "2024-06-06", "type": "split", "ratio": 4, "source": "fixed"}
                """);
        CliRun ingest = CliRun.of("ingest", "actions", "--root", root, "--symbol", "IBM", first.toString());
        assertThat(ingest.out()).isEqualTo("actions/IBM.parquet: 1 added, 0 replaced, 0 unchanged (1 action)\n");
        Path second = actionsFile("b.csv", "ex_date,type,ratio\n2024-06-06,split,3\n");
        assertThat(CliRun.of("ingest", "actions", "--root", root, "--symbol", "IBM", second.toString()).out())
                .isEqualTo("actions/IBM.parquet: 0 added, 1 replaced, 0 unchanged (1 action)\n");
        assertThat(CliRun.of("actions", "--root", root, "--symbol", "IBM", "--format", "csv").out())
                .contains("IBM,2024-06-06,split,3,,b.csv,,0.3333333333333333,3,");
    }

    @Test
    void aBadRowIsOneLineAndChangesNothing() throws Exception {
        Path good = actionsFile("good.csv", "ex_date,type,ratio\n2024-06-06,split,4\n");
        assertThat(CliRun.of("ingest", "actions", "--root", root, "--symbol", "IBM", good.toString()).exitCode()).isZero();
        byte[] before = Files.readAllBytes(Path.of(root, "actions", "IBM.parquet"));
        Path bad = actionsFile("bad.csv", """
                ex_date,type,ratio,cash_amount
                2024-06-01,split,2,
                2024-06-07,cash_dividend,,-1.5
                """);
        CliRun run = CliRun.of("ingest", "actions", "--root", root, "--symbol", "IBM", bad.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("marketlake: invalid action [file=" + bad + ", row=2, column=cash_amount, value=-1.5]: "
                + "cash_dividend needs a cash_amount per share above 0");
        assertThat(Files.readAllBytes(Path.of(root, "actions", "IBM.parquet"))).isEqualTo(before);

        Path badType = actionsFile("bad.jsonl", "{\"ex_date\": \"2024-06-06\", \"type\": \"merger\"}\n");
        CliRun typeRun = CliRun.of("ingest", "actions", "--root", root, "--symbol", "IBM", badType.toString());
        assertThat(typeRun.exitCode()).isEqualTo(1);
        assertThat(typeRun.err().strip()).isEqualTo("marketlake: invalid action [file=" + badType + ", row=1, column=type, value=merger]: "
                + "unknown action type; use split|reverse_split|cash_dividend|stock_dividend");
    }

    @Test
    void aDividendWithoutADailyCloseIsRefused() throws Exception {
        Path early = actionsFile("early.csv", "ex_date,type,cash_amount\n2024-06-03,cash_dividend,1\n");
        assertThat(CliRun.of("ingest", "actions", "--root", root, "--symbol", "IBM", early.toString()).exitCode()).isZero();
        CliRun run = CliRun.of("query", "--root", root, "--timeframe", "1d", "--symbol", "IBM", "--month", "2024-06", "--adjust", "all");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("IBM").contains("2024-06-03").contains("no daily bar");
        assertThat(CliRun.of("query", "--root", root, "--timeframe", "1d", "--symbol", "IBM", "--month", "2024-06", "--adjust", "split").exitCode()).isZero();
    }
}
