package org.marketlake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.ingest.Ingest;
import org.marketlake.ingest.IngestOptions;
import org.marketlake.ingest.IngestReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 3's throughput target: a trades CSV (6M ticks, about 215 MB, 21 trading days of one month) into written
 * 1-second bar files, beside DuckDB's {@code COPY (SELECT ... FROM read_csv(...) GROUP BY time_bucket(...)) TO
 * ... (FORMAT parquet)} on the same file in the same run. Ours validates, merges and publishes atomically
 * (fsync, rename); DuckDB's COPY does not flush.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class IngestTradesBenchmark {
    @Param({"6000000"})
    public long ticks;

    private Path dir;
    private Path csv;
    private int run;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("marketlake-ingest-bench");
        csv = dir.resolve("trades.csv");
        TradesCsv.write(csv, ticks, Long.MAX_VALUE, 300_000);
        System.out.println();
        System.out.println("input: " + ticks + " ticks, " + Files.size(csv) + " bytes");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** CSV to a validated, atomically published 1s bar file: every core, as {@code marketlake ingest trades}. */
    @Benchmark
    public long marketlakeIngestTrades() {
        Lake lake = Lake.open(dir.resolve("lake-" + run++));
        IngestReport report = Ingest.trades(lake, IngestOptions.of(Symbol.of("BENCH"), List.of(csv)));
        return report.writes().added();
    }

    /** The same bars by DuckDB SQL into a ZSTD Parquet file. */
    @Benchmark
    public long duckdbCopyGroupByTimeBucket() throws IOException {
        Path out = dir.resolve("duck-" + run++ + ".parquet");
        duckdbBars(csv, out);
        return Files.size(out);
    }

    /** DuckDB's 1s bars of {@code csv} into {@code out}. */
    static void duckdbBars(Path csv, Path out) {
        try (LakeSql sql = LakeSql.inMemory()) {
            sql.execute("""
                    COPY (SELECT time_bucket(INTERVAL '1 second', timestamp) AS timestamp,
                                 arg_min(price, timestamp) AS open, max(price) AS high, min(price) AS low,
                                 arg_max(price, timestamp) AS close, sum(size) AS volume, count(*) AS trade_count,
                                 sum(price * size) AS notional
                          FROM read_csv('%s', header = true, columns = {'timestamp': 'TIMESTAMPTZ', 'price': 'DOUBLE', 'size': 'DOUBLE'})
                          GROUP BY 1 ORDER BY 1)
                    TO '%s' (FORMAT parquet, COMPRESSION zstd)
                    """.formatted(csv, out));
        }
    }

    /** {@code IngestTradesBenchmark CSV OUT.parquet}: DuckDB alone, timed by the caller (ingest-big.sh). */
    public static void main(String[] args) {
        duckdbBars(Path.of(args[0]), Path.of(args[1]));
    }
}
