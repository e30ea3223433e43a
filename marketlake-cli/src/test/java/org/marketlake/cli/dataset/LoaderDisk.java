package org.marketlake.cli.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.loader.dataset.SampleMonths;

/**
 * Three months of the design's template (December 2013: 300 rows, January 2014: 400, February 2014: 100) and a
 * loader configuration with validation_split 0.25, and what the loader left on disk, read from the files
 * themselves: the idempotency state, the audit sessions, temporary files, Parquet row counts.
 */
final class LoaderDisk {
    static final String DECEMBER = "2013/12/EURUSD_1min_h15_2013_12_769b531dbb2ff3cb.parquet";
    static final String JANUARY = "2014/01/EURUSD_1min_h15_2014_01_769b531dbb2ff3cb.parquet";
    static final String FEBRUARY = "2014/02/EURUSD_1min_h15_2014_02_769b531dbb2ff3cb.parquet";
    private static final ObjectMapper JSON = new ObjectMapper();
    final Path dir;
    final Path root;
    final Path config;

    private LoaderDisk(Path dir) throws IOException {
        this.dir = dir;
        this.root = Files.createDirectories(dir.resolve("data"));
        SampleMonths.write(SampleMonths.month(2013, 12, 300, 1), root.resolve(DECEMBER));
        SampleMonths.write(SampleMonths.month(2014, 1, 400, 2), root.resolve(JANUARY));
        SampleMonths.write(SampleMonths.month(2014, 2, 100, 3), root.resolve(FEBRUARY));
        this.config = Files.writeString(dir.resolve("config.yaml"), SampleMonths.designConfig(root)
                .replace("    chunk_size: 10000", "    chunk_size: 10000\n    validation_split: 0.25"));
    }

    static LoaderDisk create(Path dir) throws IOException {
        return new LoaderDisk(dir);
    }

    /** The keys {@code .processed_files.json} lists as completed (none when the file does not exist). */
    Set<String> processed() throws IOException {
        Path state = root.resolve(".processed_files.json");
        Set<String> keys = new TreeSet<>();
        if (Files.exists(state)) {
            JSON.readTree(state.toFile()).path("processed_files").properties().forEach(entry -> {
                if ("completed".equals(entry.getValue().path("status").asText())) {
                    keys.add(entry.getKey());
                }
            });
        }
        return keys;
    }

    /** Every audit session file's JSON, in name order (an empty file is an id reserved by a killed start). */
    List<JsonNode> sessions() throws IOException {
        Path logs = root.resolve("audit_logs");
        List<JsonNode> sessions = new ArrayList<>();
        if (Files.isDirectory(logs)) {
            try (Stream<Path> files = Files.list(logs)) {
                for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().toList()) {
                    if (Files.size(file) > 0) {
                        sessions.add(JSON.readTree(file.toFile()));
                    }
                }
            }
        }
        return sessions;
    }

    /** The statuses of {@link #sessions()}. */
    List<String> statuses() throws IOException {
        return sessions().stream().map(session -> session.path("status").asText()).toList();
    }

    /** Every temporary file anywhere below the test folder, in any naming ({@code .x.tmp}, {@code .x.tmp-...}, {@code tmp_x}). */
    List<Path> temporaries() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(path -> {
                String name = path.getFileName().toString();
                return name.contains(".tmp") || name.startsWith("tmp_");
            }).toList();
        }
    }

    static long rows(Path parquet) {
        try (LakeSql sql = LakeSql.inMemory()) {
            return (Long) sql.query("SELECT count(*) FROM read_parquet('" + parquet + "')").rows().get(0)[0];
        }
    }
}
