package org.marketlake.cli.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlake.cli.CliRun;

/** forecast and backtest with --model pointing at the shared tiny Chronos-Bolt checkpoint. */
class ChronosCommandsTest extends DemoLakeTest {
    static final String CHECKPOINT = Path.of(System.getProperty("marketlake.shared", "../../shared"))
            .resolve("chronos/dummy-chronos-bolt-model").toString();

    @Test
    void forecastWithTheCheckpoint() {
        CliRun result = CliRun.of("forecast", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--horizon", "30",
                "--model", CHECKPOINT, "--format", "csv");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = lines(result);
        assertThat(lines).hasSize(31);
        assertThat(lines.get(1)).startsWith("2013-10-08T08:00:00Z,1,");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            for (int q = 3; q <= 10; q++) {
                assertThat(Double.parseDouble(cells[q])).as(line).isGreaterThanOrEqualTo(Double.parseDouble(cells[q - 1]));
            }
        }
    }

    @Test
    void backtestWithTheCheckpointBesideTheBaselines() {
        CliRun result = CliRun.of("backtest", "--root", root, "--symbol", "BTCUSD", "--timeframe", "1m", "--model", CHECKPOINT + ",naive",
                "--horizon", "30", "--windows", "3", "--format", "csv");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = lines(result);
        assertThat(lines).hasSize(1 + 3 * 4);
        assertThat(lines.get(5)).startsWith("chronos-bolt,1,");
        assertThat(lines.get(8)).startsWith("chronos-bolt,mean,,,,");
        assertThat(lines.get(12)).startsWith("naive,mean,,,,");
    }
}
