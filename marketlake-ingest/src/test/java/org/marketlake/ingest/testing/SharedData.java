package org.marketlake.ingest.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real market data in {@code ../shared/data} (system property {@code marketlake.shared}), read as CSV rows. */
public final class SharedData {
    private SharedData() {}

    /** The file, or the test is skipped (not failed) on a machine without the shared data. */
    public static Path file(String relative) {
        String shared = System.getProperty("marketlake.shared", "../shared");
        Path file = Path.of(shared, "data").resolve(relative);
        assumeTrue(Files.isRegularFile(file), "shared data not present: " + file);
        return file;
    }

    /** Data rows (header skipped), split on commas: these files have no quoted fields. */
    public static List<String[]> rows(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
