package org.marketlake.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.marketlake.core.WriteResult;
import org.marketlake.core.layout.LakeLayout;
import org.marketlake.core.model.Frame;

/**
 * Merges validated rows into one lake file and publishes the result atomically: a temporary file in the same
 * folder, forced to disk, renamed over the old file, then the folder forced. A reader sees the old file or the
 * new one; a crash at any point leaves the old file as it was and at worst a hidden {@code .tmp} file, which is
 * never read as data and is removed by the next write to that file.
 */
final class FilePublisher {
    private FilePublisher() {}

    static WriteResult.FileWrite mergeAndPublish(LakeLayout layout, LakeLayout.FileKey key, Frame rows) throws IOException {
        Path target = layout.path(key);
        Files.createDirectories(target.getParent());
        return FileLocks.withLock(target, () -> {
            removeLeftovers(target);
            Frame existing = Files.exists(target) ? LakeFiles.readWhole(layout, target, key) : null;
            MergeResult merged = existing == null ? MergeResult.allNew(rows) : MergeResult.merge(existing, rows);
            if (existing == null || merged.added() > 0 || merged.replaced() > 0) {
                publish(merged.frame(), target);
            }
            return new WriteResult.FileWrite(target, key.period(), merged.added(), merged.replaced(), merged.unchanged(), merged.frame().size());
        });
    }

    static void publish(Frame frame, Path target) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            ParquetFiles.write(frame, temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        forceFolder(target.getParent());
    }

    /** Makes the rename durable: on Linux a directory entry reaches the disk only when its folder is forced. */
    private static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Temporary files of earlier writes to {@code target} that never got renamed (a crash); we hold its lock. */
    private static void removeLeftovers(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(target.getParent(), prefix + "*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }
}
