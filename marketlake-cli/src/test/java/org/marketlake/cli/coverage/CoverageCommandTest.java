package org.marketlake.cli.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.CliRun;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.store.Lake;
import org.marketlake.core.testing.PlantedGaps;

/** {@code marketlake coverage}: planted gaps with a holiday and an early close, a 24/7 symbol, the demo lake, refusals. */
class CoverageCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path plantedLake() {
        Path root = dir.resolve("lake");
        PlantedGaps.week(root);
        return root;
    }

    @Test
    void aWeekWithGapsAHolidayAndAnEarlyCloseAsCsv() {
        Path root = plantedLake();
        CliRun run = CliRun.of("coverage", "--root", root.toString(), "--symbol", "IBM", "--timeframe", "1m",
                "--start", "2024-07-01", "--end", "2024-07-05", "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "date,expected,present,missing,coverage,gap_start,gap_end,gap_bars,outside,days,missing_days,note",
                "2024-07-01,390,390,0,1,,,,0,1,0,",
                "2024-07-02,390,330,60,0.8462,2024-07-02T15:00:00Z,2024-07-02T15:59:00Z,60,0,1,0,",
                "2024-07-03,210,210,0,1,,,,0,1,0,early close: day before Independence Day",
                "2024-07-05,390,0,390,0,2024-07-05T13:30:00Z,2024-07-05T19:59:00Z,390,0,1,1,",
                "total,1380,930,450,0.6739,2024-07-05T13:30:00Z,2024-07-05T19:59:00Z,390,0,4,1,");
    }

    @Test
    void barsOnAHolidayAreFlaggedAndTheTotalIsTheLastJsonRecord() throws Exception {
        Path root = plantedLake();
        Lake.open(root).write(PlantedGaps.minutes("2024-07-04T14:00:00Z", 5, 9));
        CliRun run = CliRun.of("coverage", "--root", root.toString(), "--symbol", "IBM", "--timeframe", "1m",
                "--start", "2024-07-01", "--end", "2024-07-05", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rows = JSON.readTree(run.out());
        assertThat(rows).hasSize(6);
        JsonNode holiday = rows.get(3);
        assertThat(holiday.get("date").asText()).isEqualTo("2024-07-04");
        assertThat(holiday.get("expected").asLong()).isZero();
        assertThat(holiday.get("outside").asLong()).isEqualTo(5);
        assertThat(holiday.get("days").asInt()).isZero();
        assertThat(holiday.get("coverage").isNull()).isTrue();
        assertThat(holiday.get("note").asText()).isEqualTo("closed: Independence Day");
        JsonNode total = rows.get(5);
        assertThat(total.get("date").asText()).isEqualTo("total");
        assertThat(total.get("days").asInt()).isEqualTo(4);
        assertThat(total.get("expected").asLong()).isEqualTo(1380);
        assertThat(total.get("present").asLong()).isEqualTo(930);
        assertThat(total.get("missing").asLong()).isEqualTo(450);
        assertThat(total.get("missing_days").asInt()).isEqualTo(1);
        assertThat(total.get("note").asText()).isEqualTo("1 closed day with bars");
    }

    @Test
    void withoutDatesTheStoredRangeAsATable() {
        Path root = plantedLake();
        CliRun run = CliRun.of("coverage", "--root", root.toString(), "--symbol", "IBM", "--timeframe", "1m");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("date        expected  present  missing  coverage");
        assertThat(lines).hasSize(1 + 3 + 1 + 1);
        assertThat(lines.get(4).split(" +")).startsWith("total", "990", "930", "60", "0.9394", "2024-07-02T15:00:00Z", "2024-07-02T15:59:00Z", "60");
        assertThat(lines.get(5)).isEqualTo("(4 rows)");
    }

    @Test
    void aTwentyFourSevenSymbolFromSymbolsYamlAndACalendarOverride() throws Exception {
        Path root = dir.resolve("lake");
        Files.createDirectories(root);
        Files.writeString(root.resolve("symbols.yaml"), "symbols:\n  BTCUSD: 24/7\n");
        Lake.open(root).write(Frame.concat(List.of(PlantedGaps.bars(Timeframe.H1, "BTCUSD", "2024-07-06T00:00:00Z", 24, 1),
                PlantedGaps.bars(Timeframe.H1, "BTCUSD", "2024-07-07T00:00:00Z", 20, 2))));
        CliRun run = CliRun.of("coverage", "--root", root.toString(), "--symbol", "BTCUSD", "--timeframe", "1h", "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "date,expected,present,missing,coverage,gap_start,gap_end,gap_bars,outside,days,missing_days,note",
                "2024-07-06,24,24,0,1,,,,0,1,0,",
                "2024-07-07,24,20,4,0.8333,2024-07-07T20:00:00Z,2024-07-07T23:00:00Z,4,0,1,0,",
                "total,48,44,4,0.9167,2024-07-07T20:00:00Z,2024-07-07T23:00:00Z,4,0,2,0,");

        CliRun xnys = CliRun.of("coverage", "--root", root.toString(), "--symbol", "BTCUSD", "--timeframe", "1h",
                "--calendar", "XNYS", "--format", "jsonl");
        assertThat(xnys.exitCode()).as(xnys.err()).isZero();
        List<String> records = xnys.out().lines().toList();
        // On XNYS the first bars (00:00 UTC on the 6th) are Friday evening in New York, after Friday's session: the
        // stored range starts on Saturday, and the weekend's two days are closed days with bars.
        assertThat(records).hasSize(3);
        JsonNode saturday = JSON.readTree(records.get(0));
        assertThat(saturday.get("date").asText()).isEqualTo("2024-07-06");
        assertThat(saturday.get("expected").asLong()).isZero();
        assertThat(saturday.get("outside").asLong()).isEqualTo(24); // 04:00 UTC on the 6th to 03:00 on the 7th: the 6th in New York
        assertThat(saturday.get("note").asText()).isEqualTo("closed: weekend");
        JsonNode total = JSON.readTree(records.get(2));
        assertThat(total.get("days").asInt()).isZero();
        assertThat(total.get("missing_days").asInt()).isZero();
        assertThat(total.get("outside").asLong()).isEqualTo(40);
        assertThat(total.get("note").asText()).isEqualTo("2 closed days with bars");
    }

    @Test
    void theDemoLakesIbmDay() throws Exception {
        Path root = dir.resolve("demo");
        assertThat(CliRun.of("demo", "--root", root.toString()).exitCode()).isZero();
        CliRun run = CliRun.of("coverage", "--root", root.toString(), "--symbol", "IBM", "--timeframe", "1m", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rows = JSON.readTree(run.out());
        assertThat(rows).hasSize(2);
        JsonNode day = rows.get(0);
        assertThat(day.get("date").asText()).isEqualTo("2013-10-07");
        assertThat(day.get("expected").asLong()).isEqualTo(390);
        assertThat(day.get("present").asLong()).isEqualTo(390);
        assertThat(day.get("missing").asLong()).isZero();
        assertThat(day.get("gap_bars").isNull()).isTrue();
        assertThat(day.get("outside").asLong()).isEqualTo(63); // the demo's pre- and after-hours bars
        JsonNode total = rows.get(1);
        assertThat(total.get("date").asText()).isEqualTo("total");
        assertThat(total.get("days").asInt()).isEqualTo(1);
        assertThat(total.get("missing_days").asInt()).isZero();
    }

    @Test
    void theReportGoesToAnOutputFileInTheFormatOfItsExtension() throws Exception {
        Path root = plantedLake();
        Path file = dir.resolve("out/coverage.jsonl");
        CliRun run = CliRun.of("coverage", "--root", root.toString(), "--symbol", "IBM", "--timeframe", "1d",
                "--start", "2024-07-01", "--end", "2024-07-05", "--output", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        List<String> records = Files.readAllLines(file);
        assertThat(records).hasSize(5);
        JsonNode total = JSON.readTree(records.get(4));
        assertThat(total.get("expected").asLong()).isEqualTo(4); // the holiday expects no daily bar
        assertThat(total.get("present").asLong()).isZero();
        assertThat(total.get("missing_days").asInt()).isEqualTo(4);
        assertThat(total.get("gap_start").asText()).isEqualTo("2024-07-01");
        assertThat(total.get("gap_end").asText()).isEqualTo("2024-07-05");

        CliRun inside = CliRun.of("coverage", "--root", root.toString(), "--symbol", "IBM", "--timeframe", "1m",
                "--output", root.resolve("coverage.csv").toString());
        assertThat(inside.exitCode()).isEqualTo(2);
    }

    @Test
    void refusals() {
        Path root = plantedLake();
        CliRun unknown = CliRun.of("coverage", "--root", root.toString(), "--symbol", "IBM", "--timeframe", "1m", "--calendar", "LSE");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--calendar").contains("unknown calendar").contains("XNYS, 24/7, FX");

        CliRun none = CliRun.of("coverage", "--root", root.toString(), "--symbol", "AAPL", "--timeframe", "1m");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("no 1m bars of AAPL").contains("--start DATE");

        CliRun backwards = CliRun.of("coverage", "--root", root.toString(), "--symbol", "IBM", "--timeframe", "1m",
                "--start", "2024-07-05", "--end", "2024-07-01");
        assertThat(backwards.exitCode()).isEqualTo(2);

        CliRun quotes = CliRun.of("coverage", "--root", root.toString(), "--symbol", "IBM", "--timeframe", "quotes");
        assertThat(quotes.exitCode()).isEqualTo(2);

        CliRun noLake = CliRun.of("coverage", "--root", dir.resolve("nowhere").toString(), "--symbol", "IBM", "--timeframe", "1m");
        assertThat(noLake.exitCode()).isEqualTo(2);
    }
}
