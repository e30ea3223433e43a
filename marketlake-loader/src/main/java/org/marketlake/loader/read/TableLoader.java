package org.marketlake.loader.read;

import org.marketlake.loader.table.Table;

import java.util.ArrayList;
import org.marketlake.core.error.SchemaMismatchException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.marketlake.core.error.DataNotFoundException;
import org.marketlake.loader.config.LoaderConfig;
import org.marketlake.loader.convert.DtypeOptimizer;
import org.marketlake.loader.discovery.FileInfo;

/**
 * Reads the files of one series (in parallel with {@code performance.n_workers} when {@code use_parallel}),
 * concatenates them in time order, drops rows whose timestamp a later file also holds (the later file wins; a
 * file's own duplicate timestamps are kept for the quality report to see), and applies the dtype settings.
 */
public final class TableLoader {
    private final LoaderConfig config;
    private final FileReader reader;

    public TableLoader(LoaderConfig config) {
        this.config = config;
        this.reader = new FileReader(config);
    }

    public LoadResult load(List<FileInfo> files) {
        if (files.isEmpty()) {
            throw new DataNotFoundException("No files to load");
        }
        List<String> targets = config.schema().targetColumns().isEmpty()
                ? reader.validate(files.get(0), List.of()).targets() : config.schema().targetColumns();
        MemoryBudget budget = new MemoryBudget(config.performance().memoryLimitBytes(), config.performance().memoryLimitText());
        List<FileTable> tables = readAll(files, targets, budget);
        List<Table> parts = new ArrayList<>();
        List<LoadResult.FileStats> stats = new ArrayList<>();
        LinkedHashSet<String> extras = new LinkedHashSet<>();
        for (FileTable table : tables) {
            parts.add(table.table());
            long[] ds = table.table().ds();
            long first = Long.MIN_VALUE;
            long last = Long.MIN_VALUE;
            for (long micros : ds) {
                first = first == Long.MIN_VALUE ? micros : Math.min(first, micros);
                last = Math.max(last, micros);
            }
            stats.add(new LoadResult.FileStats(table.file(), ds.length, first, last));
            extras.addAll(table.schema().extras());
        }
        List<LoadResult.Unavailable> unavailable = new ArrayList<>();
        for (String name : tables.get(0).schema().unavailable()) {
            unavailable.add(new LoadResult.Unavailable(name, "not in the files"));
        }
        for (FileTable table : tables) {
            if (!table.schema().unavailable().equals(tables.get(0).schema().unavailable())) {
                List<String> differ = new ArrayList<>(table.schema().unavailable());
                differ.removeAll(tables.get(0).schema().unavailable());
                List<String> other = new ArrayList<>(tables.get(0).schema().unavailable());
                other.removeAll(table.schema().unavailable());
                FileTable lacking = differ.isEmpty() ? tables.get(0) : table;
                String column = differ.isEmpty() ? other.get(0) : differ.get(0);
                throw new SchemaMismatchException("Required column missing [file=" + lacking.file().path() + ", column=" + column
                        + "]: other files of the load have it, so the source provides it and every file must");
            }
        }
        Table joined = Table.concat(parts);
        // A target or feature without a single value in the whole load is one the source cannot provide (quote
        // targets of a lake without quotes): reported once as unavailable and left out of everything after.
        List<String> valued = new ArrayList<>(targets);
        for (String name : config.schema().featureColumns()) {
            if (!valued.contains(name)) {
                valued.add(name);
            }
        }
        List<String> keep = new ArrayList<>();
        for (String name : joined.names()) {
            if (valued.contains(name) && joined.column(name).isNumeric() && joined.rows() > 0 && allNull(joined.doubles(name))) {
                unavailable.add(new LoadResult.Unavailable(name, "no values"));
            } else {
                keep.add(name);
            }
        }
        List<String> gone = unavailable.stream().map(LoadResult.Unavailable::column).toList();
        List<String> available = targets.stream().filter(name -> !gone.contains(name)).toList();
        if (available.isEmpty()) {
            throw new SchemaMismatchException("No target column holds a value [file=" + files.get(0).path() + "]: "
                    + String.join(", ", targets) + " are all null");
        }
        targets = available;
        if (keep.size() < joined.names().size()) {
            joined = joined.project(keep);
        }
        int[] fileOf = new int[joined.rows()];
        int at = 0;
        for (int f = 0; f < parts.size(); f++) {
            for (int r = 0; r < parts.get(f).rows(); r++) {
                fileOf[at++] = f;
            }
        }
        int[] kept = keepLatestFile(joined.ds(), fileOf);
        Table deduped = kept.length == joined.rows() && isIdentity(kept) ? joined : joined.select(kept);
        long before = deduped.memoryBytes();
        Table optimized = DtypeOptimizer.optimize(deduped, config.processing().optimizeDtypes(), config.processing().useCategorical());
        return new LoadResult(optimized, stats, joined.rows() - kept.length, before, optimized.memoryBytes(),
                targets, List.copyOf(extras), unavailable);
    }

    private static boolean allNull(double[] values) {
        for (double value : values) {
            if (!Double.isNaN(value)) {
                return false;
            }
        }
        return true;
    }

    private List<FileTable> readAll(List<FileInfo> files, List<String> targets, MemoryBudget budget) {
        int workers = config.performance().useParallel() ? Math.min(config.performance().nWorkers(), files.size()) : 1;
        if (workers <= 1) {
            List<FileTable> tables = new ArrayList<>();
            for (FileInfo file : files) {
                tables.add(reader.read(file, targets, budget));
            }
            return tables;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "loader-read");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<FileTable>> futures = new ArrayList<>();
            for (FileInfo file : files) {
                futures.add(pool.submit(() -> reader.read(file, targets, budget)));
            }
            List<FileTable> tables = new ArrayList<>();
            for (Future<FileTable> future : futures) {
                tables.add(future.get());
            }
            return tables;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading files", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Rows of {@code older} and {@code newer} in time order; where both hold a timestamp, {@code newer}'s rows win. */
    public static Table mergeNewerWins(Table older, Table newer) {
        Table joined = Table.concat(java.util.List.of(older, newer.project(older.names())));
        int[] fileOf = new int[joined.rows()];
        java.util.Arrays.fill(fileOf, older.rows(), fileOf.length, 1);
        return joined.select(keepLatestFile(joined.ds(), fileOf));
    }

    /**
     * Row order sorted by time (stable), keeping of each timestamp only the rows of the latest file that has it.
     */
    static int[] keepLatestFile(long[] ds, int[] fileOf) {
        int[] order = TimeOrder.stableOrder(ds);
        int[] kept = new int[order.length];
        int count = 0;
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            while (end < order.length && ds[order[end]] == ds[order[start]]) {
                end++;
            }
            int latest = -1;
            for (int i = start; i < end; i++) {
                latest = Math.max(latest, fileOf[order[i]]);
            }
            for (int i = start; i < end; i++) {
                if (fileOf[order[i]] == latest) {
                    kept[count++] = order[i];
                }
            }
            start = end;
        }
        return java.util.Arrays.copyOf(kept, count);
    }

    private static boolean isIdentity(int[] order) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }
}
