package org.marketlake.loader.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.model.Micros;
import org.marketlake.loader.Fixtures;
import org.marketlake.core.error.IncompleteContextException;
import org.marketlake.loader.load.ParquetDataLoader;
import org.marketlake.loader.discovery.Selection;
import org.marketlake.loader.process.Processed;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

class DatasetsTest {
    @TempDir
    Path dir;

    private static long at(String iso) {
        return Micros.of(Instant.parse(iso));
    }

    private Datasets datasets(String... replacements) {
        return new Datasets(ParquetDataLoader.open(Fixtures.config(dir, dir.resolve("data"), replacements)));
    }

    private static Selection series() {
        return Selection.all().withSymbol(Fixtures.SYMBOL);
    }

    /** December 2013 and January 2014 (the year edge), 200 weekday minutes each from the month's start. */
    private void twoMonths() {
        Fixtures.parquet(dir.resolve("data"), 2013, 12, SampleMonths.month(2013, 12, 200, 12));
        Fixtures.parquet(dir.resolve("data"), 2014, 1, SampleMonths.month(2014, 1, 200, 1));
    }

    @Test
    void trainingSplitsInTimeAndFitsScalingOnTheTrainingPartOnly() {
        twoMonths();
        TrainingDataset training = datasets("    chunk_size: 10000", "    chunk_size: 10000\n    validation_split: 0.25")
                .training(series().withYears(2013, 2014));

        assertThat(training.train().rows()).isEqualTo(300);
        assertThat(training.validation().rows()).isEqualTo(100);
        assertThat(training.train().ds()[299]).isLessThan(training.validation().ds()[0]);
        // Targets stay raw; features are standardized with the training rows' mean and std.
        assertThat(training.train().doubles("target_close")).containsExactly(training.processed().table().slice(0, 300).doubles("target_close"));
        double[] gold = training.processed().table().doubles("gold_xauusd_bid");
        double[] fitted = training.scaling().get("gold_xauusd_bid");
        double mean = 0;
        for (int i = 0; i < 300; i++) {
            mean += gold[i] / 300;
        }
        assertThat(fitted[0]).isCloseTo(mean, within(1e-9));
        assertThat(training.validation().doubles("gold_xauusd_bid")[0]).isCloseTo((gold[300] - fitted[0]) / fitted[1], within(1e-9));
    }

    @Test
    void aContextAtTheStartOfAYearReachesBackIntoDecember() {
        twoMonths();
        PredictionDataset context = datasets().prediction(series(), at("2014-01-01T00:09:00Z"), 50);

        Table rows = context.context();
        assertThat(rows.rows()).isEqualTo(50);
        assertThat(Micros.format(rows.ds()[49])).isEqualTo("2014-01-01T00:09:00Z");
        assertThat(Micros.format(rows.ds()[0])).isEqualTo("2013-12-02T02:40:00Z");
        assertThat(context.files()).hasSize(2);
        assertThat(rows.doubles("target_close_lag1")[49]).isEqualTo(rows.doubles("target_close")[48]);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "validation {0}, test {1}, gap {2}")
    @org.junit.jupiter.params.provider.CsvSource({"0.2, 0.1, 0", "0.2, 0.1, 7", "0.25, 0, 5", "0.1, 0.3, 1"})
    void trainValidationAndTestFollowInTimeWithoutOverlapAndWithTheGapBetween(double validation, double test, int gap) {
        twoMonths();
        TrainingDataset training = datasets("    chunk_size: 10000", "    chunk_size: 10000\n    validation_split: " + validation
                + "\n    test_split: " + test + "\n    split_gap: " + gap).training(series().withYears(2013, 2014));

        int rows = 400;
        int testRows = (int) Math.round(rows * test);
        int validationRows = (int) Math.round(rows * validation);
        int trainRows = rows - validationRows - testRows - gap * (testRows > 0 ? 2 : 1);
        long[] all = training.processed().table().ds();
        assertThat(training.train().rows()).isEqualTo(trainRows);
        assertThat(training.validation().rows()).isEqualTo(validationRows);
        assertThat(training.test().rows()).isEqualTo(testRows);
        assertThat(training.train().ds()).containsExactly(java.util.Arrays.copyOfRange(all, 0, trainRows));
        assertThat(training.validation().ds()).containsExactly(java.util.Arrays.copyOfRange(all, trainRows + gap, trainRows + gap + validationRows));
        assertThat(training.test().ds()).containsExactly(java.util.Arrays.copyOfRange(all, rows - testRows, rows));
        if (testRows > 0) {
            assertThat(rows - testRows - (trainRows + gap + validationRows)).as("rows left out before test").isEqualTo(gap);
        }
    }

    @Test
    void splitsThatLeaveNoTrainingRowsAreAConfigurationError() {
        twoMonths();
        assertThatThrownBy(() -> datasets("    chunk_size: 10000", "    chunk_size: 10000\n    validation_split: 0.5\n    test_split: 0.5"))
                .isInstanceOf(org.marketlake.core.error.InvalidConfigException.class)
                .hasMessageContaining("parquet_loader.processing.validation_split (0.5) and parquet_loader.processing.test_split (0.5) add up to 1.0:"
                        + " they must leave rows for training");
        assertThatThrownBy(() -> datasets("    chunk_size: 10000", "    chunk_size: 10000\n    split_gap: 390").training(series().withYears(2013, 2014)))
                .isInstanceOf(org.marketlake.core.error.DataNotFoundException.class)
                .hasMessage("too few rows to split: 400 rows with validation_split 0.2, test_split 0.0 and split_gap 390 leave 0 for"
                        + " training and 10 for validation");
    }

    @Test
    void aMonthWithoutAFileFallsBackToThePreviousMonthAndNoFurther() {
        twoMonths();

        PredictionDataset february = datasets().prediction(series(), at("2014-02-03T09:30:00Z"), 50);
        PredictionDataset january = datasets().prediction(series(), at("2014-01-01T00:09:00Z"), 50);

        assertThat(february.fellBackTo()).contains(java.time.YearMonth.of(2014, 1));
        assertThat(february.context().ds()[49]).isEqualTo(at("2014-01-01T03:19:00Z"));
        assertThat(january.fellBackTo()).isEmpty();
        assertThatThrownBy(() -> datasets().prediction(series(), at("2014-03-03T09:30:00Z"), 50))
                .isInstanceOf(org.marketlake.core.error.DataNotFoundException.class)
                .hasMessage("No prediction files found for EURUSD in 2014-03 or the previous month 2014-02 (the newest file"
                        + " before 2014-03-03T09:30:00Z is of 2014-01)");
    }

    @Test
    void theQualityReportGivesDataFreshnessPerFileAndFeatureCompletenessPerColumn() {
        Table december = SampleMonths.month(2013, 12, 200, 12);
        double[] gold = december.doubles("gold_xauusd_bid").clone();
        for (int row = 0; row < 50; row++) {
            gold[row] = Double.NaN;
        }
        Path decemberFile = Fixtures.parquet(dir.resolve("data"), 2013, 12, december.with(new TableColumn.Doubles("gold_xauusd_bid", gold)));
        Path januaryFile = Fixtures.parquet(dir.resolve("data"), 2014, 1, SampleMonths.month(2014, 1, 200, 1));
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2014-01-02T00:00:00Z"), java.time.ZoneOffset.UTC);
        Datasets datasets = new Datasets(ParquetDataLoader.open(Fixtures.config(dir, dir.resolve("data"))), clock);

        org.marketlake.loader.process.QualityReport report = datasets.quality(series().withYears(2013, 2014), OutputFolder.none()).report();

        // December's last row is 2013-12-02T03:19:00Z (200 weekday minutes), January's 2014-01-01T03:19:00Z.
        assertThat(report.freshness()).isEqualTo(new org.marketlake.loader.process.QualityReport.Freshness("2014-01-02T00:00:00Z",
                "2014-01-01T03:19:00Z", 20 * 3600 + 41 * 60, List.of(
                        new org.marketlake.loader.process.QualityReport.FileAge(decemberFile.toString(), "2013-12-02T03:19:00Z", 30L * 86_400 + 20 * 3600 + 41 * 60),
                        new org.marketlake.loader.process.QualityReport.FileAge(januaryFile.toString(), "2014-01-01T03:19:00Z", 20 * 3600 + 41 * 60))));
        var goldMissing = report.missing().stream().filter(m -> m.column().equals("gold_xauusd_bid")).findFirst().orElseThrow();
        assertThat(goldMissing.completeness()).isEqualTo(1 - 50 / 400.0);
        assertThat(report.toTable()).contains("freshness: last row 2014-01-01T03:19:00Z, 20h 41m 0s before 2014-01-02T00:00:00Z",
                "last row 2013-12-02T03:19:00Z, 30d 20h 41m 0s old", "completeness: ");
        assertThat(report.toJson()).contains("\"age_seconds\" : 74460", "\"gold_xauusd_bid\" : 0.875");
        assertThat(report.issues()).noneMatch(issue -> issue.contains("fresh") || issue.contains("complete"));
    }

    @Test
    void tooLittleDataIsAnIncompleteContextErrorSayingHowMuchThereIs() {
        twoMonths();
        assertThatThrownBy(() -> datasets().prediction(series(), at("2014-01-01T00:09:00Z"), 1000))
                .isInstanceOf(IncompleteContextException.class)
                .hasMessage("Insufficient context data for prediction: 1000 rows needed up to 2014-01-01T00:09:00Z, the data has 210"
                        + " (2013-12-02T00:00:00Z .. 2014-01-01T00:09:00Z) in 2 files; ask for at most 210 rows of context length,"
                        + " or allow a short context to take the 210 there are")
                .satisfies(e -> assertThat(((IncompleteContextException) e).parameters()).containsExactly("context length", "allow short"));
        PredictionDataset all = datasets().prediction(series(), at("2014-01-01T00:09:00Z"), 1000, true, OutputFolder.none());
        assertThat(all.context().rows()).isEqualTo(210);
        assertThat(all.contextLength()).isEqualTo(210);
    }

    @Test
    void incrementalLoadsRowsStrictlyAfterAcrossMonthsAndSkipsFilesWithNothingNew() {
        twoMonths();
        Fixtures.parquet(dir.resolve("data"), 2014, 2, SampleMonths.month(2014, 2, 30, 2));
        Datasets datasets = datasets();

        IncrementalDataset first = datasets.incremental(series(), at("2013-12-02T03:00:00Z"));
        assertThat(first.read()).hasSize(3);
        assertThat(first.rows().rows()).isEqualTo(19 + 200 + 30);
        assertThat(Micros.format(first.rows().ds()[0])).isEqualTo("2013-12-02T03:01:00Z");

        IncrementalDataset second = datasets.incremental(series(), at("2014-01-15T00:00:00Z"));
        assertThat(second.skipped()).extracting(file -> file.month()).containsExactly(1);
        assertThat(second.rows().rows()).isEqualTo(30);
    }

    @Test
    void mergingDedupesByTimeAndTheNewRowWins() {
        Table old = Table.of(new long[] {1, 2, 3}, java.util.List.of(new TableColumn.Doubles("x", new double[] {10, 20, 30})));
        Table incoming = Table.of(new long[] {3, 4}, java.util.List.of(new TableColumn.Doubles("x", new double[] {33, 40})));

        Table merged = Datasets.merge(old, incoming);

        assertThat(merged.ds()).containsExactly(1, 2, 3, 4);
        assertThat(merged.doubles("x")).containsExactly(10, 20, 33, 40);
    }

    @Test
    void aSecondIdenticalRunReadsTheCache() {
        twoMonths();
        Datasets datasets = datasets();

        Processed first = datasets.processed(series().withYears(2013, 2014), "features");
        Processed second = datasets.processed(series().withYears(2013, 2014), "features");

        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isTrue();
        assertThat(second.features()).isEqualTo(first.features());
        assertThat(second.table().names()).isEqualTo(first.table().names());
        for (String name : first.table().numericNames()) {
            assertThat(second.table().doubles(name)).as(name).containsExactly(first.table().doubles(name));
        }
        Fixtures.parquet(dir.resolve("data"), 2014, 1, SampleMonths.month(2014, 1, 150, 5));
        assertThat(datasets.processed(series().withYears(2013, 2014), "features").fromCache()).isFalse();
    }

    @Test
    void outputsArePublishedBeforeTheFilesAreMarkedProcessedAndTheSessionCompleted() throws Exception {
        twoMonths();
        ParquetDataLoader loader = ParquetDataLoader.open(Fixtures.config(dir, dir.resolve("data")));
        Path notAFolder = java.nio.file.Files.writeString(dir.resolve("out"), "a file where the output folder should be");

        assertThatThrownBy(() -> new Datasets(loader).training(series().withYears(2013, 2014), OutputFolder.at(notAFolder)))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("cannot write " + notAFolder.resolve("train.parquet"));
        assertThat(loader.idempotency().entries()).isEmpty();
        assertThat(loader.audit().sessions()).extracting(org.marketlake.loader.audit.AuditSession::status).containsExactly("failed");

        java.nio.file.Files.delete(notAFolder);
        OutputFolder output = OutputFolder.at(notAFolder);
        TrainingDataset training = new Datasets(loader).training(series().withYears(2013, 2014), output);
        assertThat(output.written()).containsExactly(notAFolder.resolve("train.parquet"), notAFolder.resolve("validation.parquet"),
                notAFolder.resolve("scaling.json"));
        assertThat(loader.idempotency().entries()).hasSize(2).allSatisfy(entry -> assertThat(entry.status()).isEqualTo("completed"));
        assertThat(loader.audit().sessions()).extracting(org.marketlake.loader.audit.AuditSession::status)
                .containsExactlyInAnyOrder("failed", "completed");
        assertThat(training.train().rows() + training.validation().rows()).isEqualTo(400);
    }
}
