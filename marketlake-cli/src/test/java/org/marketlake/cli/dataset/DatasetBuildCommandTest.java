package org.marketlake.cli.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketlake.cli.dataset.DatasetCommandTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.dataset.DatasetCommandTest.Run;

/** Raw data to a Chronos-ready dataset in two commands: ingest into the lake, then {@code dataset build}. */
class DatasetBuildCommandTest {
    @TempDir
    Path dir;

    @Test
    void aLakeMadeByIngestBecomesLoaderFiles() throws Exception {
        Path csv = Path.of(System.getProperty("marketlake.shared"), "data", "btcusd-2016-10-07", "reference-bars-1m.csv");
        Path lake = dir.resolve("lake");
        Path root = Files.createDirectories(dir.resolve("data"));
        Path config = BuildConfig.write(dir.resolve("config.yaml"), root, """
                  build:
                    volatility_window: 30
                """);

        Run ingest = run("ingest", "bars", "--root", lake.toString(), "--timeframe", "1m", "--symbol", "BTCUSD", csv.toString());
        assertThat(ingest.code()).as(ingest.err()).isZero();

        Run build = run("dataset", "build", "--root", lake.toString(), "--config", config.toString(), "--symbol", "BTCUSD",
                "--timeframe", "1m", "--horizon", "15");
        assertThat(build.code()).as(build.err()).isZero();
        assertThat(build.out()).containsPattern("2016/10/BTCUSD_1min_h15_2016_10_[0-9a-f]{16}\\.parquet\trows=1419")
                .contains("built 1 months of BTCUSD 1min h15, hash ");

        Run load = run("dataset", "load", "--config", config.toString(), "--year", "2016", "--symbol", "BTCUSD");
        assertThat(load.code()).as(load.err()).isZero();
        assertThat(load.out()).contains("files: 1 read (1 parquet, 0 json)", "rows: 1419",
                "time range: 2016-10-07T00:00:00Z .. 2016-10-07T23:59:00Z");

        Run train = run("dataset", "train", "--config", config.toString(), "--year", "2016", "--out", dir.resolve("out").toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("train: 1135 rows", "validation: 284 rows");

        Run refused = run("dataset", "build", "--root", lake.toString(), "--config", config.toString(), "--symbol", "BTC-USD",
                "--timeframe", "1m");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("symbol BTC-USD cannot be written so that file_patterns.naming_regex");
    }
}
