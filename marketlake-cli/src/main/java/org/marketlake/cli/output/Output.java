package org.marketlake.cli.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.marketlake.core.format.OutputFormat;
import org.marketlake.core.format.Rows;
import org.marketlake.core.format.RowsWriter;

/** Prints rows to stdout or {@code --output FILE} in the chosen {@code --format}. */
public final class Output {
    private Output() {}

    public static void print(Rows rows, OutputFormat format, Path output, ZoneId zone, PrintWriter out) {
        RowsWriter writer = new RowsWriter(zone);
        if (output == null) {
            writer.write(rows, format, out);
            return;
        }
        try {
            Path absolute = output.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            try (Writer file = Files.newBufferedWriter(absolute, StandardCharsets.UTF_8)) {
                writer.write(rows, format, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
    }
}
