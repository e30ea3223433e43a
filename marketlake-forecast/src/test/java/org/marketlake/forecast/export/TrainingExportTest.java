package org.marketlake.forecast.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.store.Lake;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.core.sql.SqlResult;
import org.marketlake.core.testing.Bars;
import org.marketlake.forecast.export.ExportSelection.Segmentation;

/** Lake bars to Chronos training rows, read back with DuckDB as an independent reader. */
class TrainingExportTest {
    @TempDir
    Path folder;

    /** Two sessions of AAPL 1m bars (one missing minute in the first), and one session of MSFT. */
    private Lake lake() {
        Lake lake = Lake.open(folder.resolve("lake"));
        Frame.Builder aapl = Bars.builder(Timeframe.M1, "AAPL");
        Bars.bar(aapl, "2024-01-02T14:30:00Z", 10, 11, 9, 10.5, 100);
        Bars.bar(aapl, "2024-01-02T14:31:00Z", 10.5, 11, 10, 10.75, 100);
        // 14:32 missing: a NaN inside the session
        Bars.bar(aapl, "2024-01-02T14:33:00Z", 10.75, 12, 10, 11.25, 100);
        Bars.bar(aapl, "2024-01-03T14:30:00Z", 11, 12, 10, 11.5, 100);
        Bars.bar(aapl, "2024-01-03T14:31:00Z", 11.5, 12, 11, 11.625, 100);
        lake.write(aapl.build());
        Frame.Builder msft = Bars.builder(Timeframe.M1, "MSFT");
        Bars.bar(msft, "2024-01-02T14:30:00Z", 300, 301, 299, 300.25, 100);
        Bars.bar(msft, "2024-01-02T14:31:00Z", 300, 301, 299, 300.5, 100);
        lake.write(msft.build());
        return lake;
    }

    private static ExportSelection selection(Segmentation segmentation, String... symbols) {
        return new ExportSelection(List.of(symbols).stream().map(Symbol::of).toList(), Timeframe.M1, "close",
                TimeRange.ALL, segmentation);
    }

    @Test
    void perSymbolSeriesFillTheGridWithNaN() {
        List<TrainingSeries> series = TrainingExport.series(lake(), selection(Segmentation.PER_SYMBOL));

        assertThat(series).extracting(TrainingSeries::symbol).containsExactly(Symbol.of("AAPL"), Symbol.of("MSFT"));
        TrainingSeries aapl = series.get(0);
        assertThat(aapl.startMicros()).isEqualTo(Bars.micros("2024-01-02T14:30:00Z"));
        // 2024-01-02T14:30 .. 2024-01-03T14:31 is one day and one minute: 1442 steps
        assertThat(aapl.target()).hasSize(1442);
        assertThat(aapl.target()[0]).isEqualTo(10.5f);
        assertThat(aapl.target()[2]).isNaN();
        assertThat(aapl.target()[1441]).isEqualTo(11.625f);
        assertThat(aapl.observed()).isEqualTo(5);
    }

    @Test
    void splitGapsGivesOneSeriesPerSession() {
        List<TrainingSeries> series = TrainingExport.series(lake(), selection(Segmentation.PER_SESSION, "AAPL"));

        assertThat(series).hasSize(2);
        assertThat(series.get(0).target()).containsExactly(10.5f, 10.75f, Float.NaN, 11.25f);
        assertThat(series.get(1).startMicros()).isEqualTo(Bars.micros("2024-01-03T14:30:00Z"));
        assertThat(series.get(1).target()).containsExactly(11.5f, 11.625f);
    }

    @Test
    void parquetReadsBackWithDuckDbAsTimestampAndFloatList() throws Exception {
        List<TrainingSeries> series = TrainingExport.series(lake(), selection(Segmentation.PER_SESSION));
        Path out = folder.resolve("out/train.parquet");

        TrainingFiles.writeParquet(series, out);

        try (LakeSql sql = LakeSql.inMemory()) {
            String file = "read_parquet('" + out + "')";
            SqlResult types = sql.query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + file + ")");
            assertThat(types.rows()).extracting(row -> row[0] + " " + row[1])
                    .containsExactly("start TIMESTAMP", "target FLOAT[]");
            SqlResult rows = sql.query("SELECT strftime(start, '%Y-%m-%dT%H:%M:%S'), len(target),"
                    + " target::VARCHAR, list_count(list_filter(target, lambda x: isnan(x))) FROM " + file);
            assertThat(rows.rows()).extracting(row -> row[0] + " " + row[1] + " " + row[2] + " NaN=" + row[3]).containsExactly(
                    "2024-01-02T14:30:00 4 [10.5, 10.75, nan, 11.25] NaN=1",
                    "2024-01-03T14:30:00 2 [11.5, 11.625] NaN=0",
                    "2024-01-02T14:30:00 2 [300.25, 300.5] NaN=0");
        }
        try (var siblings = Files.list(out.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aSeriesLongerThanOneStagingPartReadsBackWhole() {
        float[] target = new float[TrainingFiles.VALUES_PER_PART * 2 + 3];
        for (int i = 0; i < target.length; i++) {
            target[i] = i % 1000 == 7 ? Float.NaN : i * 0.5f;
        }
        Path out = folder.resolve("long.parquet");

        TrainingFiles.writeParquet(List.of(new TrainingSeries(Symbol.of("A"), 0, new float[] {1f}),
                new TrainingSeries(Symbol.of("B"), 60_000_000L, target)), out);

        try (LakeSql sql = LakeSql.inMemory()) {
            List<Object[]> rows = sql.query("SELECT start::VARCHAR, len(target), target[1], target[" + target.length
                    + "], target[" + (TrainingFiles.VALUES_PER_PART + 1) + "], list_count(list_filter(target, lambda x: isnan(x)))"
                    + " FROM read_parquet('" + out + "')").rows();
            assertThat(rows).extracting(java.util.Arrays::toString).containsExactly(
                    "[1970-01-01 00:00:00, 1, 1.0, null, null, 0]",
                    "[1970-01-01 00:01:00, " + target.length + ", 0.0, " + (target.length - 1) * 0.5f + ", "
                            + TrainingFiles.VALUES_PER_PART * 0.5f + ", " + (target.length / 1000 + 1) + "]");
        }
    }

    @Test
    void aRangeWithoutBarsIsADataError() {
        Lake lake = lake();
        ExportSelection empty = new ExportSelection(List.of(Symbol.of("AAPL")), Timeframe.M1, "close",
                TimeRange.between(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2023-01-31T00:00:00Z")),
                Segmentation.PER_SYMBOL);
        assertThatThrownBy(() -> TrainingExport.series(lake, empty))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith("no 1m bars to export [symbols=[AAPL], range=2023-01-01T00:00:00Z..");
    }

    @Test
    void aNonNumericColumnIsAUsageError() {
        assertThatThrownBy(() -> new ExportSelection(List.of(), Timeframe.M1, "bogus", TimeRange.ALL, Segmentation.PER_SYMBOL))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("bogus");
    }

    @Test
    void trainingConfigNamesTheDataAndTheHorizon() throws Exception {
        Path data = folder.resolve("train.arrow");
        Path config = folder.resolve("train.yaml");

        TrainingConfig.write(config, data, new TrainingConfig.Settings(256, 32, 60));

        String yaml = Files.readString(config);
        assertThat(yaml).contains("training_data_paths:\n- \"" + data.toAbsolutePath() + "\"\n")
                .contains("probability:\n- 1.0\n")
                .contains("context_length: 256\n")
                .contains("prediction_length: 32\n")
                .contains("min_past: 60\n")
                .contains("model_id: amazon/chronos-t5-small\n");
    }
}
