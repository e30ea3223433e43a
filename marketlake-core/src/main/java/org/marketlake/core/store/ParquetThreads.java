package org.marketlake.core.store;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The threads that encode and decode Parquet row groups: daemon, one per core, shared by every read and write of the process. */
final class ParquetThreads {
    static final ExecutorService POOL = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "marketlake-parquet");
                thread.setDaemon(true);
                return thread;
            });

    private ParquetThreads() {}

    /** The task's result; its own IOException or RuntimeException rethrown as it was. */
    static <T> T join(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("failed: " + e.getCause(), e.getCause());
        }
    }
}
