package org.marketlake.loader.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlake.loader.table.Columns;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

class DtypeOptimizerTest {
    private static Table table() {
        String[] venues = new String[1000];
        double[] sizes = new double[1000];
        double[] prices = new double[1000];
        for (int i = 0; i < venues.length; i++) {
            venues[i] = i % 3 == 0 ? null : "venue-" + (i % 4);
            sizes[i] = i % 7 == 0 ? Double.NaN : i * 0.5;
            prices[i] = 1.37245 + i * 1e-5;
        }
        return Table.of(new long[1000], List.of(new TableColumn.Texts("venue", venues), new TableColumn.Doubles("size", sizes),
                new TableColumn.Doubles("price", prices)));
    }

    @Test
    void textBecomesCategoricalAndLosslessDoublesBecomeFloats() {
        Table table = table();

        Table optimized = DtypeOptimizer.optimize(table, true, true);

        TableColumn.Categorical venue = (TableColumn.Categorical) optimized.column("venue");
        assertThat(venue.dictionary()).containsExactly("venue-1", "venue-2", "venue-0", "venue-3");
        assertThat(Columns.texts(venue)).containsExactly(Columns.texts(table.column("venue")));
        assertThat(optimized.column("size")).isInstanceOf(TableColumn.Floats.class);
        assertThat(optimized.doubles("size")).containsExactly(table.doubles("size"));
        // 1.37245 has no exact float: the price stays double rather than being rounded.
        assertThat(optimized.column("price")).isInstanceOf(TableColumn.Doubles.class);
        assertThat(optimized.memoryBytes()).isLessThan(table.memoryBytes() / 2);
    }

    @Test
    void withBothSettingsOffNothingChanges() {
        Table table = table();
        Table same = DtypeOptimizer.optimize(table, false, false);
        assertThat(same.column("venue")).isInstanceOf(TableColumn.Texts.class);
        assertThat(same.column("size")).isInstanceOf(TableColumn.Doubles.class);
        assertThat(same.memoryBytes()).isEqualTo(table.memoryBytes());
    }
}
