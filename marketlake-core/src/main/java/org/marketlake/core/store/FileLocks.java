package org.marketlake.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer per lake file at a time, across threads and processes. A process-wide lock on a hidden
 * {@code .NAME.lock} file beside the data file (an OS file lock, released by the OS if the process dies),
 * plus a JVM-wide lock, because OS file locks are per process and do not exclude two threads of one JVM.
 * Lock files are never deleted: deleting one while another process waits on it would split the lock.
 */
final class FileLocks {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private FileLocks() {}

    interface Work<T> {
        T run() throws IOException;
    }

    static <T> T withLock(Path dataFile, Work<T> work) throws IOException {
        Path normalized = dataFile.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(normalized, p -> new ReentrantLock());
        local.lock();
        try {
            Path lockFile = normalized.resolveSibling("." + normalized.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return work.run();
            }
        } finally {
            local.unlock();
        }
    }
}
