package org.marketlake.ingest;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.MarketLakeException;
import org.marketlake.core.progress.Progress;
import org.marketlake.ingest.input.InputPart;
import org.marketlake.ingest.input.InputPlan;
import org.marketlake.ingest.input.Inputs;
import org.marketlake.ingest.input.Reason;
import org.marketlake.ingest.input.RecordLayout;
import org.marketlake.ingest.input.Rejections;
import org.marketlake.ingest.input.RowSink;

/**
 * Reads every input file into one accumulator, on every core: the input is cut into parts (files, and ranges of
 * large CSV files), each part is read into its own accumulator by a pool thread, and the parts are merged in
 * input order, so the result is the one a single thread would get. Counts rows and rejections (with their
 * first examples, lines numbered as in the file) and reports progress from the calling thread.
 */
final class Reading<A extends AutoCloseable> {
    /** Takes one parsed row; returns why it is rejected, or null when taken. */
    interface Taker<A> {
        Reason take(A accumulator, long timestampMicros, double[] numbers, String text);
    }

    /** How one kind of accumulator is made (with a memory budget, in seconds), fed and merged. */
    record Accumulators<A extends AutoCloseable>(LongFunction<A> create, Taker<A> taker, BiConsumer<A, A> mergeLater, long defaultBudget) {
        Reason take(A accumulator, long timestampMicros, double[] numbers, String text) {
            return taker.take(accumulator, timestampMicros, numbers, text);
        }

        void discard(A accumulator) {
            try {
                accumulator.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot discard partial results: " + e.getMessage(), e);
            }
        }
    }

    private record PartResult<A>(A accumulator, Rejections rejections, long rows, long accepted, long lines) {}

    private final Accumulators<A> accumulators;
    private final Rejections rejections = new Rejections();
    private final AtomicLong rowsSoFar = new AtomicLong();
    private long rows;
    private long accepted;

    Reading(Accumulators<A> accumulators) {
        this.accumulators = accumulators;
    }

    /** Reads all of {@code files}; the caller owns (and closes) the accumulator returned. */
    A readAll(List<Path> files, RecordLayout layout, IngestOptions options, long partBytes) {
        List<InputPart> parts = InputPlan.plan(files, partBytes);
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), parts.size()));
        int window = threads + 1;
        long budget = accumulators.defaultBudget();
        A total = accumulators.create().apply(budget / 2);
        long partBudget = Math.max(10_000, budget / 2 / window);
        Progress progress = options.progress();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "ingest-reader");
            thread.setDaemon(true);
            return thread;
        });
        ArrayDeque<Future<PartResult<A>>> running = new ArrayDeque<>();
        try {
            Path file = null;
            long lineOffset = 0;
            int next = 0;
            while (next < parts.size() || !running.isEmpty()) {
                while (next < parts.size() && running.size() < window) {
                    InputPart part = parts.get(next++);
                    running.add(pool.submit(() -> readPart(part, layout, options, partBudget)));
                }
                InputPart done = parts.get(next - running.size());
                PartResult<A> result = await(running.peekFirst(), progress, done);
                running.removeFirst();
                if (!done.file().equals(file) || done.first()) {
                    file = done.file();
                    lineOffset = done.isRange() ? 1 : 0;
                }
                rows += result.rows();
                accepted += result.accepted();
                rejections.addAll(result.rejections(), lineOffset);
                lineOffset += result.lines();
                accumulators.mergeLater().accept(total, result.accumulator());
            }
            return total;
        } catch (RuntimeException e) {
            for (Future<PartResult<A>> future : running) {
                future.cancel(true);
            }
            accumulators.discard(total);
            throw e;
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
    }

    private PartResult<A> await(Future<PartResult<A>> future, Progress progress, InputPart part) {
        String detail = "reading " + part.file().getFileName();
        while (true) {
            try {
                return future.get(250, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                progress.update("ingest", rowsSoFar.get(), -1, detail);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InvalidDataException("ingest interrupted while reading " + part.file(), e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof MarketLakeException known) {
                    throw known;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new InvalidDataException("cannot read [file=" + part.file() + "]: " + e.getCause(), e.getCause());
            }
        }
    }

    private PartResult<A> readPart(InputPart part, RecordLayout layout, IngestOptions options, long budget) {
        A accumulator = accumulators.create().apply(budget);
        Rejections partRejections = new Rejections();
        String name = part.file().toString();
        long[] counts = new long[2];
        try {
            long lines = Inputs.read(part, layout, options.mapping(), options.timestamps(), new RowSink() {
                @Override
                public void accept(long timestampMicros, double[] numbers, String text, long line) {
                    count();
                    Reason problem = accumulators.take(accumulator, timestampMicros, numbers, text);
                    if (problem == null) {
                        counts[1]++;
                    } else {
                        partRejections.add(problem, name, line, describe(layout, numbers));
                    }
                }

                @Override
                public void reject(Reason reason, long line, String what) {
                    count();
                    partRejections.add(reason, name, line, what);
                }

                private void count() {
                    if ((++counts[0] & 0xFFFF) == 0) {
                        rowsSoFar.addAndGet(0x10000);
                    }
                }
            });
            return new PartResult<>(accumulator, partRejections, counts[0], counts[1], lines);
        } catch (RuntimeException e) {
            accumulators.discard(accumulator);
            throw e;
        }
    }

    /** With --strict, any rejection fails the ingest before anything is written. */
    void failIfStrict(IngestOptions options) {
        if (options.failOnRejection() && rejections.total() > 0) {
            Rejections.Example first = rejections.first();
            throw new InvalidDataException(rejections.total() + " row(s) rejected in strict mode, nothing written; first: "
                    + rejections.reasons().get(0).label() + " [file=" + first.file() + ", line=" + first.line() + ", value=" + first.detail() + "]");
        }
    }

    long rows() {
        return rows;
    }

    long accepted() {
        return accepted;
    }

    Rejections rejections() {
        return rejections;
    }

    private static String describe(RecordLayout layout, double[] numbers) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < numbers.length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(layout.numbers().get(i)).append('=').append(numbers[i]);
        }
        return text.toString();
    }
}
