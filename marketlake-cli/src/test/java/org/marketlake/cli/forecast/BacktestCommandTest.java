package org.marketlake.cli.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlake.cli.CliRun;

class BacktestCommandTest extends DemoLakeTest {
    @Test
    void csvHasEveryWindowOfEveryModelAndTheirMeans() {
        CliRun result = CliRun.of("backtest", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--model", "naive,drift",
                "--horizon", "30", "--windows", "3", "--format", "csv");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = lines(result);
        assertThat(lines.get(0)).isEqualTo("model,window,cutoff,first,last,mase,wql,relative_mase,relative_wql");
        assertThat(lines).hasSize(1 + 3 * 4);
        assertThat(lines.subList(1, 5)).allSatisfy(line -> assertThat(line).startsWith("seasonal-naive,").endsWith(",1,1"));
        assertThat(lines.get(5)).startsWith("naive,1,");
        assertThat(lines.get(8)).startsWith("naive,mean,,,,");
        assertThat(lines.get(12)).startsWith("drift,mean,,,,");
        // The last window ends at the last bar, 23:26; it forecasts the 30 bars after the cutoff.
        assertThat(lines.get(7)).contains(",2013-10-07T23:26:00Z,");
    }

    @Test
    void jsonNestsWindowsUnderEachModel() throws Exception {
        CliRun result = CliRun.of("backtest", "--root", root, "--symbol", "BTCUSD", "--timeframe", "1m", "--model", "seasonal-naive",
                "--horizon", "60", "--windows", "4", "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("symbol").asText()).isEqualTo("BTCUSD");
        assertThat(json.get("windows").asInt()).isEqualTo(4);
        assertThat(json.get("season").asInt()).isEqualTo(1440);
        assertThat(json.get("models")).hasSize(1);
        JsonNode model = json.get("models").get(0);
        assertThat(model.get("per_window")).hasSize(4);
        assertThat(model.get("per_window").get(3).get("last").asText()).isEqualTo("2016-10-07T23:59:00Z");
        assertThat(model.get("relative_mase").asDouble()).isEqualTo(1.0);
    }

    @Test
    void jsonLinesAreTheCsvRecordsAndAFileTakesTheFormatOfItsExtension() throws Exception {
        CliRun result = CliRun.of("backtest", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--model", "naive",
                "--horizon", "30", "--windows", "2", "--format", "jsonl");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = lines(result);
        assertThat(lines).hasSize(2 * 3);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("model").asText()).isEqualTo("seasonal-naive");
        assertThat(first.get("window").asInt()).isEqualTo(1);
        assertThat(first.get("relative_mase").asDouble()).isEqualTo(1.0);
        JsonNode mean = new ObjectMapper().readTree(lines.get(5));
        assertThat(mean.get("window").asText()).isEqualTo("mean");
        assertThat(mean.get("cutoff").isNull()).isTrue();

        Path csv = folder.resolve("scores.csv");
        CliRun toFile = CliRun.of("backtest", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--model", "naive",
                "--horizon", "30", "--windows", "2", "--output", csv.toString());
        assertThat(toFile.exitCode()).as(toFile.err()).isZero();
        assertThat(toFile.out()).isEmpty();
        assertThat(Files.readAllLines(csv)).hasSize(1 + 2 * 3).first().isEqualTo("model,window,cutoff,first,last,mase,wql,relative_mase,relative_wql");

        CliRun parquet = CliRun.of("backtest", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--model", "naive",
                "--horizon", "30", "--windows", "2", "--format", "parquet", "--output", folder.resolve("x.parquet").toString());
        assertThat(parquet.exitCode()).isEqualTo(2);
        assertThat(parquet.err()).contains("this command prints table, csv, json or jsonl, not parquet");
    }

    @Test
    void tableAndChart() throws Exception {
        Path png = folder.resolve("backtest.png");
        CliRun result = CliRun.of("backtest", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--model", "naive",
                "--horizon", "30", "--windows", "5", "--chart", png.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(lines(result).get(0)).startsWith("IBM 1m backtest: 5 windows of 30 bars;");
        assertThat(result.out()).contains("naive").contains("mean");
        assertThat(Files.size(png)).isPositive();
    }

    @Test
    void tooManyWindowsSaysHowManyFit() {
        CliRun result = CliRun.of("backtest", "--root", root, "--symbol", "IBM", "--timeframe", "1d", "--model", "naive",
                "--horizon", "2", "--windows", "5");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("marketlake: 5 windows of 2 bars need at least 12 bars (2 of history before the first),"
                + " the series has 11: use 4 windows or a shorter horizon (--windows N, --horizon H)" + System.lineSeparator());
    }

    @Test
    void windowsAndModelAreRequired() {
        CliRun result = CliRun.of("backtest", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--horizon", "30");
        assertThat(result.exitCode()).isEqualTo(2);
    }
}
