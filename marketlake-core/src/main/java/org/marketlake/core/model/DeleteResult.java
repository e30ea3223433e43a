package org.marketlake.core.model;

import java.nio.file.Path;
import java.util.List;

/** What a delete did, file by file: rows removed and rows left (a file left with none is removed). */
public record DeleteResult(List<FileDelete> files) {
    public DeleteResult {
        files = List.copyOf(files);
    }

    public record FileDelete(Path path, Period period, long removed, long rowsAfter) {}

    public long removed() {
        return files.stream().mapToLong(FileDelete::removed).sum();
    }

    public static DeleteResult combine(List<DeleteResult> results) {
        return new DeleteResult(results.stream().flatMap(result -> result.files().stream()).toList());
    }
}
