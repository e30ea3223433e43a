package org.marketlake.cli.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The smallest loader configuration {@code dataset build} writes and the other {@code dataset} commands read. */
public final class BuildConfig {
    private BuildConfig() {}

    /** Writes {@code file}: files under {@code rootDir}, the design's naming regex, datetime column {@code ds}; then {@code more}. */
    public static Path write(Path file, Path rootDir, String more) throws IOException {
        return Files.writeString(file, """
                parquet_loader:
                  data_paths:
                    root_dir: "%s"
                  file_patterns:
                    naming_regex: "([A-Z]+)_([0-9]+min)_h([0-9]+)_([0-9]{4})_([0-9]{2})_([a-f0-9]+)\\\\.(parquet|json)$"
                  schema:
                    datetime_column: "ds"
                """.formatted(rootDir) + more);
    }
}
