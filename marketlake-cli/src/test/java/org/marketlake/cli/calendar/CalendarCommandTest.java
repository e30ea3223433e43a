package org.marketlake.cli.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.CliRun;

/** {@code marketlake calendar}: the sessions of a year or a range, one date, the formats, and the refusals. */
class CalendarCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aYearPrintsOneCsvRowPerSession() {
        CliRun run = CliRun.of("calendar", "--calendar", "XNYS", "--year", "2024", "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("date,open_utc,close_utc,open_local,close_local,early_close,note");
        assertThat(lines).hasSize(1 + 252);
        assertThat(lines.get(1)).isEqualTo("2024-01-02,2024-01-02T14:30:00Z,2024-01-02T21:00:00Z,2024-01-02T09:30:00-05:00,2024-01-02T16:00:00-05:00,false,");
        assertThat(lines).contains(
                "2024-11-29,2024-11-29T14:30:00Z,2024-11-29T18:00:00Z,2024-11-29T09:30:00-05:00,2024-11-29T13:00:00-05:00,true,day after Thanksgiving",
                "2024-07-01,2024-07-01T13:30:00Z,2024-07-01T20:00:00Z,2024-07-01T09:30:00-04:00,2024-07-01T16:00:00-04:00,false,");
        assertThat(lines).noneMatch(line -> line.startsWith("2024-12-25"));
    }

    @Test
    void theDefaultIsXnysAsATable() {
        CliRun run = CliRun.of("calendar", "--year", "2024");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("date        open_utc              close_utc             open_local                 close_local                early_close  note")
                .contains("2024-12-24  2024-12-24T14:30:00Z  2024-12-24T18:00:00Z  2024-12-24T09:30:00-05:00  2024-12-24T13:00:00-05:00  true         Christmas Eve")
                .endsWith("(252 rows)\n");
    }

    @Test
    void anEarlyCloseDateSaysItsHours() throws Exception {
        CliRun run = CliRun.of("calendar", "--date", "2024-11-29", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode row = JSON.readTree(run.out()).get(0);
        assertThat(row.get("date").asText()).isEqualTo("2024-11-29");
        assertThat(row.get("trades").asBoolean()).isTrue();
        assertThat(row.get("close_utc").asText()).isEqualTo("2024-11-29T18:00:00Z");
        assertThat(row.get("close_local").asText()).isEqualTo("2024-11-29T13:00:00-05:00");
        assertThat(row.get("early_close").asBoolean()).isTrue();
        assertThat(row.get("note").asText()).isEqualTo("day after Thanksgiving");
    }

    @Test
    void aHolidaySaysClosedAndWhyAndExitsZero() throws Exception {
        CliRun run = CliRun.of("calendar", "--date", "2024-12-25", "--format", "jsonl");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode row = JSON.readTree(run.out().strip());
        assertThat(row.get("trades").asBoolean()).isFalse();
        assertThat(row.get("open_utc").isNull()).isTrue();
        assertThat(row.get("note").asText()).isEqualTo("Christmas");

        CliRun weekend = CliRun.of("calendar", "--date", "2024-12-28");
        assertThat(weekend.out()).contains("2024-12-28  false").contains("weekend");
    }

    @Test
    void aRangeAndTheOtherCalendars() throws Exception {
        CliRun fx = CliRun.of("calendar", "--calendar", "FX", "--start", "2024-01-05", "--end", "2024-01-08", "--format", "json");
        assertThat(fx.exitCode()).as(fx.err()).isZero();
        JsonNode sessions = JSON.readTree(fx.out());
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(1).get("date").asText()).isEqualTo("2024-01-08");
        assertThat(sessions.get(1).get("open_utc").asText()).isEqualTo("2024-01-07T22:00:00Z");
        assertThat(sessions.get(1).get("open_local").asText()).isEqualTo("2024-01-07T17:00:00-05:00");

        CliRun crypto = CliRun.of("calendar", "--calendar", "24/7", "--year", "2024", "--format", "jsonl");
        assertThat(crypto.out().lines()).hasSize(366);
    }

    @Test
    void outputGoesToAFileInTheFormatOfItsExtension() throws Exception {
        Path file = dir.resolve("out/xnys-2024.csv");
        CliRun run = CliRun.of("calendar", "--year", "2024", "--output", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readAllLines(file)).hasSize(253).first().asString().startsWith("date,open_utc");
    }

    @Test
    void exactlyOneOfYearDateOrRange() {
        CliRun none = CliRun.of("calendar");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--year").contains("--date");
        CliRun both = CliRun.of("calendar", "--year", "2024", "--date", "2024-01-02");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        CliRun half = CliRun.of("calendar", "--start", "2024-01-02");
        assertThat(half.exitCode()).isEqualTo(2);
        assertThat(half.err()).contains("--end");
    }

    @Test
    void badValuesAreUsageErrors() {
        CliRun unknown = CliRun.of("calendar", "--calendar", "LSE", "--year", "2024");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("marketlake: unknown calendar [value=LSE]: use one of XNYS, 24/7, FX (--calendar NAME)\n");
        CliRun early = CliRun.of("calendar", "--year", "1985");
        assertThat(early.exitCode()).isEqualTo(2);
        assertThat(early.err()).contains("XNYS calendar covers 1990-01-01 to 2035-12-31 [year=1985]");
        CliRun date = CliRun.of("calendar", "--date", "2036-01-02");
        assertThat(date.exitCode()).isEqualTo(2);
        assertThat(date.err()).contains("[date=2036-01-02]");
        CliRun badDate = CliRun.of("calendar", "--date", "2024-02-30");
        assertThat(badDate.exitCode()).isEqualTo(2);
        CliRun backwards = CliRun.of("calendar", "--start", "2024-02-01", "--end", "2024-01-01");
        assertThat(backwards.exitCode()).isEqualTo(2);
        assertThat(backwards.err()).contains("--end 2024-01-01 is before --start 2024-02-01");
        CliRun parquet = CliRun.of("calendar", "--year", "2024", "--output", dir.resolve("x.parquet").toString());
        assertThat(parquet.exitCode()).isEqualTo(2);
    }

    @Test
    void itReadsNoLakeAndRefusesRoot() {
        CliRun run = CliRun.of("calendar", "--year", "2024", "--root", dir.resolve("missing").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("calendar does not read the lake, so --root does not apply");
        CliRun quiet = CliRun.of("calendar", "--date", "2024-01-02", "--quiet");
        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
    }
}
