package org.marketlake.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.model.Micros;
import org.marketlake.loader.dataset.SampleMonths;
import org.marketlake.loader.discovery.Selection;
import org.marketlake.loader.read.LoadResult;
import org.marketlake.loader.read.Table;

class LoadTest {
    @TempDir
    Path dir;

    private Selection year(int year) {
        return Selection.all().withYears(year, year).withSymbol(Fixtures.SYMBOL);
    }

    @Test
    void loadsParquetAndJsonMonthsInTimeOrderWithValues() {
        Path root = dir.resolve("data");
        Table january = SampleMonths.month(2014, 1, 300, 1);
        Table february = SampleMonths.month(2014, 2, 200, 2);
        Fixtures.parquet(root, 2014, 1, january);
        Fixtures.json(root, 2014, 2, february);
        ParquetDataLoader loader = ParquetDataLoader.open(Fixtures.config(dir, root));

        LoadResult result = loader.load(year(2014), false, "test").result().orElseThrow();

        Table table = result.table();
        assertThat(table.rows()).isEqualTo(500);
        assertThat(Micros.format(table.ds()[0])).isEqualTo("2014-01-01T00:00:00Z");
        assertThat(Micros.format(table.ds()[300])).isEqualTo(Micros.format(february.ds()[0]));
        assertThat(table.doubles("target_close")[299]).isEqualTo(january.doubles("target_close")[299]);
        assertThat(table.doubles("target_close")[300]).isEqualTo(february.doubles("target_close")[0]);
        assertThat(result.extraColumns()).containsExactly("__index_level_0__", "close", "target");
        assertThat(result.files()).extracting(stats -> stats.file().extension()).containsExactly("parquet", "json");
    }

    @Test
    void missingColumnNamesFileAndColumn() {
        Path root = dir.resolve("data");
        Table january = SampleMonths.month(2014, 1, 10, 1);
        Path file = Fixtures.parquet(root, 2014, 1, january.project(january.names().stream().filter(n -> !n.equals("oil_brent_bid")).toList()));
        ParquetDataLoader loader = ParquetDataLoader.open(Fixtures.config(dir, root));

        assertThatThrownBy(() -> loader.load(year(2014), false, "test"))
                .isInstanceOf(SchemaValidationError.class)
                .hasMessageContaining("file=" + file)
                .hasMessageContaining("column=oil_brent_bid");
    }
}
