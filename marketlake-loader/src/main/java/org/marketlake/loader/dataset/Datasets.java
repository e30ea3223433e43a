package org.marketlake.loader.dataset;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marketlake.core.calendar.SessionCalendar;
import org.marketlake.core.calendar.TradingCalendar;
import org.marketlake.core.model.Micros;
import org.marketlake.core.error.DataNotFoundException;
import org.marketlake.core.error.IncompleteContextException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.marketlake.loader.load.LoadOutcome;
import org.marketlake.loader.load.ParquetDataLoader;
import org.marketlake.loader.config.LoaderConfig;
import org.marketlake.loader.config.Scaling;
import org.marketlake.loader.discovery.FileDiscovery;
import org.marketlake.loader.discovery.FileInfo;
import org.marketlake.loader.discovery.Selection;
import org.marketlake.loader.process.Moments;
import org.marketlake.loader.process.Processed;
import org.marketlake.loader.process.Processor;
import org.marketlake.loader.process.QualityChecker;
import org.marketlake.loader.process.QualityReport;
import org.marketlake.loader.read.LoadResult;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;
import org.marketlake.loader.read.TableLoader;
import org.marketlake.loader.state.FileState;
import org.marketlake.loader.state.IdempotencyTracker;
import org.marketlake.loader.state.ProcessedEntry;

/**
 * Training, prediction and incremental datasets of design 000 section 3, each inside an audit session and
 * recorded in the idempotency state. The methods that take an {@link OutputFolder} publish their files inside the
 * session, before anything is recorded: files are marked processed and the session completed only once every
 * output is durable, so a failed or killed write leaves the files to be processed again.
 */
public final class Datasets {
    private final ParquetDataLoader loader;
    private final LoaderConfig config;

    private final java.time.Clock clock;

    public Datasets(ParquetDataLoader loader) {
        this(loader, java.time.Clock.systemUTC());
    }

    /** @param clock "now" of the quality report's data freshness */
    public Datasets(ParquetDataLoader loader, java.time.Clock clock) {
        this.loader = loader;
        this.config = loader.config();
        this.clock = clock;
    }

    /**
     * The rows of a selection as loaded ({@code dataset load}), published as {@code loaded.parquet}; files the
     * state records as processed and unchanged are left out with {@code skipProcessed}.
     */
    public LoadOutcome loaded(Selection selection, boolean skipProcessed, OutputFolder output) {
        return loader.load(selection, skipProcessed, "load", result -> output.parquet("loaded.parquet", result.table()));
    }

    /**
     * The quality report of a selection as loaded ({@code dataset quality}), published as {@code quality.json}.
     *
     * @return the report and how many files it covers
     */
    public QualityCheck quality(Selection selection, OutputFolder output) {
        QualityReport[] report = new QualityReport[1];
        LoadOutcome outcome = loader.load(selection, false, "quality", load -> {
            List<String> gone = load.unavailable().stream().map(LoadResult.Unavailable::column).toList();
            List<String> expected = new ArrayList<>();
            expected.add(config.schema().datetimeColumn());
            expected.addAll(load.targets());
            expected.addAll(config.schema().featureColumns());
            expected.addAll(config.schema().timestampColumns());
            expected.removeIf(name -> gone.contains(name) && !name.equals(config.schema().datetimeColumn()));
            long step = Selection.timeframeMicros(load.files().get(0).file().timeframe());
            report[0] = QualityChecker.check(load.table(), step, Processor.valueColumns(load.table(), load.targets(), config),
                    expected, load.extraColumns(), load.unavailable().stream().map(u -> u.column() + " (" + u.reason() + ")").toList(),
                    freshness(load), config.processing());
            output.text("quality.json", report[0].toJson());
        });
        return new QualityCheck(report[0], outcome.result().orElseThrow().files().size());
    }

    /** Time since the last row, overall and per file, as of the clock's now. */
    private QualityReport.Freshness freshness(LoadResult load) {
        long now = Micros.of(clock.instant());
        List<QualityReport.FileAge> files = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (LoadResult.FileStats file : load.files()) {
            if (file.rows() > 0) {
                files.add(new QualityReport.FileAge(file.file().path().toString(), Micros.format(file.lastMicros()),
                        Math.floorDiv(now - file.lastMicros(), 1_000_000L)));
                last = Math.max(last, file.lastMicros());
            }
        }
        return new QualityReport.Freshness(Micros.format(now), last == Long.MIN_VALUE ? "none" : Micros.format(last),
                last == Long.MIN_VALUE ? 0 : Math.floorDiv(now - last, 1_000_000L), files);
    }

    /** A quality report and the number of files it covers. */
    public record QualityCheck(QualityReport report, int files) {}

    /** Loaded and processed rows of a selection, from the cache when an identical run made them before. */
    public Processed processed(Selection selection, String command) {
        return loader.audited(selection, command, session -> processed(session, selection, false));
    }

    /** {@link #processed} with features ({@code dataset features}), published as {@code features.parquet}. */
    public Processed features(Selection selection, OutputFolder output) {
        return loader.audited(selection, "features", session -> {
            Processed processed = processed(session, selection, false);
            output.parquet("features.parquet", processed.table());
            return processed;
        });
    }

    /**
     * {@code training}: the outlier fences are fitted on the training part only (the first
     * {@link #trainingRows} loaded rows), else on the rows at or before each row.
     */
    private Processed processed(ParquetDataLoader.Session session, Selection selection, boolean training) {
        FileDiscovery discovery = loader.discovery(ParquetDataLoader.Use.TRAINING);
        List<FileInfo> discovered = discovery.discover(requireYears(selection));
        session.update("files_discovered", discovered.size());
        List<FileInfo> files = discovery.resolve(discovered);
        if (files.isEmpty()) {
            throw new DataNotFoundException("No files found under " + config.dataPaths().rootDir() + " for " + FileDiscovery.describe(selection));
        }
        ProcessedCache cache = new ProcessedCache(config);
        String key = cache.enabled() ? cache.key(training ? "training" : "processed", files) : null;
        Optional<Processed> cached = key == null ? Optional.empty() : cache.get(key);
        if (cached.isPresent()) {
            session.update("files_skipped", files.size());
            session.update("cache", "hit");
            return cached.get();
        }
        LoadResult load = new TableLoader(config).load(files);
        Processed processed = training
                ? Processor.process(load.table(), load.targets(), config, Math.max(0, trainingRows(load.table().rows())))
                : Processor.process(load.table(), load.targets(), config);
        session.recordWhenDone(load);
        if (key != null) {
            // Cached only once the files are marked processed: a hit never stands for a run that did not finish.
            session.whenRecorded(() -> cache.put(key, processed));
        }
        session.update("files_processed", files.size());
        session.update("rows_loaded", load.table().rows());
        return processed;
    }

    private static Selection requireYears(Selection selection) {
        if (!selection.hasYears()) {
            throw new org.marketlake.core.error.InvalidRequestException("give a year (2014) or a year range (2014:2016)").about("year", "year range");
        }
        return selection;
    }

    /** The targets of a processed table: the configured ones, or its {@code target_*} columns. */
    public List<String> targets(Table table) {
        if (!config.schema().targetColumns().isEmpty()) {
            // Configured targets the source cannot provide are not in the table (see LoadResult.unavailable).
            return config.schema().targetColumns().stream().filter(table::has).toList();
        }
        return table.names().stream().filter(name -> name.startsWith("target_") && !name.contains("_lag")
                && !name.contains("_diff") && !name.contains("_roll_") && !name.contains("_corr_")
                && !name.contains("_volatility") && !name.endsWith("_spread_first")).toList();
    }

    public TrainingDataset training(Selection selection) {
        return training(selection, OutputFolder.none());
    }

    /**
     * The training dataset ({@code dataset train}), published as {@code train.parquet}, {@code validation.parquet}
     * and {@code scaling.json} (each scaled column's center and scale).
     */
    public TrainingDataset training(Selection selection, OutputFolder output) {
        return loader.audited(selection, "train", session -> {
            TrainingDataset training = split(processed(session, selection, true));
            output.parquet("train.parquet", training.train());
            output.parquet("validation.parquet", training.validation());
            if (config.processing().testSplit() > 0) {
                output.parquet("test.parquet", training.test());
            }
            output.text("scaling.json", scalingJson(training.scaling()));
            return training;
        });
    }

    /** {@code {"column": {"center": c, "scale": s}, ...}}, indented. */
    static String scalingJson(Map<String, double[]> scaling) {
        Map<String, Map<String, Double>> json = new LinkedHashMap<>();
        scaling.forEach((name, fitted) -> {
            Map<String, Double> pair = new LinkedHashMap<>();
            pair.put("center", fitted[0]);
            pair.put("scale", fitted[1]);
            json.put(name, pair);
        });
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot format the scaling statistics", e);
        }
    }

    /** Rows of the test part of {@code rows}: the last {@code test_split} of them. */
    int testRows(int rows) {
        return (int) Math.round(rows * config.processing().testSplit());
    }

    /**
     * Loaded rows of the training part: what is left of {@code loadedRows} after the validation and test parts
     * ({@code validation_split}, {@code test_split} of them) and a {@code split_gap} before each.
     */
    int trainingRows(int loadedRows) {
        int test = testRows(loadedRows);
        int gaps = config.processing().splitGap() * (test > 0 ? 2 : 1);
        return loadedRows - (int) Math.round(loadedRows * config.processing().validationSplit()) - test - gaps;
    }

    /**
     * Train, validation and test in time order without overlap: the training part ends where the outlier fences
     * stopped growing (the same loaded row whatever rows nulls or outliers dropped, so no later row shaped anything
     * the training rows saw); then {@code split_gap} rows left out, validation, {@code split_gap} rows left out,
     * and the last {@code test_split} of the rows as test.
     */
    private TrainingDataset split(Processed processed) {
        Table table = processed.table();
        LoaderConfig.Processing settings = config.processing();
        int trainRows = processed.fitEndMicros() == Long.MAX_VALUE
                ? trainingRows(table.rows()) : table.lastAtOrBefore(processed.fitEndMicros()) + 1;
        int gap = settings.splitGap();
        int test = testRows(table.rows());
        int testStart = table.rows() - test;
        int validationStart = trainRows + gap;
        int validationEnd = test > 0 ? testStart - gap : table.rows();
        if (trainRows < 1 || validationEnd <= validationStart) {
            throw new DataNotFoundException("too few rows to split: " + table.rows() + " rows with validation_split "
                    + settings.validationSplit() + ", test_split " + settings.testSplit() + " and split_gap " + gap
                    + " leave " + Math.max(0, trainRows) + " for training and " + Math.max(0, validationEnd - validationStart)
                    + " for validation");
        }
        List<String> targets = targets(table);
        List<String> scaled = new ArrayList<>();
        for (String name : table.numericNames()) {
            if (!targets.contains(name)) {
                scaled.add(name);
            }
        }
        Map<String, double[]> scaling = new LinkedHashMap<>();
        Table train = table.slice(0, trainRows);
        Table validation = table.slice(validationStart, validationEnd);
        Table testPart = table.slice(testStart, table.rows());
        if (settings.scaling() != Scaling.NONE) {
            for (String name : scaled) {
                double[] fitted = fit(train.doubles(name), settings.scaling());
                scaling.put(name, fitted);
                train = train.with(new TableColumn.Doubles(name, scale(train.doubles(name), fitted)));
                validation = validation.with(new TableColumn.Doubles(name, scale(validation.doubles(name), fitted)));
                testPart = testPart.with(new TableColumn.Doubles(name, scale(testPart.doubles(name), fitted)));
            }
        }
        return new TrainingDataset(train, validation, testPart, scaling, processed);
    }

    /** {center, scale} of a column's non-null values: mean and population std, or min and range. */
    static double[] fit(double[] values, Scaling scaling) {
        Moments moments = Moments.of(values);
        if (moments.count() == 0) {
            return new double[] {0, 1};
        }
        return switch (scaling) {
            case NONE -> new double[] {0, 1};
            case MINMAX -> new double[] {moments.min(), moments.max() > moments.min() ? moments.max() - moments.min() : 1};
            case STANDARD -> new double[] {moments.mean(), moments.std() > 0 ? moments.std() : 1};
        };
    }

    static double[] scale(double[] values, double[] fitted) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (values[i] - fitted[0]) / fitted[1];
        }
        return out;
    }

    /**
     * The last {@code contextLength} processed rows at or before {@code atMicros} of one series, reaching back
     * into earlier months and years as far as needed (plus enough rows for the features' windows to fill).
     */
    public PredictionDataset prediction(Selection series, long atMicros, int contextLength) {
        return prediction(series, atMicros, contextLength, false, OutputFolder.none());
    }

    /**
     * {@link #prediction(Selection, long, int)} ({@code dataset context}), published as {@code context.parquet}.
     * A history shorter than {@code contextLength} is an {@link IncompleteContextException} saying how many rows
     * exist, unless {@code allowShort}: then the context is every row there is.
     */
    public PredictionDataset prediction(Selection series, long atMicros, int contextLength, boolean allowShort, OutputFolder output) {
        return prediction(series, atMicros, contextLength, allowShort, output, 0, null);
    }

    /**
     * {@link #prediction(Selection, long, int, boolean, OutputFolder)} and the {@code horizon} bar starts a forecast
     * after the last context row covers, stepped through open time ({@link SessionCalendar}): the hours of the day the
     * series' rows show, on the trading dates of {@code calendar} (null: XNYS for a series that trades on weekdays only,
     * else the days its rows show), so no step falls on a weekend, a holiday or after an early close. Published as
     * {@code horizon.parquet} (its {@code ds} column) beside {@code context.parquet}.
     */
    public PredictionDataset prediction(Selection series, long atMicros, int contextLength, boolean allowShort, OutputFolder output,
            int horizon, TradingCalendar calendar) {
        if (horizon < 0) {
            throw new org.marketlake.core.error.InvalidRequestException("the horizon must be at least 0 steps, got " + horizon).about("horizon");
        }
        LocalDate at = LocalDate.ofInstant(Micros.toInstant(atMicros), ZoneOffset.UTC);
        Selection upTo = series.withYears(Selection.ANY_YEAR_FIRST, at.getYear()).withMonths(1, 12);
        return loader.audited(upTo, "context", session -> {
            FileDiscovery discovery = loader.discovery(ParquetDataLoader.Use.PREDICTION);
            List<FileInfo> files = new ArrayList<>();
            for (FileInfo file : discovery.resolve(discovery.discover(upTo))) {
                if (file.year() < at.getYear() || file.month() <= at.getMonthValue()) {
                    files.add(file);
                }
            }
            session.update("files_discovered", files.size());
            if (files.isEmpty()) {
                throw new DataNotFoundException("No prediction files found for " + FileDiscovery.describe(series) + " up to "
                        + Micros.format(atMicros));
            }
            // Design 3.2: no file for the prediction's month falls back to the previous month; older is stale.
            java.time.YearMonth month = java.time.YearMonth.from(at);
            FileInfo newest = files.get(files.size() - 1);
            java.time.YearMonth newestMonth = java.time.YearMonth.of(newest.year(), newest.month());
            Optional<java.time.YearMonth> fellBack = Optional.empty();
            if (!newestMonth.equals(month)) {
                if (!newestMonth.equals(month.minusMonths(1))) {
                    throw new DataNotFoundException("No prediction files found for " + FileDiscovery.describe(series) + " in " + month
                            + " or the previous month " + month.minusMonths(1) + " (the newest file before " + Micros.format(atMicros)
                            + " is of " + newestMonth + ")");
                }
                fellBack = Optional.of(newestMonth);
                session.update("fallback_month", newestMonth.toString());
            }
            int needed = contextLength + warmup();
            Table loaded = null;
            List<FileInfo> used = List.of();
            List<String> targets = List.of();
            for (int count = 1; ; count = Math.min(files.size(), count * 2)) {
                used = files.subList(files.size() - count, files.size());
                LoadResult load = new TableLoader(config).load(used);
                targets = load.targets();
                int last = load.table().lastAtOrBefore(atMicros);
                loaded = load.table().slice(0, last + 1);
                if (loaded.rows() >= needed || count == files.size()) {
                    break;
                }
            }
            if (loaded.rows() < contextLength && (!allowShort || loaded.rows() == 0)) {
                throw (IncompleteContextException) new IncompleteContextException("Insufficient context data for prediction: "
                        + contextLength + " rows needed up to " + Micros.format(atMicros) + ", the data has " + loaded.rows()
                        + (loaded.rows() == 0 ? "" : " (" + Micros.format(loaded.ds()[0]) + " .. "
                        + Micros.format(loaded.ds()[loaded.rows() - 1]) + ")") + " in " + used.size() + " files"
                        + (loaded.rows() == 0 ? "" : "; ask for at most " + loaded.rows() + " rows of context length, or allow a short context"
                        + " to take the " + loaded.rows() + " there are")).about("context length", "allow short");
            }
            Processed processed = Processor.process(loaded, targets, config);
            Table table = processed.table();
            session.update("files_processed", used.size());
            int rows = Math.min(contextLength, table.rows());
            session.update("rows_loaded", rows);
            List<Long> steps = List.of();
            String stepped = "";
            if (horizon > 0) {
                FileInfo file = used.get(used.size() - 1);
                SessionCalendar open = SessionCalendar.fromData(LakeDatasetBuilder.timeframe(file.timeframe()), table.ds(), table.rows())
                        .onDatesOfOrDefault(calendar);
                steps = java.util.Arrays.stream(open.after(table.ds()[table.rows() - 1], horizon)).boxed().toList();
                stepped = open.toString();
            }
            PredictionDataset context = new PredictionDataset(table.slice(table.rows() - rows, table.rows()), atMicros, rows, used,
                    fellBack, steps, stepped);
            output.parquet("context.parquet", context.context());
            if (horizon > 0) {
                output.parquet("horizon.parquet", Table.of(steps.stream().mapToLong(Long::longValue).toArray(), List.of()));
            }
            return context;
        });
    }

    /** Rows before the context that the longest feature window needs to fill. */
    int warmup() {
        LoaderConfig.Features features = config.features();
        int longest = Math.max(features.correlationWindow(), features.volatilityWindow() + 1);
        for (int w : features.rollingWindows()) {
            longest = Math.max(longest, w);
        }
        for (int k : features.lags()) {
            longest = Math.max(longest, k);
        }
        return longest + 2;
    }

    /** The newest row's time in a series: the default "now" of a prediction. */
    public long latest(Selection series) {
        FileDiscovery discovery = loader.discovery(ParquetDataLoader.Use.PREDICTION);
        List<FileInfo> files = discovery.resolve(discovery.discover(series));
        if (files.isEmpty()) {
            throw new DataNotFoundException("No files found for " + FileDiscovery.describe(series));
        }
        Table newest = new TableLoader(config).load(files.subList(files.size() - 1, files.size())).table();
        if (newest.rows() == 0) {
            throw new DataNotFoundException("The newest file has no rows [file=" + files.get(files.size() - 1).path() + "]");
        }
        return newest.ds()[newest.rows() - 1];
    }

    /**
     * Rows strictly after {@code afterMicros} across months up to the newest file. Files the state records as
     * processed and unchanged, whose last row is at or before the start, are skipped without reading.
     */
    public IncrementalDataset incremental(Selection series, long afterMicros) {
        return incremental(series, afterMicros, Optional.empty(), OutputFolder.none());
    }

    /**
     * {@link #incremental(Selection, long)} ({@code dataset incremental}), the new rows merged into {@code existing}
     * when given (ordered by time, a timestamp in both takes the new row), published as {@code incremental.parquet}.
     */
    public IncrementalDataset incremental(Selection series, long afterMicros, Optional<Table> existing, OutputFolder output) {
        LocalDate after = LocalDate.ofInstant(Micros.toInstant(afterMicros), ZoneOffset.UTC);
        Selection from = series.withYears(after.getYear(), Selection.ANY_YEAR_LAST).withMonths(1, 12);
        return loader.audited(from, "incremental", session -> {
            FileDiscovery discovery = loader.discovery(ParquetDataLoader.Use.INCREMENTAL);
            List<FileInfo> files = new ArrayList<>();
            for (FileInfo file : discovery.resolve(discovery.discover(from))) {
                if (file.year() > after.getYear() || file.month() >= after.getMonthValue()) {
                    files.add(file);
                }
            }
            session.update("files_discovered", files.size());
            List<FileInfo> toRead = new ArrayList<>();
            List<FileInfo> skipped = new ArrayList<>();
            IdempotencyTracker state = loader.idempotency();
            Map<FileInfo, FileState> states = config.idempotency().enabled() ? state.states(files) : Map.of();
            Map<String, ProcessedEntry> entries = new LinkedHashMap<>();
            if (config.idempotency().enabled()) {
                state.entries().forEach(entry -> entries.put(entry.key(), entry));
            }
            for (FileInfo file : files) {
                ProcessedEntry entry = entries.get(state.keyOf(file.path()));
                boolean nothingNew = states.get(file) == FileState.PROCESSED && entry != null && entry.lastTimestamp() != null
                        && Micros.of(Instant.parse(entry.lastTimestamp())) <= afterMicros;
                (nothingNew ? skipped : toRead).add(file);
            }
            session.update("files_skipped", skipped.size());
            if (toRead.isEmpty()) {
                throw new DataNotFoundException("No new data found since " + Micros.format(afterMicros) + " for "
                        + FileDiscovery.describe(series) + " (" + skipped.size() + " files hold nothing later)");
            }
            LoadResult load = new TableLoader(config).load(toRead);
            int first = load.table().lastAtOrBefore(afterMicros) + 1;
            Table rows = load.table().slice(first, load.table().rows());
            Table dataset = existing.map(base -> merge(base, rows)).orElse(rows);
            output.parquet("incremental.parquet", dataset);
            session.recordWhenDone(load);
            session.update("files_processed", toRead.size());
            session.update("rows_loaded", rows.rows());
            return new IncrementalDataset(rows, afterMicros, toRead, skipped, dataset);
        });
    }

    /**
     * The design's "last processed timestamp" of a series: the latest {@code last_timestamp} the idempotency state
     * records for its files (completed ones), or empty when it records none.
     */
    public Optional<Long> lastProcessed(Selection series) {
        if (!config.idempotency().enabled()) {
            return Optional.empty();
        }
        FileDiscovery discovery = loader.discovery(ParquetDataLoader.Use.INCREMENTAL);
        Selection everything = series.withYears(Selection.ANY_YEAR_FIRST, Selection.ANY_YEAR_LAST).withMonths(1, 12);
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (FileInfo file : discovery.resolve(discovery.discover(everything))) {
            keys.add(loader.idempotency().keyOf(file.path()));
        }
        Optional<Long> latest = Optional.empty();
        for (ProcessedEntry entry : loader.idempotency().entries()) {
            if (keys.contains(entry.key()) && "completed".equals(entry.status()) && entry.lastTimestamp() != null) {
                long micros = Micros.of(Instant.parse(entry.lastTimestamp()));
                latest = Optional.of(latest.map(previous -> Math.max(previous, micros)).orElse(micros));
            }
        }
        return latest;
    }

    /** An existing dataset with new rows merged in: ordered by time, a timestamp in both takes the new row. */
    public static Table merge(Table existing, Table incoming) {
        return TableLoader.mergeNewerWins(existing, incoming);
    }
}
