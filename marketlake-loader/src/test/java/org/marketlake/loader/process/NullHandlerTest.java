package org.marketlake.loader.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlake.loader.config.NullHandling;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

class NullHandlerTest {
    private static final double N = Double.NaN;
    private static final long MINUTE = 60_000_000L;

    private static Table table(long[] minutes, double[] values) {
        long[] ds = new long[minutes.length];
        for (int i = 0; i < ds.length; i++) {
            ds[i] = minutes[i] * MINUTE;
        }
        return Table.of(ds, List.of(new TableColumn.Doubles("x", values), new TableColumn.Doubles("y", new double[values.length])));
    }

    @Test
    void forwardFillReportsLeadingNullsItCannotReach() {
        Table table = table(new long[] {0, 1, 2, 3, 4, 5}, new double[] {N, N, 1, N, N, 4});

        NullHandler.Result result = NullHandler.apply(table, List.of("x", "y"), NullHandling.FORWARD_FILL);

        assertThat(result.table().doubles("x")).containsExactly(N, N, 1, 1, 1, 4);
        assertThat(result.reports()).containsExactly(new NullReport("x", 4, 2, 2, 0, 0), new NullReport("y", 0, 0, 0, 0, 0));
    }

    @Test
    void interpolationIsLinearInTimeNotInRowNumber() {
        // Rows at minutes 0, 1 and 4 between values 0 and 10 at minutes 0 and 10: time says 1 and 4, rows would say 3.3 and 6.7.
        Table table = table(new long[] {0, 1, 4, 10, 11}, new double[] {0, N, N, 10, N});

        NullHandler.Result result = NullHandler.apply(table, List.of("x"), NullHandling.INTERPOLATE);

        assertThat(result.table().doubles("x")).containsExactly(0, 1, 4, 10, N);
        assertThat(result.reports()).containsExactly(new NullReport("x", 3, 2, 0, 1, 0));
    }

    @Test
    void dropRemovesRowsWithANullInAnyColumn() {
        Table table = Table.of(new long[] {0, 1, 2, 3}, List.of(new TableColumn.Doubles("a", new double[] {1, N, 3, 4}),
                new TableColumn.Doubles("b", new double[] {1, N, N, 4})));

        NullHandler.Result result = NullHandler.apply(table, List.of("a", "b"), NullHandling.DROP);

        assertThat(result.table().ds()).containsExactly(0, 3);
        assertThat(result.rowsDropped()).isEqualTo(2);
        assertThat(result.reports()).containsExactly(new NullReport("a", 1, 0, 0, 0, 1), new NullReport("b", 2, 0, 0, 0, 1));
    }
}
