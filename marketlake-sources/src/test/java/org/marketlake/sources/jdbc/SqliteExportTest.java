package org.marketlake.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.store.Lake;
import org.marketlake.core.progress.Progress;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.sources.testing.Sql;

/** The export from a real SQLite file: timestamps as ISO text or integer epoch values, and a mapping. */
class SqliteExportTest extends ExportContractTest {
    @TempDir
    Path databases;

    private int count;

    @Override
    String freshDatabase() {
        return "jdbc:sqlite:" + databases.resolve("source" + (count++) + ".db");
    }

    @Override
    String user() {
        return null;
    }

    @Override
    String zonedTimestampType() {
        return "TEXT";
    }

    @Test
    void integerTextAndNaiveTimestampsInOneTable() {
        Sql.run(url, null, "CREATE TABLE bars_1s (symbol TEXT, timestamp, open REAL, high REAL, low REAL, close REAL, volume REAL, trade_count INTEGER)",
                // integer epoch microseconds (the default unit)
                "INSERT INTO bars_1s VALUES ('IBM', " + Micros.of(java.time.Instant.parse("2013-10-07T13:30:00Z")) + ", 1, 2, 1, 2, 10, 3)",
                // ISO text with a space and an offset
                "INSERT INTO bars_1s VALUES ('IBM', '2013-10-07 09:30:01-04:00', 1, 2, 1, 2, 10, NULL)",
                // nanoseconds are floored to the microsecond, and a 1s bar stamped inside its second is refused
                "INSERT INTO bars_1s VALUES ('IBM', '2013-10-07 09:30:04.123456789-04:00', 1, 2, 1, 2, 10, NULL)",
                // ISO text without an offset: naive, rejected when the mapping names no zone
                "INSERT INTO bars_1s VALUES ('IBM', '2013-10-07T09:30:02', 1, 2, 1, 2, 10, NULL)",
                "INSERT INTO bars_1s VALUES ('IBM', 'yesterday', 1, 2, 1, 2, 10, NULL)",
                "INSERT INTO bars_1s VALUES ('IBM', '2013-10-07T13:30:03Z', 'abc', 2, 1, 2, 10, NULL)",
                "INSERT INTO bars_1s VALUES ('ibm', '2013-10-07T13:30:03Z', 1, 2, 1, 2, 10, NULL)");

        ExportReport report = export(new ExportSelection.All());

        assertThat(period(report, "bars_1s", "IBM", "2013-10").written()).isEqualTo(2);
        assertThat(period(report, "bars_1s", "IBM", "2013-10").rejected()).isEqualTo(Map.of("bad_number", 1L, "timestamp_not_on_interval", 1L));
        assertThat(period(report, "bars_1s", "IBM", "-").rejected()).isEqualTo(Map.of("naive_timestamp", 1L, "bad_timestamp", 1L));
        assertThat(period(report, "bars_1s", "ibm", "-").rejected()).isEqualTo(Map.of("invalid_symbol", 1L));
        Frame bars = Lake.open(lakeRoot).read(DataKind.bars(Timeframe.S1), Symbol.of("IBM"), TimeRange.ALL, List.of());
        assertThat(Micros.format(bars.timestamps()[0])).isEqualTo("2013-10-07T13:30:00Z");
        assertThat(bars.ints("trade_count")[0]).isEqualTo(3);
        assertThat(Micros.format(bars.timestamps()[1])).isEqualTo("2013-10-07T13:30:01Z");
    }

    @Test
    void impossibleDatesAreBadTimestampsNotMovedToARealDay() {
        Sql.run(url, null, "CREATE TABLE bars_1s (symbol TEXT, timestamp, open REAL, high REAL, low REAL, close REAL, volume REAL, trade_count INTEGER)",
                "INSERT INTO bars_1s VALUES ('IBM', '2024-02-30T00:00:00Z', 1, 2, 1, 2, 10, NULL)",
                "INSERT INTO bars_1s VALUES ('IBM', '2024-06-31 00:00:00+00:00', 1, 2, 1, 2, 10, NULL)",
                "INSERT INTO bars_1s VALUES ('IBM', '2024-01-01T24:00:00Z', 1, 2, 1, 2, 10, NULL)",
                "INSERT INTO bars_1s VALUES ('IBM', '2024-02-29T00:00:00Z', 1, 2, 1, 2, 10, NULL)");

        ExportReport report = export(new ExportSelection.All());

        assertThat(period(report, "bars_1s", "IBM", "-").rejected()).isEqualTo(Map.of("bad_timestamp", 3L));
        assertThat(period(report, "bars_1s", "IBM", "2024-02").written()).isEqualTo(1);
        assertThat(report.periods()).noneMatch(p -> p.kind().equals("bars_1s") && (p.period().equals("2024-06") || p.period().equals("2024-01")));
        assertThat(report.examples()).anySatisfy(example -> assertThat(example).contains("bad_timestamp").contains("2024-02-30T00:00:00Z"));
        Frame bars = Lake.open(lakeRoot).read(DataKind.bars(Timeframe.S1), Symbol.of("IBM"), TimeRange.ALL, List.of());
        assertThat(bars.size()).isEqualTo(1);
        assertThat(Micros.format(bars.timestamps()[0])).isEqualTo("2024-02-29T00:00:00Z");
    }

    @Test
    void aMappingNamesTablesColumnsUnitsAndZones() throws Exception {
        Sql.run(url, null, "CREATE TABLE minute (ticker TEXT, t INTEGER, o REAL, h REAL, l REAL, c REAL, v REAL)",
                "INSERT INTO minute VALUES ('SPY', 1704205800000, 470, 471, 469, 470.5, 1000)",
                "CREATE TABLE ny_quotes (sym TEXT, local_time TEXT, bid REAL, ask REAL)",
                "INSERT INTO ny_quotes VALUES ('SPY', '2024-07-01 09:30:00', 545.1, 545.12)");
        Path mapping = databases.resolve("mapping.yaml");
        Files.writeString(mapping, """
                timezone: America/New_York
                tables:
                  bars_1m:
                    table: minute
                    timestamp_unit: ms
                    columns: {symbol: ticker, timestamp: t, open: o, high: h, low: l, close: c, volume: v}
                  quotes:
                    table: ny_quotes
                    columns: {symbol: sym, timestamp: local_time, bid_price: bid, ask_price: ask}
                  bars_1d: {enabled: false}
                """);

        ExportReport report = JdbcExport.run(ExportRequest.of(url, SourceMapping.load(mapping), new ExportSelection.OneSymbol(Symbol.of("SPY"), null)),
                Lake.open(lakeRoot), Progress.NONE);

        assertThat(report.periods()).extracting(p -> p.kind() + " " + p.period() + " " + p.written())
                .containsExactly("bars_1m 2024-01 1", "quotes 2024-07 1");
        Lake lake = Lake.open(lakeRoot);
        Frame minute = lake.read(DataKind.bars(Timeframe.M1), Symbol.of("SPY"), TimeRange.ALL, List.of());
        assertThat(Micros.format(minute.timestamps()[0])).isEqualTo("2024-01-02T14:30:00Z");
        Frame quote = lake.read(DataKind.QUOTES, Symbol.of("SPY"), TimeRange.ALL, List.of());
        // 09:30 in New York in July is UTC-4.
        assertThat(Micros.format(quote.timestamps()[0])).isEqualTo("2024-07-01T13:30:00Z");
        assertThat(quote.doubles("bid_size")[0]).isNaN();
    }
}
