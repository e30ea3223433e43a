package org.marketlake.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.error.CorruptFileException;
import org.marketlake.core.error.InvalidRowException;
import org.marketlake.core.io.AtomicFiles;
import org.marketlake.core.layout.LakeLayout;
import org.marketlake.core.model.Frame;

/**
 * Merges validated rows into one lake file and stages the result in the commit ({@link Staging}), which makes
 * it visible with the commit's other files (crash semantics: {@link Journal} and {@link AtomicFiles}).
 */
final class FilePublisher {
    private FilePublisher() {}

    static WriteResult.FileWrite mergeAndStage(LakeLayout layout, LakeLayout.FileKey key, Frame rows, Staging staging) throws IOException {
        Path target = layout.path(key);
        Path current = staging.current(target);
        Frame existing = Files.exists(current) ? LakeFiles.readWhole(layout, current, key) : null;
        if (existing != null && !staging.has(target)) {
            requireValid(layout, target, key, existing);
        }
        MergeResult merged = existing == null ? MergeResult.allNew(rows) : MergeResult.merge(existing, rows);
        if (existing == null || merged.added() > 0 || merged.replaced() > 0) {
            java.util.Map<String, String> provenance = staging.provenance(target, merged.rows().size());
            staging.stage(target, temporary -> ParquetFileWrites.write(merged.rows(), temporary, provenance));
        }
        return new WriteResult.FileWrite(target, key.period(), merged.added(), merged.replaced(), merged.unchanged(), merged.rows().size());
    }

    /**
     * Re-checks the stored rows against the write rules before a merge republishes them: a month that was
     * damaged after it was written (or written by another tool) is refused, never carried into a new file.
     */
    private static void requireValid(LakeLayout layout, Path target, LakeLayout.FileKey key, Frame existing) {
        long[] ts = existing.timestamps();
        RowValidator validator = RowValidator.of(existing);
        String name = LakeFiles.display(layout, target);
        for (int row = 0; row < existing.size(); row++) {
            if (row > 0 && ts[row] <= ts[row - 1]) {
                throw new CorruptFileException("refusing to merge into a lake file that fails validation [file=" + name + ", row=" + (row + 1)
                        + ", column=timestamp, value=" + org.marketlake.core.model.Micros.format(ts[row]) + "]: not sorted and unique; run marketlake validate");
            }
            try {
                validator.check(row, row + 1L, key.period(), micros -> name);
            } catch (InvalidRowException e) {
                throw new CorruptFileException("refusing to merge into a lake file that fails validation [file=" + name + ", row=" + e.row()
                        + ", column=" + e.column() + ", value=" + e.value() + "]: " + e.reason() + "; run marketlake validate", e);
            }
        }
    }
}
