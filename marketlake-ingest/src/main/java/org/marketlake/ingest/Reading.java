package org.marketlake.ingest;

import java.nio.file.Path;
import java.util.List;
import org.marketlake.core.DataException;
import org.marketlake.core.Progress;
import org.marketlake.ingest.input.Inputs;
import org.marketlake.ingest.input.Reason;
import org.marketlake.ingest.input.RecordLayout;
import org.marketlake.ingest.input.Rejections;
import org.marketlake.ingest.input.RowSink;

/** Reads every input file in order into one handler, counting rows and rejections and reporting progress. */
final class Reading {
    /** Takes one parsed row; returns why it is rejected, or null when taken. */
    interface RowHandler {
        Reason take(long timestampMicros, double[] numbers, String text);
    }

    private static final long PROGRESS_EVERY = 1 << 16;
    private final Rejections rejections = new Rejections();
    private long rows;
    private long accepted;

    void readAll(List<Path> files, RecordLayout layout, IngestOptions options, RowHandler handler) {
        Progress progress = options.progress();
        for (Path file : files) {
            String name = file.toString();
            String detail = "reading " + file.getFileName();
            Inputs.read(file, layout, options.mapping(), options.timestamps(), new RowSink() {
                @Override
                public void accept(long timestampMicros, double[] numbers, String text, long line) {
                    count();
                    Reason problem = handler.take(timestampMicros, numbers, text);
                    if (problem == null) {
                        accepted++;
                    } else {
                        rejections.add(problem, name, line, describe(layout, numbers));
                    }
                }

                @Override
                public void reject(Reason reason, long line, String what) {
                    count();
                    rejections.add(reason, name, line, what);
                }

                private void count() {
                    if (++rows % PROGRESS_EVERY == 0) {
                        progress.update("ingest " + layout.label(), rows, -1, detail);
                    }
                }
            });
        }
        progress.finish();
    }

    /** With --strict, any rejection fails the ingest before anything is written. */
    void failIfStrict(IngestOptions options) {
        if (options.failOnRejection() && rejections.total() > 0) {
            Rejections.Example first = rejections.first();
            throw new DataException(rejections.total() + " row(s) rejected and --strict given, nothing written; first: "
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
