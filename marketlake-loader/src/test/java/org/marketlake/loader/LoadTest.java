package org.marketlake.loader;

import org.marketlake.loader.load.LoadOutcome;

import org.marketlake.loader.load.ParquetDataLoader;

import org.marketlake.core.error.SchemaMismatchException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.model.Micros;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.loader.dataset.SampleMonths;
import org.marketlake.loader.dataset.TableWriter;
import org.marketlake.loader.discovery.Selection;
import org.marketlake.loader.read.LoadResult;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

class LoadTest {
    @TempDir
    Path dir;

    private Path root() {
        return dir.resolve("data");
    }

    private static Selection year(int year) {
        return Selection.all().withYears(year, year).withSymbol(Fixtures.SYMBOL);
    }

    private LoadResult load(Path config, Selection selection) {
        return ParquetDataLoader.open(config).load(selection, false, "test").result().orElseThrow();
    }

    @Test
    void loadsParquetAndJsonMonthsInTimeOrderWithValues() {
        Table january = SampleMonths.month(2014, 1, 300, 1);
        Table february = SampleMonths.month(2014, 2, 200, 2);
        Fixtures.parquet(root(), 2014, 1, january);
        Fixtures.json(root(), 2014, 2, february);

        LoadResult result = load(Fixtures.config(dir, root()), year(2014));

        Table table = result.table();
        assertThat(table.rows()).isEqualTo(500);
        assertThat(Micros.format(table.ds()[0])).isEqualTo("2014-01-01T00:00:00Z");
        assertThat(table.ds()[300]).isEqualTo(february.ds()[0]);
        assertThat(table.doubles("target_close")[299]).isEqualTo(january.doubles("target_close")[299]);
        assertThat(table.doubles("target_close")[300]).isEqualTo(february.doubles("target_close")[0]);
        assertThat(table.names()).startsWith("target_bid_first").contains("vix_index_volume", "spread_10Y_2Y_date");
        assertThat(((TableColumn.Times) table.column("spread_10Y_2Y_date")).micros()[0])
                .isEqualTo(Micros.of(java.time.Instant.parse("2013-12-31T00:00:00Z")));
        assertThat(result.extraColumns()).containsExactly("__index_level_0__", "close", "target");
        assertThat(result.files()).extracting(stats -> stats.file().extension()).containsExactly("parquet", "json");
    }

    @Test
    void theFixtureHasTheTemplatesTypes() {
        Path file = Fixtures.parquet(root(), 2014, 1, SampleMonths.month(2014, 1, 5, 1));
        try (LakeSql sql = LakeSql.inMemory()) {
            var described = sql.query("DESCRIBE SELECT * FROM read_parquet('" + file + "')");
            assertThat(described.rows()).hasSize(43);
            assertThat(described.rows().get(0)).startsWith("ds", "VARCHAR");
            assertThat(described.rows().get(1)).startsWith("target_bid_first", "DOUBLE");
        }
    }

    @Test
    void bothFormatsInOneMonthReadTheParquetOne() throws Exception {
        Table parquet = SampleMonths.month(2014, 3, 50, 1);
        Table json = SampleMonths.month(2014, 3, 80, 2);
        Fixtures.parquet(root(), 2014, 3, parquet);
        Fixtures.json(root(), 2014, 3, json);

        LoadResult result = load(Fixtures.config(dir, root()), year(2014));

        assertThat(result.table().rows()).isEqualTo(50);
        assertThat(result.files()).singleElement().satisfies(stats -> assertThat(stats.file().isParquet()).isTrue());
        assertThat(result.table().doubles("target_close")).containsExactly(parquet.doubles("target_close"));
    }

    @Test
    void rowsDuplicatedAcrossFilesAreDroppedAndTheLaterFileWins() {
        // A December file that runs into January (the year edge) and a January file that starts at midnight.
        long newYear = Micros.of(java.time.Instant.parse("2014-01-01T00:00:00Z"));
        long[] decemberDs = new long[10];
        long[] januaryDs = new long[10];
        for (int i = 0; i < 10; i++) {
            decemberDs[i] = newYear + (i - 7) * 60_000_000L;
            januaryDs[i] = newYear + i * 60_000_000L;
        }
        Fixtures.parquet(root(), 2013, 12, SampleMonths.values(decemberDs, 1));
        Table january = SampleMonths.values(januaryDs, 2);
        Fixtures.parquet(root(), 2014, 1, january);

        LoadResult result = load(Fixtures.config(dir, root()), Selection.all().withYears(2013, 2014));

        assertThat(result.duplicatesDropped()).isEqualTo(3);
        assertThat(result.table().rows()).isEqualTo(17);
        assertThat(result.table().ds()).isSorted().doesNotHaveDuplicates();
        int midnight = result.table().lastAtOrBefore(newYear);
        assertThat(result.table().doubles("target_close")[midnight]).isEqualTo(january.doubles("target_close")[0]);
    }

    @Test
    void nullsStayMissingForProcessingToHandle() {
        Table month = SampleMonths.month(2014, 1, 20, 1);
        double[] close = month.doubles("target_close").clone();
        close[3] = Double.NaN;
        close[4] = Double.NaN;
        Fixtures.parquet(root(), 2014, 1, month.with(new TableColumn.Doubles("target_close", close)));

        Table table = load(Fixtures.config(dir, root()), year(2014)).table();

        assertThat(table.doubles("target_close")[3]).isNaN();
        assertThat(table.doubles("target_close")[4]).isNaN();
        assertThat(table.doubles("target_close")[5]).isEqualTo(close[5]);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fixtures.Orientation.class)
    void everyPandasJsonOrientationReadsTheSameValues(Fixtures.Orientation orientation) {
        Table month = SampleMonths.month(2014, 2, 30, 7);
        double[] gold = month.doubles("gold_xauusd_bid").clone();
        gold[2] = Double.NaN;
        month = month.with(new TableColumn.Doubles("gold_xauusd_bid", gold));
        Fixtures.json(SampleMonths.pathOf(root(), Fixtures.SYMBOL, "1min", 15, 2014, 2, Fixtures.HASH, "json"), month, orientation);

        Table table = load(Fixtures.config(dir, root()), year(2014)).table();

        assertThat(table.ds()).containsExactly(month.ds());
        assertThat(table.doubles("target_close")).containsExactly(month.doubles("target_close"));
        assertThat(table.doubles("gold_xauusd_bid")[2]).isNaN();
        assertThat(table.doubles("gold_xauusd_bid")[3]).isEqualTo(gold[3]);
    }

    @Test
    void datetimesWithoutOffsetAreInTheConfiguredZoneAndOffsetsAreHonoured() throws Exception {
        Path file = SampleMonths.pathOf(root(), Fixtures.SYMBOL, "1min", 15, 2014, 3, Fixtures.HASH, "json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                [{"ds": "2014-03-03 09:30:00", "target_close": 1.0},
                 {"ds": "2014-03-03T09:31:00-05:00", "target_close": 2.0},
                 {"ds": "2014-03-03T14:32:00.250Z", "target_close": 3.0}]
                """);
        Path config = minimalConfig(", timezone: America/New_York");

        Table table = load(config, year(2014)).table();

        assertThat(Arrays.stream(table.ds()).mapToObj(Micros::format).toList())
                .containsExactly("2014-03-03T14:30:00Z", "2014-03-03T14:31:00Z", "2014-03-03T14:32:00.250000Z");
    }

    @Test
    void anUnparseableDatetimeNamesFileRowColumnAndValue() throws Exception {
        Path file = SampleMonths.pathOf(root(), Fixtures.SYMBOL, "1min", 15, 2014, 3, Fixtures.HASH, "json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"ds\": \"2014-03-03 09:30:00\", \"target_close\": 1.0}\n{\"ds\": \"yesterday\", \"target_close\": 2.0}\n");
        Path config = minimalConfig();

        assertThatThrownBy(() -> load(config, year(2014)))
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessageStartingWith("Unparseable timestamp [file=" + file + ", row=1, column=ds, value=yesterday]");
    }

    @Test
    void aTextTargetIsNotNumeric() throws Exception {
        Path file = SampleMonths.pathOf(root(), Fixtures.SYMBOL, "1min", 15, 2014, 3, Fixtures.HASH, "json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[{\"ds\": \"2014-03-03 09:30:00\", \"target_close\": \"high\"}]");

        assertThatThrownBy(() -> load(minimalConfig(), year(2014)))
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("Column is not numeric [file=" + file + ", column=target_close, type=TEXT]");
    }

    @Test
    void aColumnMissingFromOneFileOfALoadNamesFileAndColumn() {
        Fixtures.parquet(root(), 2014, 1, SampleMonths.month(2014, 1, 10, 1));
        Table month = SampleMonths.month(2014, 2, 10, 2);
        List<String> without = new ArrayList<>(month.names());
        without.remove("oil_brent_bid");
        Path file = Fixtures.parquet(root(), 2014, 2, month.project(without));

        assertThatThrownBy(() -> load(Fixtures.config(dir, root()), year(2014)))
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessage("Required column missing [file=" + file + ", column=oil_brent_bid]: other files of the load have it,"
                        + " so the source provides it and every file must")
                .isInstanceOf(org.marketlake.core.error.InvalidDataException.class);
    }

    @Test
    void columnsTheSourceCannotProvideAreUnavailableNotRequired() {
        Table month = SampleMonths.month(2014, 1, 10, 1);
        List<String> without = new ArrayList<>(month.names());
        without.removeAll(SampleMonths.YIELD_CURVE);
        without.removeAll(SampleMonths.TIMESTAMPS);
        double[] none = new double[month.rows()];
        java.util.Arrays.fill(none, Double.NaN);
        Table lacking = month.project(without).with(new TableColumn.Doubles("target_bid_first", none))
                .with(new TableColumn.Doubles("target_ask_first", none));
        Fixtures.parquet(root(), 2014, 1, lacking);
        Fixtures.parquet(root(), 2014, 2, SampleMonths.month(2014, 2, 10, 2).project(without)
                .with(new TableColumn.Doubles("target_bid_first", none)).with(new TableColumn.Doubles("target_ask_first", none)));

        LoadResult result = load(Fixtures.config(dir, root()), year(2014));

        List<String> expected = new ArrayList<>();
        SampleMonths.YIELD_CURVE.forEach(name -> expected.add(name + " (not in the files)"));
        SampleMonths.TIMESTAMPS.forEach(name -> expected.add(name + " (not in the files)"));
        expected.add("target_bid_first (no values)");
        expected.add("target_ask_first (no values)");
        assertThat(result.unavailable().stream().map(u -> u.column() + " (" + u.reason() + ")").toList()).containsExactlyElementsOf(expected);
        assertThat(result.table().rows()).isEqualTo(20);
        assertThat(result.table().has("target_bid_first")).isFalse();
        assertThat(result.table().has("spread_10Y_2Y_GS10")).isFalse();
        assertThat(result.targets()).doesNotContain("target_bid_first", "target_ask_first").contains("target_close");
    }

    @Test
    void optimizedDtypesTakeLessMemoryWithoutChangingValues() {
        Table month = SampleMonths.month(2014, 1, 1000, 1);
        Fixtures.parquet(root(), 2014, 1, month);
        Path plain = Fixtures.config(dir, root(), "optimize_dtypes: true", "optimize_dtypes: false");

        LoadResult optimized = load(Fixtures.config(dir, root()), year(2014));
        LoadResult unoptimized = load(plain, year(2014));

        assertThat(optimized.memoryAfter()).isLessThan(optimized.memoryBefore());
        assertThat(unoptimized.memoryAfter()).isEqualTo(unoptimized.memoryBefore());
        assertThat(optimized.table().column("gold_xauusd_bid_volume")).isInstanceOf(TableColumn.Floats.class);
        assertThat(optimized.table().column("target_close")).isInstanceOf(TableColumn.Doubles.class);
        for (String name : optimized.table().numericNames()) {
            assertThat(optimized.table().doubles(name)).as(name).containsExactly(unoptimized.table().doubles(name));
        }
    }

    @Test
    void exceedingTheMemoryLimitIsAClearError() {
        Fixtures.parquet(root(), 2014, 1, SampleMonths.month(2014, 1, 2000, 1));
        Path config = Fixtures.config(dir, root(), "memory_limit: \"2GB\"", "memory_limit: \"100KB\"");

        assertThatThrownBy(() -> load(config, year(2014)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("loading would exceed performance.memory_limit 100KB");
    }

    @Test
    void parallelAndSequentialLoadsAgree() {
        for (int month = 1; month <= 6; month++) {
            Fixtures.parquet(root(), 2014, month, SampleMonths.month(2014, month, 100, month));
        }
        Table parallel = load(Fixtures.config(dir, root()), year(2014)).table();
        Table sequential = load(Fixtures.config(dir, root(), "use_parallel: true", "use_parallel: false"), year(2014)).table();

        assertThat(parallel.rows()).isEqualTo(600);
        assertThat(parallel.ds()).containsExactly(sequential.ds());
        assertThat(parallel.doubles("target_mid")).containsExactly(sequential.doubles("target_mid"));
    }

    @Test
    void skipProcessedLeavesOutUnchangedFilesAndReadsChangedOnes() {
        Fixtures.parquet(root(), 2014, 1, SampleMonths.month(2014, 1, 10, 1));
        Fixtures.parquet(root(), 2014, 2, SampleMonths.month(2014, 2, 10, 2));
        ParquetDataLoader loader = ParquetDataLoader.open(Fixtures.config(dir, root()));

        assertThat(loader.load(year(2014), true, "test").result().orElseThrow().table().rows()).isEqualTo(20);
        LoadOutcome again = loader.load(year(2014), true, "test");
        assertThat(again.result()).isEmpty();
        assertThat(again.skipped()).hasSize(2);

        Fixtures.parquet(root(), 2014, 2, SampleMonths.month(2014, 2, 15, 3));
        LoadOutcome changed = loader.load(year(2014), true, "test");
        assertThat(changed.skipped()).hasSize(1);
        assertThat(changed.result().orElseThrow().table().rows()).isEqualTo(15);
        assertThat(loader.load(year(2014), false, "test").result().orElseThrow().table().rows()).isEqualTo(25);
    }

    @Test
    void aFailedLoadEndsItsAuditSessionFailed() {
        Path file = SampleMonths.pathOf(root(), Fixtures.SYMBOL, "1min", 15, 2014, 1, Fixtures.HASH, "parquet");
        Fixtures.write(file, "not parquet at all");
        ParquetDataLoader loader = ParquetDataLoader.open(Fixtures.config(dir, root()));

        assertThatThrownBy(() -> loader.load(year(2014), false, "test")).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("[file=" + file + "]");

        assertThat(loader.audit().sessions()).singleElement().satisfies(session -> {
            assertThat(session.status()).isEqualTo("failed");
            assertThat(session.filesDiscovered()).isEqualTo(1);
            assertThat(session.error()).contains(file.toString());
        });
    }

    @Test
    void aWrittenLoadReadsBackWithUtcTimestamps() {
        Table month = SampleMonths.month(2014, 1, 10, 1);
        Fixtures.parquet(root(), 2014, 1, month);
        Table table = load(Fixtures.config(dir, root()), year(2014)).table();
        Path out = dir.resolve("out/loaded.parquet");

        TableWriter.writeParquet(table, out, TableWriter.TimeFormat.TIMESTAMP);

        try (LakeSql sql = LakeSql.inMemory()) {
            var rows = sql.query("SELECT typeof(ds), CAST(epoch_us(ds) AS BIGINT), target_close FROM read_parquet('" + out + "') ORDER BY ds").rows();
            assertThat(rows).hasSize(10);
            assertThat(rows.get(0)[0]).isEqualTo("TIMESTAMP WITH TIME ZONE");
            assertThat(rows.get(1)[1]).isEqualTo(month.ds()[1]);
            assertThat(rows.get(1)[2]).isEqualTo(month.doubles("target_close")[1]);
        }
    }

    private Path minimalConfig() {
        return minimalConfig("");
    }

    private Path minimalConfig(String schemaExtra) {
        return Fixtures.write(dir.resolve("minimal.yaml"), """
                parquet_loader:
                  data_paths: {root_dir: "%s"}
                  file_patterns: {naming_regex: "([A-Z]+)_([0-9]+min)_h([0-9]+)_([0-9]{4})_([0-9]{2})_([a-f0-9]+)\\\\.(parquet|json)$"}
                  schema: {datetime_column: ds%s}
                """.formatted(root(), schemaExtra));
    }
}
