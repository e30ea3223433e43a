package org.marketlake.cli.output;

import java.nio.file.Path;
import java.util.Locale;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.format.OutputFormat;
import picocli.CommandLine.Option;

/**
 * {@code --format} and {@code --output FILE} of every command that prints records: {@code @Mixin OutputOptions output;}.
 * The format follows the file's extension when not given; {@link OutputTarget} checks the pair.
 */
public final class OutputOptions {
    @Option(names = "--format", paramLabel = "FMT",
            description = "table, csv, json (one document) or jsonl (one record per line); parquet too for query and sql"
                    + " (default: from the --output extension, else table).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE (outside the lake root) instead of stdout.")
    Path output;

    /** Where the records go; parquet only when {@code parquet} says the command can write it. */
    public OutputTarget target(Path lakeRoot, boolean parquet) {
        OutputTarget target = OutputTarget.of(format, output, lakeRoot);
        if (target.format() == OutputFormat.PARQUET && !parquet) {
            throw new InvalidRequestException("this command prints table, csv, json or jsonl, not parquet [value="
                    + (format == null ? output : format.toLowerCase(Locale.ROOT)) + "]");
        }
        return target;
    }
}
