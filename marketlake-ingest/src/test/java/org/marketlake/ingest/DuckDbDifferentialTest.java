package org.marketlake.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.core.sql.SqlResult;
import org.marketlake.core.testing.Bars;
import org.marketlake.ingest.testing.Trades;

/**
 * Our bars against DuckDB SQL's on the same CSV, column by column: 1s bars as ingested, 1m bars as rolled up
 * from the stored 1s bars. Prices, counts and timestamps must be equal; sums of fractional sizes within a few
 * ulps (DuckDB sums in input order, we round an exact-in-practice sum once), vwap within 1e-9 relative.
 */
class DuckDbDifferentialTest {
    private static final Symbol SYMBOL = Symbol.of("DIFF");

    @TempDir
    Path folder;

    static List<Long> seeds() {
        return Trades.seeds(3, 2024);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void barsEqualDuckDbs(long seed) {
        Trades trades = Trades.random(seed, 20_000, Bars.micros("2024-02-28T22:00:00Z"), 3 * Micros.PER_DAY, true, true).permuted(seed);
        Path csv = trades.writeCsv(folder.resolve("trades.csv"));
        Lake lake = Lake.open(folder.resolve("lake"));
        Ingest.trades(lake, IngestOptions.of(SYMBOL, List.of(csv)).timeframes(Set.of(Timeframe.S1, Timeframe.M1)));
        compare(lake.read(DataKind.bars(Timeframe.S1), SYMBOL, TimeRange.ALL, List.of()), duckDb(csv, "1 second"), "notional");
        compare(lake.read(DataKind.bars(Timeframe.M1), SYMBOL, TimeRange.ALL, List.of()), duckDb(csv, "1 minute"), "vwap");
    }

    private static SqlResult duckDb(Path csv, String interval) {
        try (LakeSql sql = LakeSql.inMemory()) {
            return sql.query("""
                    SELECT epoch_us(time_bucket(INTERVAL '%s', timestamp)) AS t,
                           arg_min(price, timestamp) AS open, max(price) AS high, min(price) AS low, arg_max(price, timestamp) AS close,
                           sum(size) AS volume, count(*) AS trades, sum(price * size) AS notional, sum(price * size) / sum(size) AS vwap
                    FROM read_csv('%s', header = true, columns = {'timestamp': 'TIMESTAMPTZ', 'price': 'DOUBLE', 'size': 'DOUBLE'})
                    GROUP BY t ORDER BY t
                    """.formatted(interval, csv));
        }
    }

    private static void compare(Frame ours, SqlResult theirs, String sumColumn) {
        assertThat(ours.size()).isEqualTo(theirs.rows().size());
        for (int row = 0; row < ours.size(); row++) {
            Object[] expected = theirs.rows().get(row);
            String where = Micros.format(ours.timestamps()[row]);
            assertThat(ours.timestamps()[row]).as(where).isEqualTo(((Number) expected[0]).longValue());
            assertThat(ours.doubles("open")[row]).as("open %s", where).isEqualTo(((Number) expected[1]).doubleValue());
            assertThat(ours.doubles("high")[row]).as("high %s", where).isEqualTo(((Number) expected[2]).doubleValue());
            assertThat(ours.doubles("low")[row]).as("low %s", where).isEqualTo(((Number) expected[3]).doubleValue());
            assertThat(ours.doubles("close")[row]).as("close %s", where).isEqualTo(((Number) expected[4]).doubleValue());
            double volume = ((Number) expected[5]).doubleValue();
            assertThat(ours.doubles("volume")[row]).as("volume %s", where).isCloseTo(volume, within(volume * 1e-12));
            assertThat(ours.ints("trade_count")[row]).as("trade_count %s", where).isEqualTo(((Number) expected[6]).intValue());
            double sum = ((Number) expected[sumColumn.equals("vwap") ? 8 : 7]).doubleValue();
            assertThat(ours.doubles(sumColumn)[row]).as("%s %s", sumColumn, where).isCloseTo(sum, within(Math.abs(sum) * 1e-9));
        }
    }
}
