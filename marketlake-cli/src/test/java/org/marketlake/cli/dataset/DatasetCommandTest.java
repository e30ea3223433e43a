package org.marketlake.cli.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.Main;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.loader.dataset.SampleMonths;

class DatasetCommandTest {
    @TempDir
    Path dir;
    Path root;
    Path config;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path month(int year, int month, int rows, String extension) {
        return SampleMonths.write(SampleMonths.month(year, month, rows, year * 100L + month),
                SampleMonths.pathOf(root, "EURUSD", "1min", 15, year, month, "769b531dbb2ff3cb", extension));
    }

    @BeforeEach
    void data() throws Exception {
        root = Files.createDirectories(dir.resolve("data"));
        month(2014, 1, 100, "parquet");
        month(2014, 2, 60, "json");
        month(2014, 3, 40, "parquet");
        month(2014, 3, 40, "json");
        config = Files.writeString(dir.resolve("config.yaml"), SampleMonths.designConfig(root));
    }

    @Test
    void discoverPrintsOneLinePerFileWithItsFields() {
        Run run = run("dataset", "discover", "--config", config.toString(), "--year-range", "2013:2015", "--month-range", "1:2");

        assertThat(run.code()).isZero();
        assertThat(run.out().lines()).containsExactly(
                root.resolve("2014/01/EURUSD_1min_h15_2014_01_769b531dbb2ff3cb.parquet")
                        + "\tsymbol=EURUSD timeframe=1min horizon=15 year=2014 month=01 hash=769b531dbb2ff3cb format=parquet",
                root.resolve("2014/02/EURUSD_1min_h15_2014_02_769b531dbb2ff3cb.json")
                        + "\tsymbol=EURUSD timeframe=1min horizon=15 year=2014 month=02 hash=769b531dbb2ff3cb format=json");
    }

    @Test
    void loadPrintsASummaryAndWritesParquet() {
        Path out = dir.resolve("out");
        Run run = run("dataset", "load", "--config", config.toString(), "--year", "2014", "--symbol", "EURUSD",
                "--timeframe", "1m", "--out", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("files: 3 read (2 parquet, 1 json), 0 skipped as processed",
                "rows: 200 (0 duplicates across files dropped)", "columns: 40 (ds, target_bid_first,",
                "time range: 2014-01-01T00:00:00Z .. 2014-03-03T00:39:00Z", "memory: ",
                "extra columns (not loaded): __index_level_0__, close, target", "audit session: EURUSD_");
        try (LakeSql sql = LakeSql.inMemory()) {
            Object[] row = sql.query("SELECT count(*), min(ds) FROM read_parquet('" + out.resolve("loaded.parquet") + "')").rows().get(0);
            assertThat(row[0]).isEqualTo(200L);
        }
    }

    @Test
    void skipProcessedThenProcessedAndAuditListings() throws Exception {
        assertThat(run("dataset", "load", "--config", config.toString(), "--year", "2014").code()).isZero();
        Run second = run("dataset", "load", "--config", config.toString(), "--year", "2014", "--skip-processed");
        assertThat(second.out()).contains("files: 0 read, 3 skipped as processed");

        month(2014, 1, 90, "parquet");
        Run processed = run("dataset", "processed", "--config", config.toString());
        assertThat(processed.code()).isZero();
        assertThat(processed.out()).contains("2014/01/EURUSD_1min_h15_2014_01_769b531dbb2ff3cb.parquet\tcompleted\tchanged",
                "2014/02/EURUSD_1min_h15_2014_02_769b531dbb2ff3cb.json\tcompleted\tunchanged", "3 files in ");
        Run third = run("dataset", "load", "--config", config.toString(), "--year", "2014", "--skip-processed");
        assertThat(third.out()).contains("files: 1 read (1 parquet, 0 json), 2 skipped as processed", "rows: 90");

        Run audit = run("dataset", "audit", "--config", config.toString());
        assertThat(audit.code()).isZero();
        assertThat(audit.out().lines().filter(line -> line.contains("\tcompleted\t"))).hasSize(3);
        assertThat(audit.out()).contains("discovered=4 processed=0 skipped=3", "3 sessions in ");
    }

    @Test
    void errorsMapToExitCodes() throws Exception {
        Run noYear = run("dataset", "load", "--config", config.toString());
        assertThat(noYear.code()).isEqualTo(2);
        assertThat(noYear.err()).contains("give a year (2014) or a year range (2014:2016)");

        Path broken = Files.writeString(dir.resolve("broken.yaml"), SampleMonths.designConfig(root).replace("null_handling", "null_handlin"));
        Run badConfig = run("dataset", "discover", "--config", broken.toString(), "--year", "2014");
        assertThat(badConfig.code()).isEqualTo(2);
        assertThat(badConfig.err()).contains("unknown configuration key parquet_loader.processing.null_handlin: did you mean parquet_loader.processing.null_handling?");

        Run missingConfig = run("dataset", "discover", "--config", dir.resolve("nope.yaml").toString(), "--year", "2014");
        assertThat(missingConfig.code()).isEqualTo(2);
        assertThat(missingConfig.err()).contains("Configuration file not found");

        Path misnamed = Files.writeString(root.resolve("2014/01/eurusd.parquet"), "x");
        Run badName = run("dataset", "discover", "--config", config.toString(), "--year", "2014");
        assertThat(badName.code()).isEqualTo(1);
        assertThat(badName.err()).contains("Filename does not match expected pattern", misnamed.toString());

        Run badRange = run("dataset", "discover", "--config", config.toString(), "--year-range", "2014-2016");
        assertThat(badRange.code()).isEqualTo(2);
        assertThat(badRange.err()).contains("Invalid value for option '--year-range': takes FROM:TO");

        Run nothing = run("dataset", "load", "--config", config.toString(), "--year", "2019");
        assertThat(nothing.code()).isEqualTo(1);
        assertThat(nothing.err()).contains("No files found");
    }
}
