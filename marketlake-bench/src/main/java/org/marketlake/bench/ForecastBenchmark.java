package org.marketlake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.forecast.ForecastRequest;
import org.marketlake.forecast.LakeForecasts;
import org.marketlake.forecast.model.TimedForecast;
import org.marketlake.forecast.backtest.Metrics;
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

/**
 * Issue 9's figures, each job beside DuckDB doing the same in the same run:
 * <ul>
 *   <li>{@code forecast*}: a seasonal naive forecast with empirical quantiles, 60 steps, from a lake of 60 days
 *       of 24/7 one-minute bars (86,400 rows, season 1,440), reading the Parquet files. Ours is
 *       {@code LakeForecasts.forecast} (it reads two weeks of bars for the calendar); DuckDB computes the same
 *       bands in SQL over the lake's view: seasonal differences, then per step the 0.1..0.9 quantiles of the
 *       5,000 most recent ones.</li>
 *   <li>{@code wql*}: WQL of 1,000,000 forecast steps at 9 quantile levels, values already in memory (ours in
 *       arrays, DuckDB's in a table).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ForecastBenchmark {
    static final int DAYS = 60;
    static final int SEASON = 1_440;
    static final int HORIZON = 60;
    static final int WQL_ROWS = 1_000_000;
    static final double[] LEVELS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private Path root;
    private Lake lake;
    private LakeSql overLake;
    private LakeSql inMemory;
    private ForecastRequest request;
    private double[] actual;
    private double[][] quantiles;

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        root = Files.createTempDirectory("forecast-bench");
        lake = Lake.open(root);
        Symbol symbol = Symbol.of("SYN");
        int rows = DAYS * SEASON;
        Frame.Builder bars = Frame.builder(DataKind.bars(Timeframe.M1), symbol, rows);
        Random random = new Random(9);
        long start = 1_700_006_400_000_000L; // 2023-11-15T00:00:00Z
        double close = 100;
        for (int i = 0; i < rows; i++) {
            close += 0.05 * random.nextGaussian() + 0.02 * Math.sin(2 * Math.PI * i / SEASON);
            int row = bars.add(start + i * 60_000_000L);
            for (int column : new int[] {LakeSchema.OPEN, LakeSchema.HIGH, LakeSchema.LOW, LakeSchema.CLOSE}) {
                bars.setDouble(column, row, close);
            }
            bars.setDouble(LakeSchema.VOLUME, row, 1 + random.nextInt(100));
        }
        lake.write(bars.build());
        request = new ForecastRequest(symbol, Timeframe.M1, "seasonal-naive", 0, HORIZON, Long.MAX_VALUE);
        overLake = lake.unsafeSql(lake.catalogue());

        // The WQL inputs live in DuckDB and are copied into arrays once, so both sides score the same numbers.
        inMemory = LakeSql.inMemory();
        inMemory.execute("CREATE TABLE w AS SELECT y, " + quantileColumns() + " FROM (SELECT 100 + 10 * sin(i / 50.0) + (hash(i) % 1000) / 500.0 AS y,"
                + " 100 + 10 * sin(i / 50.0) AS c FROM range(" + WQL_ROWS + ") t(i))");
        actual = new double[WQL_ROWS];
        quantiles = new double[LEVELS.length][WQL_ROWS];
        try (Statement statement = inMemory.connection().createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM w")) {
            for (int row = 0; result.next(); row++) {
                actual[row] = result.getDouble(1);
                for (int q = 0; q < LEVELS.length; q++) {
                    quantiles[q][row] = result.getDouble(q + 2);
                }
            }
        }
    }

    private static String quantileColumns() {
        StringBuilder columns = new StringBuilder();
        for (int q = 0; q < LEVELS.length; q++) {
            columns.append(q == 0 ? "" : ", ").append("c + ").append((LEVELS[q] - 0.5) * 4).append(" AS q").append(q);
        }
        return columns.toString();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        overLake.close();
        inMemory.close();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public TimedForecast forecastMarketLake() {
        return LakeForecasts.forecast(lake, request);
    }

    @Benchmark
    public double forecastDuckDb() throws SQLException {
        // For steps h <= season the step-h errors of seasonal naive are the seasonal differences d[j] = y[j] - y[j-m]
        // at j = t + h - 1 over the origins t; the 5,000 most recent origins as ours.
        String sql = "WITH s AS (SELECT row_number() OVER (ORDER BY timestamp) - 1 AS j,"
                + " close - lag(close, " + SEASON + ") OVER (ORDER BY timestamp) AS d, close FROM bars_1m WHERE symbol = 'SYN'),"
                + " n AS (SELECT count(*) AS n FROM s),"
                + " steps AS (SELECT range AS h FROM range(1, " + (HORIZON + 1) + ")),"
                + " bands AS (SELECT h, quantile_cont(d, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) AS q FROM steps, s, n"
                + "   WHERE j >= greatest(" + SEASON + ", n - h - 4999) + h - 1 GROUP BY h)"
                + " SELECT h, s.close + list_extract(q, 5) AS median FROM bands, s, n WHERE s.j = n - " + SEASON + " + h - 1 ORDER BY h";
        double sum = 0;
        try (Statement statement = overLake.connection().createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                sum += result.getDouble(2);
            }
        }
        return sum;
    }

    @Benchmark
    public double wqlMarketLake() {
        return Metrics.wql(actual, LEVELS, quantiles);
    }

    @Benchmark
    public double wqlDuckDb() throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT (");
        for (int q = 0; q < LEVELS.length; q++) {
            sql.append(q == 0 ? "" : " + ").append("sum(2 * abs((y - q").append(q).append(") * ((y <= q").append(q).append(")::INT - ")
                    .append(LEVELS[q]).append(")))");
        }
        sql.append(") / ").append(LEVELS.length).append(" / sum(abs(y)) FROM w");
        try (Statement statement = inMemory.connection().createStatement(); ResultSet result = statement.executeQuery(sql.toString())) {
            result.next();
            return result.getDouble(1);
        }
    }
}
