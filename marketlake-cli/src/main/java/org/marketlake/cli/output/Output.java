package org.marketlake.cli.output;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.marketlake.core.format.OutputFormat;
import org.marketlake.core.format.Rows;
import org.marketlake.core.format.RowsWriter;
import org.marketlake.core.io.AtomicFiles;

/**
 * Prints to stdout or to {@code --output FILE} in the chosen {@code --format}. A file is published whole
 * (the shared atomic publisher): a reader of FILE sees the old content or the new, never half of it.
 */
public final class Output {
    private Output() {}

    public static void print(Rows rows, OutputFormat format, Path output, ZoneId zone, PrintWriter out) {
        RowsWriter writer = new RowsWriter(zone);
        write(output, out, text -> writer.write(rows, format, text));
    }

    /** Runs {@code body} on stdout, or on a writer into {@code output} when it is not null. */
    public static void write(Path output, PrintWriter out, Consumer<PrintWriter> body) {
        if (output == null) {
            body.accept(out);
            out.flush();
            return;
        }
        try {
            Path absolute = output.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            AtomicFiles.publishStream(absolute, stream -> {
                PrintWriter file = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                body.accept(file);
                file.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
    }
}
