package org.marketlake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.loader.load.ParquetDataLoader;
import org.marketlake.loader.dataset.Datasets;
import org.marketlake.loader.dataset.SampleMonths;
import org.marketlake.loader.dataset.TrainingDataset;
import org.marketlake.loader.discovery.Selection;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;
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
 * The loader issue's target: one year of 1-minute files (12 files, 30,000 rows and 50 columns each) through
 * discovery, validation, conversion, null handling, IQR outliers, a dozen features and the train/validation
 * split, beside a plain DuckDB {@code read_parquet} of the same files into Java arrays, in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class LoaderBenchmark {
    static final int ROWS = 30_000;
    static final int EXTRA_COLUMNS = 7;

    private Path dir;
    private Datasets datasets;
    private List<Path> files;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("marketlake-loader-bench");
        Path root = Files.createDirectories(dir.resolve("data"));
        files = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            Table table = SampleMonths.month(2014, month, ROWS, month);
            for (int extra = 1; extra <= EXTRA_COLUMNS; extra++) {
                double[] values = table.doubles("target_close").clone();
                for (int i = 0; i < values.length; i++) {
                    values[i] *= 1 + extra / 1000.0;
                }
                table = table.with(new TableColumn.Doubles("extra_feature_" + extra, values));
            }
            files.add(SampleMonths.write(table, SampleMonths.pathOf(root, "EURUSD", "1min", 15, 2014, month, "769b531dbb2ff3cb", "parquet")));
        }
        // The design's YAML; caching, idempotency and audit off so every iteration does the whole job; twelve
        // features: lags 1 and 5, first and second differences, rolling mean and std over 15, on two targets.
        String yaml = SampleMonths.designConfig(root)
                .replace("    cache_intermediate: true", "    cache_intermediate: false")
                .replace("  idempotency:\n    enabled: true", "  idempotency:\n    enabled: false")
                .replace("  audit:\n    enabled: true", "  audit:\n    enabled: false")
                + """
                  features:
                    columns: [target_close, target_mid]
                    lags: [1, 5]
                    rolling_windows: [15]
                    rolling_stats: [mean, std]
                    volatility_columns: []
                    spreads: false
                """;
        Path config = Files.writeString(dir.resolve("config.yaml"), yaml);
        datasets = new Datasets(ParquetDataLoader.open(config));
        TrainingDataset check = datasets.training(Selection.all().withYears(2014, 2014));
        System.out.printf("%nloader: %d + %d rows, %d columns, %d features%n", check.train().rows(), check.validation().rows(),
                check.train().names().size() + 1, check.processed().features().size());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Discovery, validation, conversion, nulls, IQR outliers, a dozen features, split and scaling. */
    @Benchmark
    public void loaderTrainingDataset(Blackhole blackhole) {
        TrainingDataset training = datasets.training(Selection.all().withYears(2014, 2014));
        blackhole.consume(training.train().rows() + training.validation().rows());
    }

    /** DuckDB reads the same twelve files, every column, into Java arrays (numbers as doubles, text as strings). */
    @Benchmark
    public void duckdbReadParquet(Blackhole blackhole) throws SQLException {
        StringBuilder list = new StringBuilder();
        for (Path file : files) {
            list.append(list.isEmpty() ? "" : ", ").append('\'').append(file).append('\'');
        }
        try (LakeSql sql = LakeSql.inMemory(); Statement statement = sql.connection().createStatement()) {
            long rows;
            try (ResultSet counted = statement.executeQuery("SELECT count(*) FROM read_parquet([" + list + "])")) {
                counted.next();
                rows = counted.getLong(1);
            }
            try (ResultSet results = statement.executeQuery("SELECT * FROM read_parquet([" + list + "])")) {
                ResultSetMetaData meta = results.getMetaData();
                int columns = meta.getColumnCount();
                Object[] arrays = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    arrays[c] = meta.getColumnTypeName(c + 1).equals("VARCHAR") ? new String[(int) rows] : new double[(int) rows];
                }
                int row = 0;
                while (results.next()) {
                    for (int c = 0; c < columns; c++) {
                        if (arrays[c] instanceof double[] values) {
                            values[row] = results.getDouble(c + 1);
                        } else {
                            ((String[]) arrays[c])[row] = results.getString(c + 1);
                        }
                    }
                    row++;
                }
                blackhole.consume(arrays);
            }
        }
    }
}
