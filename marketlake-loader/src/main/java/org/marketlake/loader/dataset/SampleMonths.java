package org.marketlake.loader.dataset;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

/**
 * Month files shaped like design 000's column template (targets, {@code __index_level_0__}, yield-curve spreads
 * with their dates, commodities, indices, {@code close}, {@code target}), with seeded random-walk values: 1-minute
 * rows around the clock on weekdays, none on weekends, as an FX feed has them. For demos, tests and benchmarks.
 */
public final class SampleMonths {
    public static final List<String> TARGETS = List.of("target_bid_first", "target_ask_first", "target_open", "target_close",
            "target_high", "target_low", "target_mid", "target_volatility", "target_returns", "target_spread");
    public static final List<String> YIELD_CURVE = List.of("spread_10Y_2Y_GS10", "spread_10Y_2Y_GS2", "spread_10Y_2Y_10Y_2Y",
            "spread_10Y_2Y_GS3M", "spread_10Y_2Y_10Y_3M", "spread_10Y_3M_GS10", "spread_10Y_3M_GS2", "spread_10Y_3M_10Y_2Y",
            "spread_10Y_3M_GS3M", "spread_10Y_3M_10Y_3M");
    public static final List<String> COMMODITIES = List.of("gold_xauusd_bid", "gold_xauusd_ask", "gold_xauusd_bid_volume",
            "gold_xauusd_ask_volume", "oil_brent_bid", "oil_brent_ask", "oil_brent_bid_volume", "oil_brent_ask_volume");
    public static final List<String> INDICES = List.of("dxy_index_bid", "dxy_index_ask", "dxy_index_bid_volume",
            "dxy_index_ask_volume", "vix_index_vix_close", "vix_index_vix_high", "vix_index_vix_low", "vix_index_vix_open",
            "vix_index_volume");
    public static final List<String> TIMESTAMPS = List.of("spread_10Y_2Y_date", "spread_10Y_3M_date");
    private static final long MINUTE = 60_000_000L;

    private SampleMonths() {}

    /** Up to {@code rows} weekday minutes from the start of the month (fewer when the month ends first). */
    public static Table month(int year, int month, int rows, long seed) {
        LocalDate first = LocalDate.of(year, month, 1);
        long start = first.toEpochDay() * 86_400_000_000L;
        long end = first.plusMonths(1).toEpochDay() * 86_400_000_000L;
        long[] ds = new long[rows];
        int count = 0;
        for (long t = start; t < end && count < rows; t += MINUTE) {
            DayOfWeek day = LocalDate.ofEpochDay(Math.floorDiv(t, 86_400_000_000L)).getDayOfWeek();
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                ds[count++] = t;
            }
        }
        return values(java.util.Arrays.copyOf(ds, count), seed);
    }

    /** Template columns for the given timestamps, values a seeded random walk. */
    public static Table values(long[] ds, long seed) {
        Random random = new Random(seed);
        int n = ds.length;
        double[][] targets = new double[TARGETS.size()][n];
        double[][] yields = new double[YIELD_CURVE.size()][n];
        double[][] commodities = new double[COMMODITIES.size()][n];
        double[][] indices = new double[INDICES.size()][n];
        long[][] dates = new long[TIMESTAMPS.size()][n];
        double[] index = new double[n];
        double price = 1.30 + random.nextDouble() * 0.1;
        double gold = 1300;
        double oil = 108;
        double dxy = 80;
        double vix = 14;
        double gs10 = 2.7;
        double gs2 = 0.4;
        double gs3m = 0.05;
        long day = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long today = Math.floorDiv(ds[i], 86_400_000_000L);
            if (today != day) {
                day = today;
                gs10 += random.nextGaussian() * 0.02;
                gs2 += random.nextGaussian() * 0.01;
                gs3m = Math.max(0.01, gs3m + random.nextGaussian() * 0.005);
            }
            double previous = price;
            price = round(price * Math.exp(random.nextGaussian() * 0.0002), 5);
            double spread = round(0.0001 + random.nextDouble() * 0.0002, 5);
            double high = round(Math.max(previous, price) + random.nextDouble() * 0.0002, 5);
            double low = round(Math.min(previous, price) - random.nextDouble() * 0.0002, 5);
            double bid = round(previous - spread / 2, 5);
            double[] row = {bid, round(bid + spread, 5), previous, price, high, low, price,
                    Math.abs(Math.log(price / previous)), Math.log(price / previous), spread};
            for (int t = 0; t < row.length; t++) {
                targets[t][i] = row[t];
            }
            double[] yieldRow = {gs10, gs2, gs10 - gs2, gs3m, gs10 - gs3m, gs10, gs2, gs10 - gs2, gs3m, gs10 - gs3m};
            for (int y = 0; y < yieldRow.length; y++) {
                yields[y][i] = round(yieldRow[y], 4);
            }
            // The yield data of a day is published after its close: each row carries the previous day's values.
            dates[0][i] = (today - 1) * 86_400_000_000L;
            dates[1][i] = (today - 1) * 86_400_000_000L;
            gold = round(gold + random.nextGaussian() * 0.2, 2);
            oil = round(oil + random.nextGaussian() * 0.02, 2);
            double[] commodityRow = {gold, gold + 0.3, random.nextInt(100), random.nextInt(100), oil, oil + 0.03,
                    random.nextInt(50), random.nextInt(50)};
            for (int c = 0; c < commodityRow.length; c++) {
                commodities[c][i] = commodityRow[c];
            }
            dxy = round(dxy + random.nextGaussian() * 0.01, 3);
            vix = round(Math.max(9, vix + random.nextGaussian() * 0.05), 2);
            double[] indexRow = {dxy, dxy + 0.01, random.nextInt(20), random.nextInt(20), vix, vix + 0.1, vix - 0.1, vix,
                    random.nextInt(1000)};
            for (int c = 0; c < indexRow.length; c++) {
                indices[c][i] = indexRow[c];
            }
            index[i] = i;
        }
        List<TableColumn> columns = new ArrayList<>();
        for (int t = 0; t < TARGETS.size(); t++) {
            columns.add(new TableColumn.Doubles(TARGETS.get(t), targets[t]));
        }
        columns.add(new TableColumn.Doubles("__index_level_0__", index));
        for (int y = 0; y < YIELD_CURVE.size(); y++) {
            columns.add(new TableColumn.Doubles(YIELD_CURVE.get(y), yields[y]));
        }
        for (int d = 0; d < TIMESTAMPS.size(); d++) {
            columns.add(new TableColumn.Times(TIMESTAMPS.get(d), dates[d]));
        }
        for (int c = 0; c < COMMODITIES.size(); c++) {
            columns.add(new TableColumn.Doubles(COMMODITIES.get(c), commodities[c]));
        }
        for (int c = 0; c < INDICES.size(); c++) {
            columns.add(new TableColumn.Doubles(INDICES.get(c), indices[c]));
        }
        columns.add(new TableColumn.Doubles("close", targets[3].clone()));
        columns.add(new TableColumn.Doubles("target", targets[3].clone()));
        return Table.of(ds, columns);
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    /** {@code {root}/{YYYY}/{MM}/{SYMBOL}_{TIMEFRAME}_h{H}_{YYYY}_{MM}_{HASH}.{extension}}. */
    public static Path pathOf(Path root, String symbol, String timeframe, int horizon, int year, int month, String hash, String extension) {
        return root.resolve(String.format("%04d", year)).resolve(String.format("%02d", month))
                .resolve(String.format("%s_%s_h%d_%04d_%02d_%s.%s", symbol, timeframe, horizon, year, month, hash, extension));
    }

    /** Writes a month as Parquet (ds as text, as the template has it) or records JSON. */
    public static Path write(Table table, Path file) {
        if (file.getFileName().toString().endsWith(".json")) {
            TableWriter.writeJsonRecords(table, file);
        } else {
            TableWriter.writeParquet(table, file, TableWriter.TimeFormat.TEXT);
        }
        return file;
    }

    /** The YAML of design 000 section 2.1, unchanged but for {@code root_dir}. */
    public static String designConfig(Path root) {
        return """
                # config/parquet_loader_config.yaml
                parquet_loader:
                  data_paths:
                    root_dir: "%s"
                    training_subdir: null
                    prediction_subdir: null
                    incremental_subdir: null
                  file_patterns:
                    parquet_extension: ".parquet"
                    json_extension: ".json"
                    naming_regex: "([A-Z]+)_([0-9]+min)_h([0-9]+)_([0-9]{4})_([0-9]{2})_([a-f0-9]+)\\\\.(parquet|json)$"
                  directory_structure:
                    year_format: "YYYY"
                    month_format: "MM"
                  schema:
                    datetime_column: "ds"
                    target_columns:
                %s
                    feature_columns:
                      yield_curve:
                %s
                      commodities:
                %s
                      indices:
                %s
                    timestamp_columns:
                %s
                  processing:
                    null_handling: "forward_fill"
                    outlier_detection: true
                    outlier_method: "iqr"
                    outlier_threshold: 3.0
                    optimize_dtypes: true
                    use_categorical: true
                    chunk_size: 10000
                  performance:
                    use_parallel: true
                    n_workers: 4
                    memory_limit: "2GB"
                    cache_intermediate: true
                    cache_dir: "data/cache/parquet"
                  idempotency:
                    enabled: true
                    state_file: ".processed_files.json"
                    checksum_algorithm: "md5"
                  audit:
                    enabled: true
                    log_dir: "audit_logs"
                    session_timeout_hours: 24
                    max_log_files: 100
                """.formatted(root.toAbsolutePath().toString().replace("\\", "/"), items(TARGETS, 6), items(YIELD_CURVE, 8),
                items(COMMODITIES, 8), items(INDICES, 8), items(TIMESTAMPS, 6));
    }

    private static String items(List<String> names, int indent) {
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append(" ".repeat(indent)).append("- \"").append(name).append("\"\n");
        }
        return text.toString().stripTrailing();
    }
}
