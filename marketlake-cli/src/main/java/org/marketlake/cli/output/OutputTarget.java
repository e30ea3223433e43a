package org.marketlake.cli.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.format.OutputFormat;

/**
 * Where a reading command's result goes and in which format. An output file inside the lake root is refused
 * (only the lake's publisher writes there); without {@code --format} the format follows the file's extension,
 * and a format that contradicts the extension (a text table into {@code x.parquet}) is refused.
 */
public record OutputTarget(OutputFormat format, Path file) {
    public static OutputTarget of(String format, Path output, Path lakeRoot) {
        OutputFormat fromExtension = output == null ? null : fromExtension(output);
        OutputFormat chosen = format != null ? OutputFormat.parse(format) : fromExtension != null ? fromExtension : OutputFormat.TABLE;
        if (fromExtension != null && chosen != fromExtension) {
            throw new InvalidRequestException("--format " + chosen.name().toLowerCase(Locale.ROOT) + " contradicts the output file's extension ["
                    + "file=" + output + "]: use --format " + fromExtension.name().toLowerCase(Locale.ROOT) + " or another file name");
        }
        if (chosen == OutputFormat.PARQUET && output == null) {
            throw new InvalidRequestException("--format parquet needs --output FILE");
        }
        if (output != null && inside(output, lakeRoot)) {
            throw new InvalidRequestException("refusing to write inside the lake root [file=" + output + ", root=" + lakeRoot
                    + "]: only ingest writes lake files; choose a path outside the root");
        }
        return new OutputTarget(chosen, output);
    }

    private static OutputFormat fromExtension(Path output) {
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return OutputFormat.PARQUET;
        }
        if (name.endsWith(".csv")) {
            return OutputFormat.CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return OutputFormat.JSONL;
        }
        if (name.endsWith(".json")) {
            return OutputFormat.JSON;
        }
        return null;
    }

    /** True when {@code output} would land under {@code root}, following symbolic links of what exists. */
    static boolean inside(Path output, Path root) {
        Path target = canonical(output.toAbsolutePath().normalize());
        Path base = canonical(root.toAbsolutePath().normalize());
        return target.startsWith(base);
    }

    /** The real path of the longest existing prefix, with the rest appended. */
    private static Path canonical(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            return path;
        }
    }
}
