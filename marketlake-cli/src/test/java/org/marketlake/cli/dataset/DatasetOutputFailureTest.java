package org.marketlake.cli.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketlake.cli.dataset.LoaderDisk.DECEMBER;
import static org.marketlake.cli.dataset.LoaderDisk.FEBRUARY;
import static org.marketlake.cli.dataset.LoaderDisk.JANUARY;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.CliRun;

/**
 * An output that cannot be written fails the command before anything is recorded: the files stay unprocessed,
 * the audit session says {@code failed} with the reason, and the next run, once the cause is gone, does the work.
 * The cause here is a plain file where the output folder should be.
 */
class DatasetOutputFailureTest {
    @TempDir
    Path dir;
    LoaderDisk disk;
    Path out;

    @BeforeEach
    void data() throws Exception {
        disk = LoaderDisk.create(dir);
        out = Files.writeString(dir.resolve("out"), "a file where the output folder should be");
    }

    @Test
    void aTrainingDatasetThatCannotBeWrittenIsNotRecorded() throws Exception {
        String[] train = {"dataset", "train", "--config", disk.config.toString(), "--year-range", "2013:2014", "--out", out.toString()};
        CliRun failed = CliRun.of(train);

        assertThat(failed.exitCode()).as(failed.out()).isEqualTo(2);
        assertThat(failed.err()).contains("cannot write " + out.resolve("train.parquet"), "[file=" + out + "]");
        assertThat(disk.processed()).isEmpty();
        JsonNode session = disk.sessions().get(0);
        assertThat(disk.sessions()).hasSize(1);
        assertThat(session.path("command").asText()).isEqualTo("train");
        assertThat(session.path("status").asText()).isEqualTo("failed");
        assertThat(session.path("error").asText()).isEqualTo("cannot write " + out.resolve("train.parquet"));
        assertThat(disk.temporaries()).isEmpty();

        Files.delete(out);
        CliRun rerun = CliRun.of(train);
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("train: 600 rows", "written: " + out.resolve("train.parquet") + ", "
                + out.resolve("validation.parquet") + ", " + out.resolve("scaling.json"));
        assertThat(disk.processed()).containsExactly(DECEMBER, JANUARY, FEBRUARY);
        assertThat(disk.statuses()).containsExactlyInAnyOrder("failed", "completed");
        assertThat(LoaderDisk.rows(out.resolve("train.parquet"))).isEqualTo(600);
        assertThat(LoaderDisk.rows(out.resolve("validation.parquet"))).isEqualTo(200);
        assertThat(Files.readString(out.resolve("scaling.json"))).contains("\"gold_xauusd_bid\" : {", "\"center\" :", "\"scale\" :");
    }

    @Test
    void anIncrementalDatasetThatCannotBeWrittenIsNotRecorded() throws Exception {
        String[] incremental = {"dataset", "incremental", "--config", disk.config.toString(), "--symbol", "EURUSD",
                "--after", "2014-01-01T06:00:00Z", "--out", out.toString()};
        CliRun failed = CliRun.of(incremental);

        assertThat(failed.exitCode()).as(failed.out()).isEqualTo(2);
        assertThat(failed.err()).contains("cannot write " + out.resolve("incremental.parquet"), "[file=" + out + "]");
        assertThat(disk.processed()).isEmpty();
        assertThat(disk.statuses()).containsExactly("failed");
        assertThat(disk.sessions().get(0).path("command").asText()).isEqualTo("incremental");
        assertThat(disk.sessions().get(0).path("error").asText()).isEqualTo("cannot write " + out.resolve("incremental.parquet"));

        Files.delete(out);
        CliRun rerun = CliRun.of(incremental);
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("new rows: 139 after 2014-01-01T06:00:00Z from 2 files", "written: " + out.resolve("incremental.parquet"));
        assertThat(disk.processed()).containsExactly(JANUARY, FEBRUARY);
        assertThat(disk.statuses()).containsExactlyInAnyOrder("failed", "completed");
        assertThat(LoaderDisk.rows(out.resolve("incremental.parquet"))).isEqualTo(139);
        assertThat(disk.temporaries()).isEmpty();
    }

    @Test
    void aFeaturesTableThatCannotBeWrittenIsNotRecordedNorCached() throws Exception {
        String[] features = {"dataset", "features", "--config", disk.config.toString(), "--year", "2014", "--out", out.toString()};
        CliRun failed = CliRun.of(features);

        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(disk.processed()).isEmpty();
        assertThat(disk.statuses()).containsExactly("failed");

        Files.delete(out);
        CliRun rerun = CliRun.of(features);
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("rows: 500", "cache: miss", "written: " + out.resolve("features.parquet"));
        assertThat(disk.processed()).containsExactly(JANUARY, FEBRUARY);
        assertThat(LoaderDisk.rows(out.resolve("features.parquet"))).isEqualTo(500);
    }
}
