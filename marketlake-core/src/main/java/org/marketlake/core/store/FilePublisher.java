package org.marketlake.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.marketlake.core.WriteResult;
import org.marketlake.core.io.AtomicFiles;
import org.marketlake.core.layout.LakeLayout;
import org.marketlake.core.model.Frame;

/**
 * Merges validated rows into one lake file and publishes the result through {@link AtomicFiles} (whose javadoc
 * states the crash semantics), under the file's lock.
 */
final class FilePublisher {
    private FilePublisher() {}

    static WriteResult.FileWrite mergeAndPublish(LakeLayout layout, LakeLayout.FileKey key, Frame rows) throws IOException {
        Path target = layout.path(key);
        Files.createDirectories(target.getParent());
        return FileLocks.withLock(target, () -> {
            Frame existing = Files.exists(target) ? LakeFiles.readWhole(layout, target, key) : null;
            MergeResult merged = existing == null ? MergeResult.allNew(rows) : MergeResult.merge(existing, rows);
            if (existing == null || merged.added() > 0 || merged.replaced() > 0) {
                publish(merged.frame(), target);
            }
            return new WriteResult.FileWrite(target, key.period(), merged.added(), merged.replaced(), merged.unchanged(), merged.frame().size());
        });
    }

    static void publish(Frame frame, Path target) throws IOException {
        AtomicFiles.publish(target, temporary -> ParquetFiles.write(frame, temporary));
    }
}
