package org.marketlake.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Year;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.marketlake.sources.testing.Sql;

/**
 * The export's contract, run against each real database (SQLite and PostgreSQL subclasses): the default layout,
 * every kind of bad source row with its documented outcome, verification counts, idempotent reruns and resuming
 * an interrupted export.
 */
abstract class ExportContractTest {
    @TempDir
    Path lakeRoot;

    /** A JDBC URL of an empty database for this test. */
    abstract String freshDatabase();

    abstract String user();

    /** The column type of timestamps with a zone: timestamptz, or TEXT in SQLite. */
    abstract String zonedTimestampType();

    /** A literal of that type for an ISO instant such as 2024-01-02T14:30:00Z. */
    String at(String iso) {
        return "'" + iso + "'";
    }

    String url;

    @BeforeEach
    void createSource() {
        url = freshDatabase();
        String ts = zonedTimestampType();
        Sql.run(url, user(),
                "CREATE TABLE bars_1m (symbol TEXT, timestamp " + ts + ", open DOUBLE PRECISION, high DOUBLE PRECISION, low DOUBLE PRECISION,"
                        + " close DOUBLE PRECISION, volume DOUBLE PRECISION, vwap DOUBLE PRECISION)",
                "CREATE TABLE bars_1d (symbol TEXT, timestamp " + ts + ", open DOUBLE PRECISION, high DOUBLE PRECISION, low DOUBLE PRECISION,"
                        + " close DOUBLE PRECISION, volume DOUBLE PRECISION)",
                "CREATE TABLE quotes (symbol TEXT, timestamp " + ts + ", bid_price DOUBLE PRECISION, bid_size DOUBLE PRECISION,"
                        + " ask_price DOUBLE PRECISION, ask_size DOUBLE PRECISION, exchange TEXT)",
                // Out of order on purpose: the 31st before the 2nd.
                bar("AAPL", "2024-01-31T23:59:00Z", "10, 11, 9, 10.5, 100, 10.2"),
                bar("AAPL", "2024-01-02T14:30:00Z", "185.5, 186, 185, 185.75, 1200, NULL"),
                bar("AAPL", "2024-02-01T00:00:00Z", "11, 12, 10, 11.5, 50, NULL"),
                bar("AAPL", "2024-02-01T00:01:00Z", "11, 12, 10, NULL, 50, NULL"),
                bar("AAPL", "2024-02-01T00:02:00Z", "11, 12, -1, 11.5, 50, NULL"),
                bar("AAPL", "2024-02-01T00:03:00Z", "11, 12, 11.2, 11.5, 50, NULL"),
                bar("AAPL", "2024-02-01T00:04:00Z", "11, 12, 10, 11.5, 60, NULL"),
                bar("AAPL", "2024-02-01T00:04:00Z", "11, 12, 10, 11.5, 60, NULL"),
                bar("AAPL", "2024-02-01T00:05:00Z", "11, 12, 10, 11.5, 70, NULL"),
                bar("AAPL", "2024-02-01T00:05:00Z", "11, 12, 10, 11.5, 71, NULL"),
                "INSERT INTO bars_1m VALUES ('AAPL', NULL, 1, 1, 1, 1, 1, NULL)",
                bar("MSFT", "2024-01-05T15:00:00Z", "370, 371, 369, 370.5, 900, 370.1"),
                "INSERT INTO bars_1d VALUES ('AAPL', " + at("2024-01-02T00:00:00Z") + ", 185, 188, 183, 187, 1000000)",
                "INSERT INTO bars_1d VALUES ('AAPL', " + at("2024-01-03T05:00:00Z") + ", 185, 188, 183, 187, 1000000)",
                "INSERT INTO quotes VALUES ('AAPL', " + at("2024-01-02T14:30:00.123456Z") + ", 185.5, 100, 185.52, 200, 'Q')",
                "INSERT INTO quotes VALUES ('AAPL', " + at("2024-01-02T14:30:01Z") + ", 185.6, NULL, 185.62, NULL, NULL)",
                "INSERT INTO quotes VALUES ('AAPL', " + at("2024-01-02T14:30:02Z") + ", 185.6, 1, 185.5, 1, 'Q')");
    }

    String bar(String symbol, String iso, String values) {
        return "INSERT INTO bars_1m VALUES ('" + symbol + "', " + at(iso) + ", " + values + ")";
    }

    ExportReport export(ExportSelection selection) {
        return JdbcExport.run(ExportRequest.of(url, SourceMapping.defaults(), selection).withUser(user(), null), Lake.open(lakeRoot), Progress.NONE);
    }

    static PeriodSummary period(ExportReport report, String kind, String symbol, String period) {
        return report.periods().stream().filter(p -> p.kind().equals(kind) && p.symbol().equals(symbol) && p.period().equals(period))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + symbol + " " + period + " in " + report.lines()));
    }

    @Test
    void everyBadRowKindHasItsDocumentedOutcome() {
        ExportReport report = export(new ExportSelection.All());

        assertThat(report.periods()).allMatch(PeriodSummary::balanced);
        PeriodSummary january = period(report, "bars_1m", "AAPL", "2024-01");
        assertThat(january.read()).isEqualTo(2);
        assertThat(january.written()).isEqualTo(2);
        PeriodSummary february = period(report, "bars_1m", "AAPL", "2024-02");
        assertThat(february.read()).isEqualTo(8);
        assertThat(february.written()).isEqualTo(2);
        assertThat(february.rejected()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "null_value", 1L, "bad_price", 1L, "inconsistent_ohlc", 1L, "duplicate_timestamp", 1L, "conflicting_duplicate", 2L));
        assertThat(period(report, "bars_1m", "AAPL", "-").rejected()).isEqualTo(Map.of("null_timestamp", 1L));
        assertThat(period(report, "bars_1d", "AAPL", "2024").rejected()).isEqualTo(Map.of("daily_not_midnight", 1L));
        assertThat(period(report, "quotes", "AAPL", "2024-01").rejected()).isEqualTo(Map.of("crossed_quote", 1L));
        assertThat(report.read()).isEqualTo(report.written() + report.rejected());
        assertThat(report.examples()).anySatisfy(example -> assertThat(example)
                .isEqualTo("bad_price: [table=bars_1m, symbol=AAPL, timestamp=2024-02-01T00:02:00Z, column=low, value=-1.0]"));
        assertThat(String.join("\n", report.lines())).contains("total: read 17, written 8, rejected 9");

        Lake lake = Lake.open(lakeRoot);
        Frame january1m = lake.read(DataKind.bars(Timeframe.M1), Symbol.of("AAPL"), TimeRange.ALL, List.of());
        assertThat(january1m.size()).isEqualTo(4);
        assertThat(Micros.format(january1m.timestamps()[0])).isEqualTo("2024-01-02T14:30:00Z");
        assertThat(january1m.doubles("close")[0]).isEqualTo(185.75);
        assertThat(january1m.doubles("vwap")[0]).isNaN();
        assertThat(january1m.doubles("vwap")[1]).isEqualTo(10.2);
        assertThat(Micros.format(january1m.timestamps()[3])).isEqualTo("2024-02-01T00:04:00Z");
        assertThat(january1m.doubles("volume")[3]).isEqualTo(60);

        Frame quotes = lake.read(DataKind.QUOTES, Symbol.of("AAPL"), TimeRange.ALL, List.of());
        assertThat(quotes.size()).isEqualTo(2);
        assertThat(Micros.format(quotes.timestamps()[0])).isEqualTo("2024-01-02T14:30:00.123456Z");
        assertThat(quotes.doubles("spread")[0]).isEqualTo(185.52 - 185.5);
        assertThat(quotes.strings("exchange")[0]).isEqualTo("Q");
        assertThat(quotes.doubles("bid_size")[1]).isNaN();
        assertThat(quotes.strings("exchange")[1]).isNull();

        Frame daily = lake.read(DataKind.bars(Timeframe.D1), Symbol.of("AAPL"), TimeRange.ALL, List.of());
        assertThat(daily.size()).isEqualTo(1);
        assertThat(Micros.format(daily.timestamps()[0])).isEqualTo("2024-01-02T00:00:00Z");
    }

    @Test
    void rerunIsIdempotentAndSkipsFinishedMonths() {
        export(new ExportSelection.All());
        Map<String, String> first = LakeSnapshot.of(lakeRoot);

        ExportReport again = export(new ExportSelection.All());

        assertThat(LakeSnapshot.of(lakeRoot)).isEqualTo(first);
        assertThat(period(again, "bars_1m", "AAPL", "2024-01").status()).isEqualTo(PeriodSummary.Status.DONE_EARLIER);
        assertThat(again.written()).isZero();

        ExportReport forced = JdbcExport.run(ExportRequest.of(url, SourceMapping.defaults(), new ExportSelection.All()).withUser(user(), null).restarting(),
                Lake.open(lakeRoot), Progress.NONE);
        assertThat(LakeSnapshot.of(lakeRoot)).isEqualTo(first);
        PeriodSummary redone = period(forced, "bars_1m", "AAPL", "2024-01");
        assertThat(redone.status()).isEqualTo(PeriodSummary.Status.EXPORTED);
        assertThat(redone.unchanged()).isEqualTo(2);
        assertThat(redone.added() + redone.replaced()).isZero();
    }

    @Test
    void anInterruptedExportResumesToTheFilesOfOneCleanRun(@TempDir Path cleanRoot) {
        JdbcExport.run(ExportRequest.of(url, SourceMapping.defaults(), new ExportSelection.All()).withUser(user(), null), Lake.open(cleanRoot), Progress.NONE);

        // Stops the export right after its first lake file is published and recorded.
        Progress crash = (stage, done, total, detail) -> {
            if (detail.endsWith("written")) {
                throw new IllegalStateException("simulated crash after " + detail);
            }
        };
        assertThatThrownBy(() -> JdbcExport.run(ExportRequest.of(url, SourceMapping.defaults(), new ExportSelection.All()).withUser(user(), null),
                Lake.open(lakeRoot), crash)).hasMessageStartingWith("simulated crash after");
        assertThat(LakeSnapshot.of(lakeRoot)).hasSizeLessThan(LakeSnapshot.of(cleanRoot).size());

        ExportReport resumed = export(new ExportSelection.All());

        assertThat(resumed.periods()).anyMatch(p -> p.status() == PeriodSummary.Status.DONE_EARLIER);
        assertThat(LakeSnapshot.of(lakeRoot)).isEqualTo(LakeSnapshot.of(cleanRoot));
    }

    @Test
    void oneSymbolAndYear() {
        Sql.run(url, user(), bar("AAPL", "2023-12-29T15:00:00Z", "9, 10, 8, 9.5, 10, NULL"));

        ExportReport report = export(new ExportSelection.OneSymbol(Symbol.of("AAPL"), Year.of(2023)));

        assertThat(report.periods()).extracting(p -> p.kind() + " " + p.period()).containsExactly("bars_1m 2023-12");
        assertThat(Lake.open(lakeRoot).files()).hasSize(1);
        assertThat(LakeSnapshot.of(lakeRoot)).containsOnlyKeys("bars/1m/AAPL.2023-12.parquet");
    }

    @Test
    void aMissingRequiredColumnStopsBeforeAnythingIsWritten() {
        Sql.run(url, user(), "CREATE TABLE bars_1s (symbol TEXT, timestamp " + zonedTimestampType() + ", open DOUBLE PRECISION)");

        assertThatThrownBy(() -> export(new ExportSelection.All()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("table bars_1s has no column high for the lake column high of bars_1s: map it with 'columns: {high: <source column>}' in the mapping");
        assertThat(LakeSnapshot.of(lakeRoot)).isEmpty();
    }
}
