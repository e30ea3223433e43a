package org.marketlake.cli.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketlake.cli.dataset.DatasetCommandTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.dataset.DatasetCommandTest.Run;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.loader.dataset.SampleMonths;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

class DatasetPart2CommandTest {
    @TempDir
    Path dir;
    Path root;
    Path config;

    private void month(int year, int month, Table table) {
        SampleMonths.write(table, SampleMonths.pathOf(root, "EURUSD", "1min", 15, year, month, "769b531dbb2ff3cb", "parquet"));
    }

    @BeforeEach
    void data() throws Exception {
        root = Files.createDirectories(dir.resolve("data"));
        month(2013, 12, SampleMonths.month(2013, 12, 300, 1));
        Table january = SampleMonths.month(2014, 1, 400, 2);
        double[] close = january.doubles("target_close").clone();
        close[10] = Double.NaN;
        close[11] = Double.NaN;
        close[200] = 99.0;
        month(2014, 1, january.with(new TableColumn.Doubles("target_close", close)));
        month(2014, 2, SampleMonths.month(2014, 2, 100, 3));
        config = Files.writeString(dir.resolve("config.yaml"), SampleMonths.designConfig(root)
                .replace("    chunk_size: 10000", "    chunk_size: 10000\n    validation_split: 0.25"));
    }

    private static long count(Path parquet) {
        try (LakeSql sql = LakeSql.inMemory()) {
            return (Long) sql.query("SELECT count(*) FROM read_parquet('" + parquet + "')").rows().get(0)[0];
        }
    }

    @Test
    void trainWritesATestPartAfterValidationWithTheGapsLeftOut() throws Exception {
        Path split = Files.writeString(dir.resolve("split.yaml"), Files.readString(config)
                .replace("    validation_split: 0.25", "    validation_split: 0.25\n    test_split: 0.1\n    split_gap: 2"));
        Path out = dir.resolve("split-out");

        Run train = run("dataset", "train", "--config", split.toString(), "--year-range", "2013:2014", "--out", out.toString());

        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("train: 516 rows", "validation: 200 rows", "test: 80 rows",
                "gap: 2 rows left out before validation and before test", "written: ");
        assertThat(count(out.resolve("train.parquet"))).isEqualTo(516);
        assertThat(count(out.resolve("validation.parquet"))).isEqualTo(200);
        assertThat(count(out.resolve("test.parquet"))).isEqualTo(80);
    }

    @Test
    void trainWarnsOnStderrThatInterpolationLooksAhead() throws Exception {
        Path interpolating = Files.writeString(dir.resolve("interpolate.yaml"), Files.readString(config)
                .replace("null_handling: \"forward_fill\"", "null_handling: \"interpolate\""));

        Run train = run("dataset", "train", "--config", interpolating.toString(), "--year-range", "2013:2014");
        Run forward = run("dataset", "train", "--config", config.toString(), "--year-range", "2013:2014");

        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.err().lines()).containsExactly("warning: null_handling interpolate looks ahead: a null is filled from the"
                + " next value after it, which a model would not have at that time (forward_fill does not look ahead)");
        assertThat(forward.code()).as(forward.err()).isZero();
        assertThat(forward.err()).isEmpty();
    }

    @Test
    void qualityReportsIssuesWithExitZeroUnlessAsked() {
        Run report = run("dataset", "quality", "--config", config.toString(), "--year", "2014", "--month", "1");
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).contains("rows: 400", "valid: no", "issue: target_close: 2 missing values (0.50%)",
                "issue: target_close: 1 outliers (iqr");

        Run json = run("dataset", "quality", "--config", config.toString(), "--year", "2014", "--month", "1", "--format", "json");
        assertThat(json.out()).contains("\"valid\" : false", "\"target_close\" : {", "\"issues\" : [");

        Run line = run("dataset", "quality", "--config", config.toString(), "--year", "2014", "--month", "1", "--format", "jsonl");
        assertThat(line.out().strip()).doesNotContain("\n").startsWith("{\"valid\":false,\"rows\":400,");
        Run csv = run("dataset", "quality", "--config", config.toString(), "--year", "2014", "--month", "1", "--format", "csv");
        assertThat(csv.out()).startsWith("metric,value\nvalid,false\nrows,400\n").contains("\nmissing_values.target_close.count,2\n");

        Run root = run("dataset", "quality", "--config", config.toString(), "--year", "2014", "--root", dir.toString());
        assertThat(root.code()).isEqualTo(2);
        assertThat(root.err()).contains("marketlake dataset quality does not read the lake, so --root does not apply",
                "data_paths.root_dir of --config");

        Run strict = run("dataset", "quality", "--config", config.toString(), "--year", "2014", "--month", "1", "--fail-on-quality");
        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.err()).contains("data quality issues", "target_close: 2 missing values");

        Run clean = run("dataset", "quality", "--config", config.toString(), "--year", "2014", "--month", "2", "--fail-on-quality");
        assertThat(clean.code()).as(clean.out()).isZero();
        assertThat(clean.out()).contains("valid: yes");
    }

    @Test
    void featuresTrainContextAndIncrementalWriteTheirFiles() throws Exception {
        Path out = dir.resolve("out");
        Run features = run("dataset", "features", "--config", config.toString(), "--year", "2014", "--out", out.toString());
        assertThat(features.code()).as(features.err()).isZero();
        assertThat(features.out()).contains("rows: 500", "cache: miss", "nulls target_close: 2 missing, 2 filled",
                "target_close_lag1", "target_close_roll_std60", "gold_xauusd_spread", "yield_curve_10Y_2Y", "parkinson_volatility30");
        Run again = run("dataset", "features", "--config", config.toString(), "--year", "2014");
        assertThat(again.out()).contains("cache: hit");

        Run train = run("dataset", "train", "--config", config.toString(), "--year-range", "2013:2014", "--out", out.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("train: 600 rows", "validation: 200 rows");
        assertThat(count(out.resolve("train.parquet"))).isEqualTo(600);
        assertThat(count(out.resolve("validation.parquet"))).isEqualTo(200);
        assertThat(Files.readString(out.resolve("scaling.json"))).contains("\"gold_xauusd_bid\"", "\"center\"");

        Run context = run("dataset", "context", "--config", config.toString(), "--symbol", "EURUSD",
                "--at", "2014-01-01T00:10:00Z", "--context-length", "50", "--out", out.toString());
        assertThat(context.code()).as(context.err()).isZero();
        assertThat(context.out()).contains("context: 50 rows up to 2014-01-01T00:10:00Z from 2 files");
        assertThat(count(out.resolve("context.parquet"))).isEqualTo(50);

        Run fallback = run("dataset", "context", "--config", config.toString(), "--symbol", "EURUSD",
                "--at", "2014-03-10T10:00:00Z", "--context-length", "50");
        assertThat(fallback.code()).as(fallback.err()).isZero();
        assertThat(fallback.out()).contains("no file for 2014-03: fell back to the previous month, 2014-02",
                "context: 50 rows up to 2014-03-10T10:00:00Z from ");

        Run incomplete = run("dataset", "context", "--config", config.toString(), "--symbol", "EURUSD",
                "--at", "2014-01-01T00:10:00Z", "--context-length", "5000");
        assertThat(incomplete.code()).isEqualTo(1);
        assertThat(incomplete.err()).contains("5000 rows needed up to 2014-01-01T00:10:00Z, the data has 311 (2013-12-02T00:00:00Z .. ",
                "; ask for at most 311 rows of context length, or allow a short context to take the 311 there are"
                        + " (--context-length N, --allow-short)");
        Run short_ = run("dataset", "context", "--config", config.toString(), "--symbol", "EURUSD",
                "--at", "2014-01-01T00:10:00Z", "--context-length", "5000", "--allow-short", "--out", out.resolve("short").toString());
        assertThat(short_.code()).as(short_.err()).isZero();
        assertThat(short_.out()).contains("context: 311 rows up to 2014-01-01T00:10:00Z from 2 files",
                "short context: 311 rows of the 5000 asked for (--allow-short)");
        assertThat(count(out.resolve("short/context.parquet"))).isEqualTo(311);

        Run incremental = run("dataset", "incremental", "--config", config.toString(), "--symbol", "EURUSD",
                "--after", "2014-01-01T06:00:00Z", "--out", out.toString());
        assertThat(incremental.code()).as(incremental.err()).isZero();
        assertThat(incremental.out()).contains("new rows: 139 after 2014-01-01T06:00:00Z from 2 files");
        assertThat(count(out.resolve("incremental.parquet"))).isEqualTo(139);
    }

    @Test
    void incrementalWithoutAfterContinuesFromTheLastProcessedTimestamp() {
        assertThat(run("dataset", "load", "--config", config.toString(), "--year-range", "2013:2014").code()).isZero();

        Run nothingNew = run("dataset", "incremental", "--config", config.toString(), "--symbol", "EURUSD");
        assertThat(nothingNew.code()).isEqualTo(1);
        assertThat(nothingNew.err()).contains("No new data found since 2014-02-03T01:39:00Z");

        month(2014, 3, SampleMonths.month(2014, 3, 25, 4));
        Run next = run("dataset", "incremental", "--config", config.toString(), "--symbol", "EURUSD");
        assertThat(next.code()).as(next.err()).isZero();
        assertThat(next.out()).contains("new rows: 25 after 2014-02-03T01:39:00Z from 1 files (1 skipped: processed, nothing later)");

        Run unrecorded = run("dataset", "incremental", "--config", config.toString(), "--symbol", "EURUSD", "--hash", "abc");
        assertThat(unrecorded.code()).isEqualTo(2);
        assertThat(unrecorded.err()).contains("give --after TIME, --existing FILE, or --year/--month");
    }
}
