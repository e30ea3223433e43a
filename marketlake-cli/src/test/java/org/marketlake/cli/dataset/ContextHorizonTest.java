package org.marketlake.cli.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.CliRun;

/**
 * {@code dataset context --horizon H}: the H bar starts after the last context row, stepped through the open time of the
 * symbol's calendar (XNYS), over a weekend and over Independence Day 2024 (an early close on 07-03, closed 07-04).
 */
class ContextHorizonTest {
    @TempDir
    Path dir;

    private CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        return run;
    }

    /** A lake of IBM bars made by ingest, built into loader files of horizon 3; the config's path. */
    private Path built(String timeframe, String csv) throws Exception {
        String lake = dir.resolve("lake").toString();
        Path bars = Files.writeString(dir.resolve("bars.csv"), csv);
        ok("ingest", "bars", "--root", lake, "--timeframe", timeframe, "--symbol", "IBM", bars.toString());
        Path data = Files.createDirectories(dir.resolve("data"));
        Path config = BuildConfig.write(dir.resolve("config.yaml"), data, "");
        ok("dataset", "build", "--root", lake, "--config", config.toString(), "--symbol", "IBM", "--timeframe", timeframe, "--horizon", "3");
        return config;
    }

    private String horizon(Path config, String at, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("dataset", "context", "--config", config.toString(),
                "--symbol", "IBM", "--horizon", "3", "--context-length", "5", "--at", at));
        args.addAll(java.util.List.of(more));
        String out = ok(args.toArray(String[]::new)).out();
        return out.substring(out.indexOf("horizon: "));
    }

    @Test
    void minuteBarsStepOverTheWeekendAndTheHoliday() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (String day : new String[] {"2024-07-01", "2024-07-02", "2024-07-03", "2024-07-05"}) {
            Instant open = Instant.parse(day + "T13:30:00Z");
            int bars = day.equals("2024-07-03") ? 210 : 390;
            for (int i = 0; i < bars; i++) {
                double price = 100 + i % 7;
                csv.append(open.plus(i, ChronoUnit.MINUTES)).append(',').append(price).append(',').append(price + 1).append(',')
                        .append(price - 1).append(',').append(price).append(",100\n");
            }
        }
        Path config = built("1m", csv.toString());
        assertThat(horizon(config, "2024-07-03T16:59:00Z")).isEqualTo("""
                horizon: 3 steps (XNYS trading days, 13:30-20:00 UTC):
                  2024-07-05T13:30:00Z
                  2024-07-05T13:31:00Z
                  2024-07-05T13:32:00Z
                """);
        assertThat(horizon(config, "2024-07-05T19:59:00Z")).isEqualTo("""
                horizon: 3 steps (XNYS trading days, 13:30-20:00 UTC):
                  2024-07-08T13:30:00Z
                  2024-07-08T13:31:00Z
                  2024-07-08T13:32:00Z
                """);
        // Without the early close rule the next step would be 2024-07-03T17:00; on a 24/7 calendar Saturday trades, in the hours the bars show.
        assertThat(horizon(config, "2024-07-05T19:59:00Z", "--calendar", "24/7")).startsWith("""
                horizon: 3 steps (24/7 trading days, 13:30-20:00 UTC):
                  2024-07-06T13:30:00Z
                """);
    }

    @Test
    void dailyBarsStepOverTheWeekendAndTheHoliday() throws Exception {
        StringBuilder csv = new StringBuilder("date,open,high,low,close,volume\n");
        for (LocalDate day = LocalDate.parse("2024-06-17"); !day.isAfter(LocalDate.parse("2024-07-05")); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5 && !day.toString().equals("2024-06-19") && !day.toString().equals("2024-07-04")) {
                double price = 100 + day.getDayOfMonth() % 5;
                csv.append(day).append(',').append(price).append(',').append(price + 1).append(',').append(price - 1).append(',')
                        .append(price).append(",1000\n");
            }
        }
        Path config = built("1d", csv.toString());
        assertThat(horizon(config, "2024-06-28T23:59:00Z")).isEqualTo("""
                horizon: 3 steps (XNYS trading days):
                  2024-07-01T00:00:00Z
                  2024-07-02T00:00:00Z
                  2024-07-03T00:00:00Z
                """);
        assertThat(horizon(config, "2024-07-03T23:59:00Z")).isEqualTo("""
                horizon: 3 steps (XNYS trading days):
                  2024-07-05T00:00:00Z
                  2024-07-08T00:00:00Z
                  2024-07-09T00:00:00Z
                """);
    }
}
