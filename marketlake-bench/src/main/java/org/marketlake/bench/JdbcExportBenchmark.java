package org.marketlake.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.marketlake.core.store.Lake;
import org.marketlake.core.progress.Progress;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.sources.jdbc.ExportReport;
import org.marketlake.sources.jdbc.ExportRequest;
import org.marketlake.sources.jdbc.ExportSelection;
import org.marketlake.sources.jdbc.JdbcExport;
import org.marketlake.sources.testing.LocalPostgres;
import org.marketlake.sources.jdbc.SourceMapping;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.postgresql.PGConnection;

/**
 * {@code export-to-parquet} throughput: one month of 1-second bars (January 2024, regular sessions: 21 days x 23,400
 * = 491,400 rows) from a SQLite file and from a local PostgreSQL server into a fresh lake, streamed, checked,
 * written and verified. Beside it, DuckDB writing the same rows from its own memory to one ZSTD Parquet file: the
 * floor of the write alone (DuckDB cannot read SQLite or PostgreSQL here: its scanner extensions download at run time).
 *
 * <pre>marketlake-bench/run.sh JdbcExportBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JdbcExportBenchmark {
    static final int SECONDS_PER_DAY = 23_400;

    private Path folder;
    private String sqliteUrl;
    private LocalPostgres postgres;
    private String postgresUrl;
    private LakeSql duckdb;
    private Path lakeRoot;
    private int rows;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        folder = Files.createTempDirectory("marketlake-bench-jdbc");
        StringBuilder csv = new StringBuilder();
        for (LocalDate date = LocalDate.of(2024, 1, 2); date.getMonthValue() == 1; date = date.plusDays(1)) {
            if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY || date.getDayOfMonth() == 15) {
                continue;
            }
            long open = date.atTime(14, 30).toEpochSecond(ZoneOffset.UTC);
            for (int second = 0; second < SECONDS_PER_DAY; second++, rows++) {
                double price = 180 + (rows * 7919L % 2000) / 100.0;
                double close = price + (rows % 5 - 2) / 100.0;
                csv.append("AAPL,").append((open + second) * 1_000_000L).append(',').append(price).append(',')
                        .append(Math.max(price, close) + 0.01).append(',').append(Math.min(price, close) - 0.01).append(',')
                        .append(close).append(',').append(100 + rows % 900).append(',').append(1 + rows % 30).append('\n');
            }
        }
        Path csvFile = folder.resolve("bars.csv");
        Files.writeString(csvFile, csv);

        sqliteUrl = "jdbc:sqlite:" + folder.resolve("source.db");
        try (Connection connection = DriverManager.getConnection(sqliteUrl)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE bars_1s (symbol TEXT, timestamp INTEGER, open REAL, high REAL, low REAL, close REAL, volume REAL, trade_count INTEGER)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bars_1s VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (String line : csv.toString().split("\n")) {
                    String[] f = line.split(",");
                    insert.setString(1, f[0]);
                    insert.setLong(2, Long.parseLong(f[1]));
                    for (int i = 2; i < 7; i++) {
                        insert.setDouble(i + 1, Double.parseDouble(f[i]));
                    }
                    insert.setInt(8, Integer.parseInt(f[7]));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }

        postgres = LocalPostgres.start();
        postgresUrl = postgres.createDatabase("bench");
        Properties user = new Properties();
        user.setProperty("user", postgres.user());
        try (Connection connection = DriverManager.getConnection(postgresUrl, user); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bars_1s (symbol text, timestamp timestamptz, open float8, high float8, low float8, close float8, volume float8, trade_count int)");
            statement.execute("CREATE TEMP TABLE raw (symbol text, micros bigint, open float8, high float8, low float8, close float8, volume float8, trade_count int)");
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY raw FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
            statement.execute("INSERT INTO bars_1s SELECT symbol, to_timestamp(micros / 1e6), open, high, low, close, volume, trade_count FROM raw");
            statement.execute("CREATE INDEX ON bars_1s (symbol, timestamp)");
        }

        duckdb = LakeSql.inMemory();
        duckdb.execute("CREATE TABLE bars AS SELECT column0 AS symbol, make_timestamp(column1) AS timestamp, column2 AS open, column3 AS high,"
                + " column4 AS low, column5 AS close, column6 AS volume, column7::INTEGER AS trade_count FROM read_csv('" + csvFile + "', header = false)");
    }

    @Setup(Level.Invocation)
    public void freshLake() throws IOException {
        lakeRoot = folder.resolve("lake");
        SourceBenchFiles.delete(lakeRoot);
        Files.deleteIfExists(folder.resolve("duckdb.parquet"));
    }

    private ExportReport export(String url, String user) {
        ExportReport report = JdbcExport.run(ExportRequest.of(url, SourceMapping.defaults(), new ExportSelection.All()).withUser(user, null),
                Lake.open(lakeRoot), Progress.NONE);
        if (report.written() != rows) {
            throw new IllegalStateException("exported " + report.written() + " of " + rows + " rows: " + report.lines());
        }
        return report;
    }

    @Benchmark
    public ExportReport sqliteToLake() {
        return export(sqliteUrl, null);
    }

    @Benchmark
    public ExportReport postgresToLake() {
        return export(postgresUrl, postgres.user());
    }

    @Benchmark
    public void duckdbCopyToParquet() {
        duckdb.execute("COPY bars TO '" + folder.resolve("duckdb.parquet") + "' (FORMAT parquet, COMPRESSION zstd)");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException, SQLException {
        duckdb.close();
        postgres.close();
        SourceBenchFiles.delete(folder);
    }
}
