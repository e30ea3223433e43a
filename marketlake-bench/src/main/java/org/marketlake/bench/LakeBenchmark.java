package org.marketlake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.sql.LakeSql;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The lake issue's targets, each beside DuckDB in the same run: one month of 1-second bars (2,000,000 rows)
 * written from memory, read whole, and one day of two columns read from a year of monthly files.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class LakeBenchmark {
    static final int ROWS = 2_000_000;
    private static final DataKind S1 = DataKind.bars(Timeframe.S1);

    private Path dir;
    private Frame month;
    private Path monthFile;
    private LakeSql duck;
    private int writes;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("marketlake-bench");
        month = SyntheticBars.seconds("BENCH", "2024-01", ROWS, 1);
        Lake monthLake = Lake.open(dir.resolve("month"));
        monthLake.write(month);
        monthFile = dir.resolve("month/bars/1s/BENCH.2024-01.parquet");
        duck = LakeSql.inMemory();
        duck.execute("CREATE TABLE bars AS SELECT * FROM read_parquet('" + monthFile + "')");
        System.out.println();
        System.out.println("file bytes: marketlake " + Files.size(monthFile) + ", duckdb zstd-3 v1 " + duckSize("V1") + ", duckdb zstd-3 v2 " + duckSize("V2"));
    }

    private long duckSize(String version) throws IOException {
        Path out = dir.resolve("duck-size-" + version + ".parquet");
        duck.execute("COPY bars TO '" + out + "' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 3, PARQUET_VERSION " + version + ")");
        return Files.size(out);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        duck.close();
        deleteTree(dir);
    }

    /** Validate, sort check, write ZSTD Parquet, fsync, rename, fsync the folder: a fresh file each time. */
    @Benchmark
    public Object writeMonthMarketLake() {
        return Lake.open(dir.resolve("w" + (writes++))).write(month);
    }

    @Benchmark
    public void writeMonthDuckDbCopy() {
        duck.execute("COPY bars TO '" + dir.resolve("duck-" + (writes++) + ".parquet") + "' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 3)");
    }

    @Benchmark
    public Frame readMonthMarketLake() {
        return Lake.open(dir.resolve("month")).read(S1, Symbol.of("BENCH"), TimeRange.ALL, List.of());
    }

    /** DuckDB scanning every column of the file inside DuckDB (no transfer to Java). */
    @Benchmark
    public Object readMonthDuckDbScan() throws SQLException {
        try (Statement s = duck.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT max(epoch_us(timestamp)), sum(open), sum(high), sum(low), sum(close), sum(volume), sum(trade_count), sum(notional), max(symbol) FROM read_parquet('" + monthFile + "')")) {
            r.next();
            return r.getObject(1);
        }
    }

    /** DuckDB reading every column into Java arrays over JDBC, as our read does. */
    @Benchmark
    public void readMonthDuckDbToJava(Blackhole blackhole) throws SQLException {
        long[] ts = new long[ROWS];
        double[] close = new double[ROWS];
        try (Statement s = duck.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT epoch_us(timestamp), open, high, low, close, volume, trade_count, notional FROM read_parquet('" + monthFile + "')")) {
            int i = 0;
            while (r.next()) {
                ts[i] = r.getLong(1);
                blackhole.consume(r.getDouble(2) + r.getDouble(3) + r.getDouble(4) + r.getDouble(6) + r.getInt(7) + r.getDouble(8));
                close[i++] = r.getDouble(5);
            }
        }
        blackhole.consume(ts);
        blackhole.consume(close);
    }

    private static final TimeRange ONE_DAY = new TimeRange(
            Micros.of(java.time.Instant.parse("2023-06-14T00:00:00Z")), Micros.of(java.time.Instant.parse("2023-06-14T23:59:59.999999Z")));

    /** A year of monthly 1s files (28 full days each), built once for the one-day benchmarks only. */
    @State(Scope.Benchmark)
    public static class Year {
        Path dir;
        Lake lake;

        @Setup(Level.Trial)
        public void build() throws IOException {
            dir = Files.createTempDirectory("marketlake-bench-year");
            lake = Lake.open(dir);
            for (int m = 1; m <= 12; m++) {
                lake.write(SyntheticBars.seconds("BENCH", String.format("2023-%02d", m), 28 * 86_400, m));
            }
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            deleteTree(dir);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Frame readDayMarketLake(Year year) {
        return year.lake.read(S1, Symbol.of("BENCH"), ONE_DAY, List.of("timestamp", "close"));
    }

    @Benchmark
    public void readDayDuckDb(Year year, Blackhole blackhole) throws SQLException {
        String glob = year.lake.root().resolve("bars/1s/BENCH.*.parquet").toString();
        try (Statement s = duck.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT epoch_us(timestamp), close FROM read_parquet('" + glob + "') "
                        + "WHERE timestamp >= '2023-06-14 00:00:00+00' AND timestamp <= '2023-06-14 23:59:59.999999+00'")) {
            while (r.next()) {
                blackhole.consume(r.getLong(1));
                blackhole.consume(r.getDouble(2));
            }
        }
    }
}
