package org.marketlake.loader.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.error.InvalidFileNameException;
import org.marketlake.loader.load.ParquetDataLoader;
import org.marketlake.loader.Fixtures;

class FileDiscoveryTest {
    @TempDir
    Path dir;
    Path root;
    ParquetDataLoader loader;

    private Path touch(String relative) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "not read by discovery");
    }

    @BeforeEach
    void layout() throws Exception {
        root = Files.createDirectories(dir.resolve("data"));
        touch("2013/12/EURUSD_1min_h15_2013_12_abc123.parquet");
        touch("2014/01/EURUSD_1min_h15_2014_01_abc123.parquet");
        touch("2014/01/EURUSD_1min_h15_2014_01_abc123.json");
        touch("2014/01/AAPL_1min_h15_2014_01_abc123.parquet");
        touch("2014/02/EURUSD_1min_h15_2014_02_abc123.json");
        touch("2014/03/EURUSD_5min_h15_2014_03_abc123.parquet");
        touch("2014/07/EURUSD_1min_h15_2014_07_abc123.parquet");
        touch("2016/01/EURUSD_1min_h15_2016_01_abc123.parquet");
        touch("2014/01/notes.txt");
        loader = ParquetDataLoader.open(Fixtures.config(dir, root));
    }

    private List<String> names(List<FileInfo> files) {
        return files.stream().map(file -> file.path().getFileName().toString()).toList();
    }

    @Test
    void aYearRangeSkipsMissingYearsAndSortsByYearMonthSymbol() {
        List<FileInfo> files = loader.discoverFiles(Selection.all().withYears(2012, 2016));

        assertThat(names(files)).containsExactly(
                "EURUSD_1min_h15_2013_12_abc123.parquet",
                "AAPL_1min_h15_2014_01_abc123.parquet",
                "EURUSD_1min_h15_2014_01_abc123.parquet",
                "EURUSD_1min_h15_2014_01_abc123.json",
                "EURUSD_1min_h15_2014_02_abc123.json",
                "EURUSD_5min_h15_2014_03_abc123.parquet",
                "EURUSD_1min_h15_2014_07_abc123.parquet",
                "EURUSD_1min_h15_2016_01_abc123.parquet");
        FileInfo first = files.get(0);
        assertThat(first).isEqualTo(new FileInfo(first.path(), "EURUSD", "1min", 15, 2013, 12, "abc123", "parquet"));
    }

    @Test
    void monthRangeSymbolAndTimeframeNarrowTheSelection() {
        Selection selection = Selection.all().withYears(2014, 2014).withMonths(1, 6).withSymbol("EURUSD").withTimeframe("1m");

        assertThat(names(loader.discoverFiles(selection))).containsExactly(
                "EURUSD_1min_h15_2014_01_abc123.parquet",
                "EURUSD_1min_h15_2014_01_abc123.json",
                "EURUSD_1min_h15_2014_02_abc123.json");
        assertThat(names(loader.discoverFiles(selection.withTimeframe("5min")))).containsExactly("EURUSD_5min_h15_2014_03_abc123.parquet");
        assertThat(loader.discoverFiles(Selection.all().withYears(2020, 2030))).isEmpty();
    }

    @Test
    void parquetWinsOverJsonAndAJsonOnlyMonthIsKept() {
        Selection selection = Selection.all().withYears(2014, 2014).withMonths(1, 2).withSymbol("EURUSD");

        List<FileInfo> files = loader.discovery(ParquetDataLoader.Use.ANY).resolve(loader.discoverFiles(selection));

        assertThat(names(files)).containsExactly("EURUSD_1min_h15_2014_01_abc123.parquet", "EURUSD_1min_h15_2014_02_abc123.json");
    }

    @Test
    void severalSeriesInOneSelectionMustBeNarrowed() throws Exception {
        touch("2014/02/EURUSD_1min_h15_2014_02_def456.parquet");
        Selection selection = Selection.all().withYears(2014, 2014).withMonths(1, 2).withSymbol("EURUSD");
        FileDiscovery discovery = loader.discovery(ParquetDataLoader.Use.ANY);

        assertThatThrownBy(() -> discovery.resolve(discovery.discover(selection)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("EURUSD 1min h15 abc123").hasMessageContaining("EURUSD 1min h15 def456")
                .hasMessageContaining("horizon or hash");
        assertThat(names(discovery.resolve(discovery.discover(selection.withHash("def456")))))
                .containsExactly("EURUSD_1min_h15_2014_02_def456.parquet");
    }

    @Test
    void aMisnamedDataFileIsAnError() throws Exception {
        Path misnamed = touch("2014/07/eurusd-july.parquet");

        assertThatThrownBy(() -> loader.discoverFiles(Selection.all().withYears(2014, 2014)))
                .isInstanceOf(InvalidFileNameException.class)
                .hasMessageContaining("Filename does not match expected pattern")
                .hasMessageContaining("[file=" + misnamed + "]");
        assertThat(loader.discoverFiles(Selection.all().withYears(2014, 2014).withMonths(1, 6))).hasSize(5);
    }

    @Test
    void aFileInAnotherMonthsFolderIsAnError() throws Exception {
        Path wrong = touch("2014/05/EURUSD_1min_h15_2014_06_abc123.parquet");

        assertThatThrownBy(() -> loader.discoverFiles(Selection.all().withYears(2014, 2014)))
                .isInstanceOf(InvalidFileNameException.class)
                .hasMessage("File names 2014-06 but sits in the folder of 2014-05 [file=" + wrong + "]");
    }

    @Test
    void neitherAYearNorARangeIsAUsageError() {
        assertThatThrownBy(() -> loader.discoverFiles(Selection.all()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("or a year range (2014:2016)");
    }

    @Test
    void timeframesAreNormalizedToMinutes() {
        assertThat(Selection.normalizeTimeframe("1m")).isEqualTo("1min");
        assertThat(Selection.normalizeTimeframe("1h")).isEqualTo("60min");
        assertThat(Selection.normalizeTimeframe("1d")).isEqualTo("1440min");
        assertThat(Selection.timeframeMicros("5min")).isEqualTo(300_000_000L);
    }
}
