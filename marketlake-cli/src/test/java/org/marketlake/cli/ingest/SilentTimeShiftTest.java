package org.marketlake.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.CliRun;
import org.marketlake.core.sql.LakeSql;

/**
 * Issue #14 item 11: no timestamp is shifted silently. A zone-less Parquet timestamp is refused like zone-less CSV
 * text (exit 2) until {@code --tz} says what it means; an epoch integer whose unit puts it before 1971 or from 2100
 * on is rejected as a bad timestamp until {@code --allow-any-date}.
 */
class SilentTimeShiftTest {
    @TempDir
    Path dir;

    private String root() {
        return dir.resolve("lake").toString();
    }

    /** A Parquet file as DuckDB writes {@code TIMESTAMP} (isAdjustedToUTC=false, like pandas' naive datetime64). */
    private Path parquet(String name, String timestampSql) {
        Path file = dir.resolve(name);
        try (LakeSql sql = LakeSql.inMemory()) {
            sql.execute("COPY (SELECT " + timestampSql + " AS timestamp, CAST(10.5 AS DOUBLE) AS price, 100 AS size) TO '" + file + "' (FORMAT parquet)");
        }
        return file;
    }

    private String bars(String date) {
        CliRun query = CliRun.of("query", "--root", root(), "--timeframe", "1s", "--symbol", "IBM", "--date", date, "--format", "csv");
        assertThat(query.exitCode()).as(query.err()).isZero();
        return query.out();
    }

    @Test
    void naiveParquetTimestampsAreRefusedWithoutAZone() {
        Path file = parquet("naive.parquet", "TIMESTAMP '2024-07-01 09:30:00'");
        CliRun run = CliRun.of("ingest", "trades", "--root", root(), "--symbol", "IBM", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("marketlake: timestamp column without a time zone [file=" + file + ", column=timestamp, value=TIMESTAMP]:"
                + " its values are wall-clock times (isAdjustedToUTC=false); say which zone they are in (--tz ZONE)\n");
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("lake")).doesNotExist();
    }

    @Test
    void naiveParquetTimestampsAreReadInTheZoneGiven() {
        // 09:30 in New York is 13:30Z in summer (EDT, -4) and 14:30Z in winter (EST, -5).
        Path summer = parquet("summer.parquet", "TIMESTAMP '2024-07-01 09:30:00'");
        Path winter = parquet("winter.parquet", "CAST('2024-01-02 09:30:00.5' AS TIMESTAMP_NS)");
        CliRun run = CliRun.of("ingest", "trades", "--root", root(), "--symbol", "IBM", "--tz", "America/New_York", summer.toString(), winter.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(bars("2024-07-01")).isEqualTo("""
                symbol,timestamp,open,high,low,close,volume,trade_count,notional
                IBM,2024-07-01T13:30:00Z,10.5,10.5,10.5,10.5,100,1,1050
                """);
        assertThat(bars("2024-01-02")).isEqualTo("""
                symbol,timestamp,open,high,low,close,volume,trade_count,notional
                IBM,2024-01-02T14:30:00Z,10.5,10.5,10.5,10.5,100,1,1050
                """);
    }

    @Test
    void parquetTimestampsAdjustedToUtcNeedNoZone() {
        Path file = parquet("utc.parquet", "TIMESTAMPTZ '2024-07-01 13:30:00+00'");
        CliRun run = CliRun.of("ingest", "trades", "--root", root(), "--symbol", "IBM", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(bars("2024-07-01")).contains("IBM,2024-07-01T13:30:00Z,");
    }

    @Test
    void secondsReadAsMillisecondsAreRejectedNotStoredIn1970() throws IOException {
        Path csv = Files.writeString(dir.resolve("seconds.csv"), "timestamp,price,size\n1719840600,10.5,100\n");
        CliRun run = CliRun.of("ingest", "trades", "--root", root(), "--symbol", "IBM", "--epoch-unit", "ms", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                files read: 1
                rows read: 1
                rows accepted: 0
                rows rejected: 1
                  unparseable timestamp: 1 (first: %s:2: timestamp 1719840600: as ms since 1970 it is 1970-01-20T21:44:00.600000Z, outside 1971-01-01 to 2099-12-31: check the epoch unit, or allow any date)
                nothing to write
                """.formatted(csv));

        CliRun strict = CliRun.of("ingest", "trades", "--root", root(), "--symbol", "IBM", "--epoch-unit", "ms", "--strict", csv.toString());
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.err()).startsWith("marketlake: 1 row(s) rejected in strict mode, nothing written; first: unparseable timestamp [file="
                + csv + ", line=2, value=timestamp 1719840600: as ms since 1970 it is 1970-01-20T21:44:00.600000Z");

        CliRun right = CliRun.of("ingest", "trades", "--root", root(), "--symbol", "IBM", "--epoch-unit", "s", csv.toString());
        assertThat(right.exitCode()).as(right.err()).isZero();
        assertThat(bars("2024-07-01")).contains("IBM,2024-07-01T13:30:00Z,");
    }

    @Test
    void allowAnyDateAcceptsThemAsGiven() throws IOException {
        Path csv = Files.writeString(dir.resolve("seconds.csv"), "timestamp,price,size\n1719840600,10.5,100\n");
        CliRun run = CliRun.of("ingest", "trades", "--root", root(), "--symbol", "IBM", "--epoch-unit", "ms", "--allow-any-date", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("rows accepted: 1\n").contains("bars/1s/IBM.1970-01.parquet: 1 added");
        assertThat(bars("1970-01-20")).contains("IBM,1970-01-20T21:44:00Z,");
    }

    @Test
    void quotesAndParquetIntegersFollowTheSameRange() {
        Path file = dir.resolve("int.parquet");
        try (LakeSql sql = LakeSql.inMemory()) {
            sql.execute("COPY (SELECT 1719840600 AS timestamp, 1.0 AS bid_price, 1.5 AS ask_price) TO '" + file + "' (FORMAT parquet)");
        }
        CliRun run = CliRun.of("ingest", "quotes", "--root", root(), "--symbol", "EURUSD", "--epoch-unit", "us", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("rows accepted: 0\n")
                .contains(":1: timestamp 1719840600: as us since 1970 it is 1970-01-01T00:28:39.840600Z, outside 1971-01-01 to 2099-12-31");
        CliRun any = CliRun.of("ingest", "quotes", "--root", root(), "--symbol", "EURUSD", "--epoch-unit", "us", "--allow-any-date", file.toString());
        assertThat(any.exitCode()).as(any.err()).isZero();
        assertThat(any.out()).contains("rows accepted: 1\n");
    }

    @Test
    void barsWithAnImplausibleEpochAreADataProblem() throws IOException {
        Path csv = Files.writeString(dir.resolve("bars.csv"), "timestamp,open,high,low,close,volume\n1719840000,1,2,1,2,10\n");
        CliRun run = CliRun.of("ingest", "bars", "--root", root(), "--timeframe", "1m", "--symbol", "IBM", "--epoch-unit", "ms", csv.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("value=1719840000]").contains("as ms since 1970 it is 1970-01-20T21:44:00Z, outside 1971-01-01 to 2099-12-31");
        assertThat(dir.resolve("lake")).doesNotExist();
        CliRun any = CliRun.of("ingest", "bars", "--root", root(), "--timeframe", "1m", "--symbol", "IBM", "--epoch-unit", "ms", "--allow-any-date", csv.toString());
        assertThat(any.exitCode()).as(any.err()).isZero();
        CliRun seconds = CliRun.of("ingest", "bars", "--root", root(), "--timeframe", "1m", "--symbol", "IBM", "--epoch-unit", "s", csv.toString());
        assertThat(seconds.exitCode()).as(seconds.err()).isZero();
        assertThat(seconds.out()).contains("bars/1m/IBM.2024-07.parquet: 1 added");
    }
}
