package org.marketlake.cli.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.marketlake.cli.CliRun;

class ForecastCommandTest extends DemoLakeTest {
    @Test
    void worksOnTheDemoDataWithNoOtherFlags() {
        CliRun result = CliRun.of("forecast", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--horizon", "30");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = lines(result);
        assertThat(lines.get(0)).startsWith("IBM 1m seasonal-naive, season 390: 30 steps after 2013-10-07T23:26:00Z");
        assertThat(lines.get(1)).startsWith("timestamp             step      q0.1");
        assertThat(lines).hasSize(32);
        assertThat(lines.get(2)).startsWith("2013-10-08T08:00:00Z     1");
        assertThat(lines.get(31)).startsWith("2013-10-08T08:29:00Z    30");
    }

    @Test
    void csvRowsHaveOrderedQuantilesAndNoStepsAtNight() {
        CliRun result = CliRun.of("forecast", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--horizon", "600", "--format", "csv");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = lines(result);
        assertThat(lines.get(0)).isEqualTo("timestamp,step,q0.1,q0.2,q0.3,q0.4,q0.5,q0.6,q0.7,q0.8,q0.9,mean");
        assertThat(lines).hasSize(601);
        Instant previous = Instant.MIN;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Instant step = Instant.parse(cells[0]);
            assertThat(step).isAfter(previous);
            previous = step;
            // IBM trades 04:00-20:00 New York (08:00-00:00 UTC in October): nothing between midnight and 08:00 UTC.
            assertThat(step.atZone(ZoneOffset.UTC).getHour()).as(line).isGreaterThanOrEqualTo(8);
            for (int q = 3; q <= 10; q++) {
                assertThat(Double.parseDouble(cells[q])).as(line).isGreaterThanOrEqualTo(Double.parseDouble(cells[q - 1]));
            }
        }
        // 600 minutes from 08:00 run past 17:59 on Tuesday 2013-10-08.
        assertThat(lines.get(600)).startsWith("2013-10-08T17:59:00Z,600,");
    }

    @Test
    void jsonLinesAndAChart() throws Exception {
        Path png = folder.resolve("ibm.png");
        CliRun result = CliRun.of("forecast", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--horizon", "30", "--format", "jsonl",
                "--chart", png.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = lines(result);
        assertThat(lines).hasSize(30);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("timestamp").asText()).isEqualTo("2013-10-08T08:00:00Z");
        assertThat(first.get("step").asInt()).isEqualTo(1);
        assertThat(first.get("q0.1").asDouble()).isLessThanOrEqualTo(first.get("q0.5").asDouble());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(result.err()).contains("chart: " + png);
    }

    @Test
    void dailyStepsSkipEquityWeekendsButNotCryptoOnes() {
        CliRun ibm = CliRun.of("forecast", "--root", root, "--symbol", "IBM", "--timeframe", "1d", "--horizon", "2", "--format", "csv");
        assertThat(ibm.exitCode()).as(ibm.err()).isZero();
        assertThat(lines(ibm).get(1)).startsWith("2013-10-21T00:00:00Z,1,");
        assertThat(lines(ibm).get(2)).startsWith("2013-10-22T00:00:00Z,2,");
        CliRun btc = CliRun.of("forecast", "--root", root, "--symbol", "BTCUSD", "--timeframe", "1d", "--horizon", "2", "--format", "csv", "--model", "drift");
        assertThat(btc.exitCode()).as(btc.err()).isZero();
        assertThat(lines(btc).get(1)).startsWith("2016-10-10T00:00:00Z,1,");
        assertThat(lines(btc).get(2)).startsWith("2016-10-11T00:00:00Z,2,");
    }

    @Test
    void atForecastsFromAMomentInThePast() {
        CliRun result = CliRun.of("forecast", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--horizon", "2", "--format", "csv",
                "--model", "naive", "--at", "2013-10-07T15:00:00Z");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(lines(result).get(1)).startsWith("2013-10-07T15:00:00Z,1,");
        assertThat(lines(result).get(2)).startsWith("2013-10-07T15:01:00Z,2,");
    }

    @Test
    void mistakesExitWithOneLineThatSaysWhatToDo() {
        CliRun unknown = CliRun.of("forecast", "--root", root, "--symbol", "AAPL", "--timeframe", "1m", "--horizon", "5");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("marketlake: no 1m bars of AAPL in the lake [root=" + root + "]");

        CliRun noHorizon = CliRun.of("forecast", "--root", root, "--symbol", "IBM", "--timeframe", "1m");
        assertThat(noHorizon.exitCode()).isEqualTo(2);
        assertThat(noHorizon.err()).contains("--horizon");

        CliRun quotes = CliRun.of("forecast", "--root", root, "--symbol", "IBM", "--timeframe", "quotes", "--horizon", "5");
        assertThat(quotes.exitCode()).isEqualTo(2);
        assertThat(quotes.err()).contains("forecasts read bars [value=quotes]");

        CliRun model = CliRun.of("forecast", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--horizon", "5", "--model", "no/such/dir");
        assertThat(model.exitCode()).isEqualTo(2);
        assertThat(model.err()).contains("unknown model [value=no/such/dir]");

        CliRun format = CliRun.of("forecast", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--horizon", "5", "--format", "xml");
        assertThat(format.exitCode()).isEqualTo(2);

        CliRun context = CliRun.of("forecast", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--horizon", "5", "--context-length", "0");
        assertThat(context.exitCode()).isEqualTo(2);
        assertThat(context.err()).isEqualTo("marketlake: --context-length must be at least 1 [value=0]" + System.lineSeparator());

        CliRun at = CliRun.of("forecast", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--horizon", "5", "--at", "yesterday");
        assertThat(at.exitCode()).isEqualTo(2);
        assertThat(at.err()).contains("Invalid value for option '--at': not an ISO-8601 timestamp: yesterday (use 2024-01-02, 2024-01-02T14:30:00Z");
    }

    @Test
    void helpNamesEveryOptionOfTheContract() {
        for (String command : new String[] {"forecast", "backtest"}) {
            CliRun help = CliRun.of(command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.err()).isEmpty();
            assertThat(help.out()).contains("--symbol", "--timeframe", "--model", "--horizon", "--format", "--chart", "--context-length");
        }
        assertThat(CliRun.of("forecast", "--help").out()).contains("--at", "10-90% band");
        assertThat(CliRun.of("backtest", "--help").out()).contains("--windows");
    }

    @Test
    void jsonIsOneDocumentOfTheStepRecords() throws Exception {
        CliRun result = CliRun.of("forecast", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--model", "naive",
                "--horizon", "3", "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.out());
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(3);
        assertThat(json.get(0).get("symbol").asText()).isEqualTo("IBM");
        assertThat(json.get(0).get("model").asText()).isEqualTo("naive");
        assertThat(json.get(2).get("step").asInt()).isEqualTo(3);
        assertThat(json.get(2).get("q0.5").isNumber()).isTrue();
    }
}
