package org.marketlake.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer per lake at a time, across threads and processes: an OS lock on {@code .marketlake/writer.lock}
 * (released by the OS if the process dies, so a killed writer never blocks the next one) plus a JVM-wide lock,
 * because OS file locks are per process and do not exclude two threads of one JVM. Readers never take it.
 * The lock file is never deleted: deleting it while another process waits on it would split the lock.
 */
final class WriterLock {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private WriterLock() {}

    interface Work<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} holding the lake's writer lock, waiting for it as long as another writer holds it. */
    static <T> T hold(Path root, Work<T> work) throws IOException {
        ReentrantLock local = local(root);
        local.lock();
        try (FileChannel channel = open(root); FileLock lock = channel.lock()) {
            return work.run();
        } finally {
            local.unlock();
        }
    }

    /** Runs {@code work} holding the lock if no other writer holds it now; empty (work not run) if one does. */
    static <T> Optional<T> tryHold(Path root, Work<T> work) throws IOException {
        ReentrantLock local = local(root);
        if (!local.tryLock()) {
            return Optional.empty();
        }
        try (FileChannel channel = open(root)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                return Optional.empty();
            }
            if (lock == null) {
                return Optional.empty();
            }
            try (lock) {
                return Optional.ofNullable(work.run());
            }
        } finally {
            local.unlock();
        }
    }

    private static ReentrantLock local(Path root) {
        return IN_PROCESS.computeIfAbsent(root.toAbsolutePath().normalize(), p -> new ReentrantLock());
    }

    private static FileChannel open(Path root) throws IOException {
        Path folder = Journal.folder(root);
        Files.createDirectories(folder);
        return FileChannel.open(folder.resolve("writer.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }
}
