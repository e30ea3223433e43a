package org.marketlake.core.model;

import java.nio.file.Path;
import java.util.List;
import org.marketlake.core.model.Period;

/** What one write did, file by file. */
public record WriteResult(List<FileWrite> files) {
    public WriteResult {
        files = List.copyOf(files);
    }

    /** One month (or year) file: rows added, replaced (same timestamp, other values) and unchanged. */
    public record FileWrite(Path path, Period period, long added, long replaced, long unchanged, long rowsAfter) {
        public boolean changed() {
            return added > 0 || replaced > 0;
        }
    }

    public long added() {
        return files.stream().mapToLong(FileWrite::added).sum();
    }

    public long replaced() {
        return files.stream().mapToLong(FileWrite::replaced).sum();
    }

    public long unchanged() {
        return files.stream().mapToLong(FileWrite::unchanged).sum();
    }

    public static WriteResult combine(List<WriteResult> results) {
        return new WriteResult(results.stream().flatMap(r -> r.files().stream()).toList());
    }
}
