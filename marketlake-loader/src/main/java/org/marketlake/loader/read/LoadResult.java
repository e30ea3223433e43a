package org.marketlake.loader.read;

import org.marketlake.loader.table.Table;

import java.util.List;
import org.marketlake.loader.discovery.FileInfo;

/**
 * A load: the rows of every file in time order, with what happened on the way.
 *
 * @param duplicatesDropped rows whose timestamp a later file also holds (the later file wins)
 * @param memoryBefore bytes as read (numbers as doubles, text as strings)
 * @param memoryAfter bytes after {@code optimize_dtypes} and {@code use_categorical}
 * @param extraColumns columns present in the files but not configured (reported, not loaded)
 * @param targets the targets that hold values
 * @param unavailable configured columns the source cannot provide (absent from every file, or without a single
 *     value in the load): not in the table, left out of nulls, outliers, features and quality
 */
public record LoadResult(Table table, List<FileStats> files, int duplicatesDropped,
        long memoryBefore, long memoryAfter, List<String> targets, List<String> extraColumns, List<Unavailable> unavailable) {
    /** A configured column the source cannot provide, and why ({@code not in the files}, {@code no values}). */
    public record Unavailable(String column, String reason) {
        public Unavailable {
            java.util.Objects.requireNonNull(column, "column");
            java.util.Objects.requireNonNull(reason, "reason");
        }
    }

    /** One file of the load: its rows and first and last timestamps (epoch microseconds; MIN_VALUE when empty). */
    public record FileStats(FileInfo file, int rows, long firstMicros, long lastMicros) {}

    public LoadResult {
        files = List.copyOf(files);
        targets = List.copyOf(targets);
        extraColumns = List.copyOf(extraColumns);
        unavailable = List.copyOf(unavailable);
    }
}
