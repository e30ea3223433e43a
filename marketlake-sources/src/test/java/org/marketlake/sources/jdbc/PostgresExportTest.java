package org.marketlake.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketlake.core.store.Lake;
import org.marketlake.core.progress.Progress;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.sources.testing.LakeSnapshot;
import org.marketlake.sources.testing.PostgresServer;
import org.marketlake.sources.testing.Sql;

/** The export from a real PostgreSQL server (started by {@link PostgresServer}): timestamptz, naive timestamps, streaming. */
@ExtendWith(PostgresServer.class)
class PostgresExportTest extends ExportContractTest {
    @Override
    String freshDatabase() {
        return PostgresServer.freshDatabase();
    }

    @Override
    String user() {
        return PostgresServer.user();
    }

    @Override
    String zonedTimestampType() {
        return "timestamptz";
    }

    @Test
    void aNaiveTimestampColumnNeedsAZoneFromTheMapping() throws Exception {
        Sql.run(url, user(), "CREATE TABLE bars_1s (symbol TEXT, timestamp timestamp, open float8, high float8, low float8, close float8, volume float8)",
                "INSERT INTO bars_1s VALUES ('IBM', '2013-10-07 09:30:00', 1, 2, 1, 2, 10)");

        assertThatThrownBy(() -> export(new ExportSelection.OneSymbol(Symbol.of("IBM"), null)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("column bars_1s.timestamp is a timestamp without time zone: say which zone its values are in");
        assertThat(LakeSnapshot.of(lakeRoot)).isEmpty();

        Path mapping = Files.createTempFile("mapping", ".yaml");
        Files.writeString(mapping, "tables:\n  bars_1s: {timezone: America/New_York}\n");
        JdbcExport.run(ExportRequest.of(url, SourceMapping.load(mapping), new ExportSelection.OneSymbol(Symbol.of("IBM"), null)).withUser(user(), null),
                Lake.open(lakeRoot), Progress.NONE);
        Frame bars = Lake.open(lakeRoot).read(DataKind.bars(Timeframe.S1), Symbol.of("IBM"), TimeRange.ALL, List.of());
        assertThat(Micros.format(bars.timestamps()[0])).isEqualTo("2013-10-07T13:30:00Z");
    }

    @Test
    void aMonthOfSecondBarsStreamsThroughASmallFetchSize() {
        // 40,000 one-second bars spread over two months, read 500 rows per round trip.
        Sql.run(url, user(), "CREATE TABLE bars_1s (symbol TEXT, timestamp timestamptz, open float8, high float8, low float8, close float8,"
                        + " volume float8, trade_count int)",
                "INSERT INTO bars_1s SELECT 'SPY', timestamptz '2024-01-31 20:00:00+00' + n * interval '1 second', 470 + (n % 7) * 0.01,"
                        + " 470.1, 469.9, 470 + (n % 5) * 0.01, n % 100, n % 9 FROM generate_series(0, 39999) AS n");

        ExportReport report = JdbcExport.run(ExportRequest.of(url, SourceMapping.defaults(), new ExportSelection.All()).withUser(user(), null)
                .withFetchSize(500), Lake.open(lakeRoot), Progress.NONE);

        assertThat(report.periods()).filteredOn(p -> p.kind().equals("bars_1s")).extracting(p -> p.period() + " " + p.written())
                .containsExactly("2024-01 14400", "2024-02 25600");
        Frame february = Lake.open(lakeRoot).read(DataKind.bars(Timeframe.S1), Symbol.of("SPY"), TimeRange.ALL, List.of());
        assertThat(february.size()).isEqualTo(40_000);
        assertThat(february.ints("trade_count")[10]).isEqualTo(1);
        assertThat(february.doubles("open")[3]).isEqualTo(470.03);
    }
}
