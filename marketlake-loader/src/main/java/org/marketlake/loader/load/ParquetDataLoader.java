package org.marketlake.loader.load;

import org.marketlake.core.error.DataNotFoundException;
import org.marketlake.core.error.InvalidConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Micros;
import org.marketlake.loader.audit.AuditLogger;
import org.marketlake.loader.config.ConfigLoader;
import org.marketlake.loader.config.LoaderConfig;
import org.marketlake.loader.discovery.FileDiscovery;
import org.marketlake.loader.discovery.FileInfo;
import org.marketlake.loader.discovery.Selection;
import org.marketlake.loader.read.LoadResult;
import org.marketlake.loader.read.TableLoader;
import org.marketlake.loader.state.FileState;
import org.marketlake.loader.state.IdempotencyTracker;

/**
 * The loader of design 000 section 1.1: configuration (fail fast), discovery, reading with validation and
 * conversion, idempotency and audit. Part 2 (processing, features, datasets) builds on {@link #load}.
 *
 * <pre>{@code
 * ParquetDataLoader loader = ParquetDataLoader.open(Path.of("config/parquet_loader_config.yaml"));
 * List<FileInfo> files = loader.discoverFiles(Selection.all().withYears(2014, 2016).withSymbol("SYMBOL"));
 * LoadOutcome outcome = loader.load(Selection.all().withYears(2014, 2014).withSymbol("SYMBOL"), false, "load");
 * }</pre>
 */
public final class ParquetDataLoader {
    private final LoaderConfig config;
    private final IdempotencyTracker idempotency;
    private final AuditLogger audit;

    private ParquetDataLoader(LoaderConfig config) {
        this.config = config;
        this.idempotency = new IdempotencyTracker(config.idempotency().stateFile(), config.dataPaths().rootDir(),
                config.idempotency().checksumAlgorithm());
        this.audit = new AuditLogger(config.audit());
    }

    /** Loads and checks the configuration: a {@link InvalidConfigException} (exit 2) when anything is wrong. */
    public static ParquetDataLoader open(Path configFile) {
        return new ParquetDataLoader(ConfigLoader.load(configFile));
    }

    public static ParquetDataLoader of(LoaderConfig config) {
        return new ParquetDataLoader(config);
    }

    public LoaderConfig config() {
        return config;
    }

    public IdempotencyTracker idempotency() {
        return idempotency;
    }

    public AuditLogger audit() {
        return audit;
    }

    /** Which sub-folder of root_dir a use reads ({@code data_paths.training_subdir} and so on; root_dir when unset). */
    public enum Use { TRAINING, PREDICTION, INCREMENTAL, ANY }

    public FileDiscovery discovery(Use use) {
        Optional<String> subdir = switch (use) {
            case TRAINING -> config.dataPaths().trainingSubdir();
            case PREDICTION -> config.dataPaths().predictionSubdir();
            case INCREMENTAL -> config.dataPaths().incrementalSubdir();
            case ANY -> Optional.empty();
        };
        Path root = config.dataPaths().rootDir();
        return new FileDiscovery(config, subdir.map(root::resolve).orElse(root));
    }

    /** Every file of the selection, both formats, sorted by year, month and symbol. A year or a year range is required. */
    public List<FileInfo> discoverFiles(Selection selection) {
        requireYears(selection);
        return discovery(Use.ANY).discover(selection);
    }

    static void requireYears(Selection selection) {
        if (!selection.hasYears()) {
            throw new InvalidRequestException("give a year (2014) or a year range (2014:2016)").about("year", "year range");
        }
    }

    public boolean isAlreadyProcessed(FileInfo file) {
        return idempotency.isProcessed(file);
    }

    public void markAsProcessed(FileInfo file, String status) {
        idempotency.markProcessed(file, status, -1, null);
    }

    /**
     * Reads the selection (one series, Parquet preferred over JSON per month) into one table. With
     * {@code skipProcessed}, files the state records as processed and unchanged are left out. Successfully read
     * files are then recorded as processed (when idempotency is enabled), all inside an audit session.
     */
    public LoadOutcome load(Selection selection, boolean skipProcessed, String command) {
        return load(selection, skipProcessed, command, result -> { });
    }

    /**
     * {@link #load(Selection, boolean, String)} that hands the rows read to {@code publish} (which writes the
     * command's outputs) before anything is recorded: the files are marked processed and the session completed only
     * once {@code publish} has returned, so a failed or killed write leaves them unprocessed and the session not
     * {@code completed}. {@code publish} is not called when every file was skipped.
     */
    public LoadOutcome load(Selection selection, boolean skipProcessed, String command, Consumer<LoadResult> publish) {
        requireYears(selection);
        return audited(selection, command, session -> {
            FileDiscovery discovery = discovery(Use.TRAINING);
            List<FileInfo> discovered = discovery.discover(selection);
            session.update("files_discovered", discovered.size());
            List<FileInfo> files = discovery.resolve(discovered);
            if (files.isEmpty()) {
                throw new DataNotFoundException("No files found under "
                        + config.dataPaths().rootDir() + " for " + FileDiscovery.describe(selection));
            }
            List<FileInfo> skipped = new ArrayList<>();
            List<FileInfo> toRead = files;
            if (skipProcessed && config.idempotency().enabled()) {
                toRead = new ArrayList<>();
                for (Map.Entry<FileInfo, FileState> entry : idempotency.states(files).entrySet()) {
                    (entry.getValue() == FileState.PROCESSED ? skipped : toRead).add(entry.getKey());
                }
            }
            session.update("files_skipped", skipped.size());
            if (toRead.isEmpty()) {
                return new LoadOutcome(Optional.empty(), skipped, session.id());
            }
            LoadResult result = new TableLoader(config).load(toRead);
            publish.accept(result);
            session.recordWhenDone(result);
            session.update("files_processed", result.files().size());
            session.update("rows_loaded", result.table().rows());
            return new LoadOutcome(Optional.of(result), skipped, session.id());
        });
    }

    /** Records every file of a load as processed, in one locked update. */
    private void record(LoadResult result) {
        if (!config.idempotency().enabled()) {
            return;
        }
        List<IdempotencyTracker.Mark> marks = new ArrayList<>();
        for (LoadResult.FileStats stats : result.files()) {
            marks.add(new IdempotencyTracker.Mark(stats.file(), "completed", stats.rows(),
                    stats.rows() == 0 ? null : Micros.format(stats.lastMicros())));
        }
        idempotency.markAll(marks);
    }

    /** A running audit session (or none when auditing is off). */
    public final class Session {
        private final String id;
        private final Map<String, Object> counters = new LinkedHashMap<>();
        private final List<LoadResult> toRecord = new ArrayList<>();
        private final List<Runnable> afterRecording = new ArrayList<>();

        private Session(String id) {
            this.id = id;
        }

        public Optional<String> id() {
            return Optional.ofNullable(id);
        }

        public void update(String key, Object value) {
            counters.put(key, value);
            if (id != null) {
                audit.updateSession(id, Map.of(key, value));
            }
        }

        /**
         * Marks the files of {@code load} processed once the work has returned, that is after the outputs it
         * publishes are durable; never when the work throws.
         */
        public void recordWhenDone(LoadResult load) {
            toRecord.add(load);
        }

        /** Runs {@code step} after the files are marked processed and before the session completes. */
        public void whenRecorded(Runnable step) {
            afterRecording.add(step);
        }
    }

    /**
     * Runs {@code work} inside an audit session that ends completed, or failed (with the error) when it throws.
     * The order is what makes a kill at any point safe: the work (reading, and publishing its outputs through
     * {@link org.marketlake.core.io.AtomicFiles}) first, then the files it read are marked processed, then the
     * session is completed. A run killed before the end leaves its files unprocessed or its session
     * {@code running} (marked {@code abandoned} later), so the next run does the work again.
     */
    public <T> T audited(Selection selection, String command, Function<Session, T> work) {
        String id = null;
        if (config.audit().enabled()) {
            int[] years = selection.hasYears() ? new int[] {selection.firstYear(), selection.lastYear()} : null;
            int[] months = new int[] {selection.firstMonth(), selection.lastMonth()};
            id = audit.startSession(selection.symbol().orElse(null), years, months, command);
        }
        Session session = new Session(id);
        try {
            T result = work.apply(session);
            for (LoadResult load : session.toRecord) {
                record(load);
            }
            session.afterRecording.forEach(Runnable::run);
            if (id != null) {
                audit.endSession(id, AuditLogger.COMPLETED, null);
            }
            return result;
        } catch (RuntimeException e) {
            if (id != null) {
                audit.endSession(id, AuditLogger.FAILED, e.getMessage());
            }
            throw e;
        }
    }
}
