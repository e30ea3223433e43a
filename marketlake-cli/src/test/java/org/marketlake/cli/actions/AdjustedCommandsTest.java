package org.marketlake.cli.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.marketlake.cli.CliRun;
import org.marketlake.core.sql.LakeSql;

/**
 * {@code --adjust} on {@code forecast}, {@code backtest}, {@code chronos export} and {@code dataset build}: two sessions of 1m
 * IBM bars around a 4-for-1 split ex 2024-06-06, near 400 before and near 100 from the ex-date. Back-adjusted by the split,
 * the bars before the ex-date are a quarter of raw and the series has no 75% drop.
 */
class AdjustedCommandsTest {
    @TempDir
    Path dir;
    String root;

    @BeforeEach
    void lake() throws Exception {
        root = dir.resolve("lake").toString();
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (String day : new String[] {"2024-06-05", "2024-06-06"}) {
            double base = day.equals("2024-06-05") ? 400 : 101;
            Instant open = Instant.parse(day + "T13:30:00Z");
            for (int i = 0; i < 390; i++) {
                double price = base + (i % 4) * base / 400;
                csv.append(open.plus(i, ChronoUnit.MINUTES)).append(',').append(price).append(',').append(price).append(',')
                        .append(price).append(',').append(price).append(",100\n");
            }
        }
        Path bars = Files.writeString(dir.resolve("ibm.csv"), csv);
        CliRun ingest = CliRun.of("ingest", "bars", "--root", root, "--timeframe", "1m", "--symbol", "IBM", bars.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        Path actions = Files.writeString(dir.resolve("actions.csv"), "ex_date,type,ratio\n2024-06-06,split,4\n");
        CliRun split = CliRun.of("ingest", "actions", "--root", root, "--symbol", "IBM", actions.toString());
        assertThat(split.exitCode()).as(split.err()).isZero();
    }

    private CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    /** The last close is 101.2525 either way; drift extrapolates the line from the first close, 400 raw and 100 adjusted. */
    @Test
    void forecastOverAdjustedBarsHasNoDrop() throws Exception {
        double last = 101 + 101 / 400.0;
        double[] first = {400, 100};
        String[] how = {"raw", "split"};
        for (int k = 0; k < 2; k++) {
            CliRun run = ok("forecast", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--model", "drift", "--horizon", "3",
                    "--context-length", "780", "--format", "json", "--adjust", how[k]);
            JsonNode rows = new ObjectMapper().readTree(run.out());
            double slope = (last - first[k]) / 779;
            assertThat(rows).hasSize(3);
            for (int h = 1; h <= 3; h++) {
                JsonNode row = rows.get(h - 1);
                assertThat(row.get("timestamp").asText()).isEqualTo("2024-06-07T13:" + (29 + h) + ":00Z");
                assertThat(row.get("mean").asDouble()).as("%s step %d", how[k], h).isCloseTo(last + h * slope, within(1e-6));
            }
        }
        // Raw, the split reads as a crash the forecast carries on (-0.38 a minute); adjusted, the line is nearly flat.
        assertThat((last - 400) / 779).isLessThan(-0.38);
        assertThat((last - 100) / 779).isBetween(0.0, 0.002);
    }

    /** Raw, drift scores far worse than naive since it carries the 75% drop on; adjusted, the two score alike. */
    @Test
    void backtestOverAdjustedBarsHasNoDrop() throws Exception {
        double[] driftOverNaive = new double[2];
        String[] how = {"raw", "split"};
        for (int k = 0; k < 2; k++) {
            CliRun run = ok("backtest", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--model", "naive,drift", "--horizon", "30",
                    "--windows", "2", "--format", "json", "--adjust", how[k]);
            JsonNode models = new ObjectMapper().readTree(run.out()).get("models");
            double naive = 0;
            double drift = 0;
            for (JsonNode model : models) {
                if (model.get("model").asText().equals("naive")) {
                    naive = model.get("wql").asDouble();
                } else if (model.get("model").asText().equals("drift")) {
                    drift = model.get("wql").asDouble();
                }
            }
            assertThat(naive).as(how[k]).isPositive();
            driftOverNaive[k] = drift / naive;
        }
        assertThat(driftOverNaive[0]).as("raw drift / naive").isGreaterThan(5);
        assertThat(driftOverNaive[1]).as("split drift / naive").isBetween(0.9, 1.1);
    }

    /** The session before the ex-date is a quarter of raw; the one from it is as stored. */
    @Test
    void chronosExportIsAdjusted() throws Exception {
        Path raw = dir.resolve("raw.parquet");
        Path split = dir.resolve("split.parquet");
        for (Path out : List.of(raw, split)) {
            String how = out == raw ? "raw" : "split";
            CliRun run = ok("chronos", "export", "--root", root, "--symbol", "IBM", "--timeframe", "1m", "--column", "close",
                    "--split-gaps", "--out", out.toString(), "--adjust", how);
            assertThat(run.out()).startsWith("wrote 2 series (780 values, 780 observed) to " + out);
        }
        try (LakeSql sql = LakeSql.inMemory()) {
            String each = "SELECT start::VARCHAR AS start, target FROM read_parquet('%s')";
            List<Object[]> rows = sql.query("SELECT r.start, len(r.target), list_sum(r.target), list_sum(s.target), "
                    + "len(list_filter(list_zip(r.target, s.target), lambda p: p[1] / 4 <> p[2])), "
                    + "len(list_filter(list_zip(r.target, s.target), lambda p: p[1] <> p[2])) "
                    + "FROM (" + each.formatted(raw) + ") r JOIN (" + each.formatted(split) + ") s USING (start) ORDER BY r.start").rows();
            assertThat(rows).extracting(java.util.Arrays::toString).containsExactly(
                    "[2024-06-05 13:30:00, 390, 156583.0, 39145.75, 0, 390]",
                    "[2024-06-06 13:30:00, 390, 39537.207443237305, 39537.207443237305, 390, 0]");
        }
    }

    /** Built files of split-adjusted bars: before the ex-date a quarter of the raw prices, from it the same; another hash. */
    @Test
    void datasetBuildIsAdjusted() throws Exception {
        Map<String, Path> built = new java.util.LinkedHashMap<>();
        for (String how : new String[] {"raw", "split"}) {
            Path data = Files.createDirectories(dir.resolve("data-" + how));
            Path config = org.marketlake.cli.dataset.BuildConfig.write(dir.resolve(how + ".yaml"), data, "");
            CliRun run = ok("dataset", "build", "--root", root, "--config", config.toString(), "--symbol", "IBM", "--timeframe", "1m",
                    "--horizon", "15", "--adjust", how);
            assertThat(run.out()).contains("rows=780");
            try (var files = Files.walk(data)) {
                built.put(how, files.filter(file -> file.toString().endsWith(".parquet")).findFirst().orElseThrow());
            }
        }
        assertThat(built.get("raw").getFileName()).isNotEqualTo(built.get("split").getFileName());
        try (LakeSql sql = LakeSql.inMemory()) {
            List<Object[]> rows = sql.query("SELECT r.ds < '2024-06-06', count(*), "
                    + "count(*) FILTER (WHERE r.close / 4 = s.close AND r.target / 4 = s.target AND r.target_open / 4 = s.target_open AND r.target_low / 4 = s.target_low), "
                    + "count(*) FILTER (WHERE r.close = s.close AND r.target = s.target AND r.target_open = s.target_open) "
                    + "FROM read_parquet('" + built.get("raw") + "') r JOIN read_parquet('" + built.get("split") + "') s USING (ds) "
                    + "GROUP BY ALL ORDER BY 1").rows();
            assertThat(rows).extracting(java.util.Arrays::toString).containsExactly("[false, 390, 0, 390]", "[true, 390, 390, 0]");
        }
    }
}
