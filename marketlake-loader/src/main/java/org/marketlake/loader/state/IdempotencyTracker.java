package org.marketlake.loader.state;

import org.marketlake.core.io.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.loader.config.ChecksumAlgorithm;
import org.marketlake.loader.discovery.FileInfo;

/**
 * The idempotency state of design 000 section 1.4, {@code .processed_files.json} (name from
 * {@code idempotency.state_file}), with the flaws of the sketch fixed:
 * <ul>
 *   <li>the stored checksum is compared: a file counts as processed only while its bytes are unchanged;</li>
 *   <li>every update is read-modify-write under a lock ({@code <state file>.lock}: an OS file lock between
 *       processes, a {@link ReentrantLock} between threads of one JVM, where OS locks do not apply), written to a
 *       temporary file, forced to disk and renamed over the old one, so two processes never lose each other's
 *       entries and a crash never leaves half a file;</li>
 *   <li>a state file that cannot be parsed is an error that says how to recover, never silently reset (that
 *       would reprocess everything, or worse, hide why).</li>
 * </ul>
 */
public final class IdempotencyTracker {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path stateFile;
    private final Path rootDir;
    private final ChecksumAlgorithm algorithm;

    public IdempotencyTracker(Path stateFile, Path rootDir, ChecksumAlgorithm algorithm) {
        this.stateFile = stateFile.toAbsolutePath().normalize();
        this.rootDir = rootDir;
        this.algorithm = algorithm;
    }

    public Path stateFile() {
        return stateFile;
    }

    /** The key of a file in the state: its path below root_dir ({@code 2014/03/SYM_1min_h15_2014_03_ab12.parquet}). */
    public String keyOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path relative = absolute.startsWith(rootDir) ? rootDir.relativize(absolute) : absolute;
        return relative.toString().replace('\\', '/');
    }

    /** Every entry, in key order of the file. */
    public List<ProcessedEntry> entries() {
        ObjectNode files = (ObjectNode) readState().get("processed_files");
        List<ProcessedEntry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : files.properties()) {
            JsonNode entry = field.getValue();
            entries.add(new ProcessedEntry(field.getKey(), entry.path("file_path").asText(), entry.path("processed_at").asText(),
                    entry.path("checksum").asText(), entry.path("checksum_algorithm").asText(algorithm.configName()),
                    entry.path("status").asText(), entry.path("rows").asLong(-1), entry.path("last_timestamp").asText(null)));
        }
        return entries;
    }

    public FileState state(FileInfo file) {
        JsonNode entry = readState().get("processed_files").get(keyOf(file.path()));
        return state(entry, file.path());
    }

    /** The state of every file, read from one snapshot of the state file. */
    public Map<FileInfo, FileState> states(List<FileInfo> files) {
        JsonNode processed = readState().get("processed_files");
        Map<FileInfo, FileState> states = new LinkedHashMap<>();
        for (FileInfo file : files) {
            states.put(file, state(processed.get(keyOf(file.path())), file.path()));
        }
        return states;
    }

    /** The entry of a file, or null. */
    public ProcessedEntry entry(FileInfo file) {
        String key = keyOf(file.path());
        return entries().stream().filter(entry -> entry.key().equals(key)).findFirst().orElse(null);
    }

    private FileState state(JsonNode entry, Path file) {
        if (entry == null || !"completed".equals(entry.path("status").asText())) {
            return FileState.NEW;
        }
        ChecksumAlgorithm recorded = ChecksumAlgorithm.byName(entry.path("checksum_algorithm").asText(algorithm.configName()));
        String now = checksum(file, recorded == null ? algorithm : recorded);
        return now.equals(entry.path("checksum").asText()) ? FileState.PROCESSED : FileState.CHANGED;
    }

    public boolean isProcessed(FileInfo file) {
        return state(file) == FileState.PROCESSED;
    }

    public void markProcessed(FileInfo file, String status, long rows, String lastTimestamp) {
        markAll(List.of(new Mark(file, status, rows, lastTimestamp)));
    }

    /** One file to record: its status, rows and last timestamp (ISO-8601, or null). */
    public record Mark(FileInfo file, String status, long rows, String lastTimestamp) {}

    /** Records several files in one locked read-modify-write. */
    public void markAll(List<Mark> marks) {
        List<ObjectNode> entries = new ArrayList<>();
        for (Mark mark : marks) {
            ObjectNode entry = JSON.createObjectNode();
            entry.put("file_path", mark.file().path().toAbsolutePath().toString());
            entry.put("processed_at", Instant.now().toString());
            entry.put("checksum", checksum(mark.file().path(), algorithm));
            entry.put("checksum_algorithm", algorithm.configName());
            entry.put("status", mark.status());
            entry.put("rows", mark.rows());
            entry.put("last_timestamp", mark.lastTimestamp());
            entries.add(entry);
        }
        update(files -> {
            for (int i = 0; i < marks.size(); i++) {
                files.set(keyOf(marks.get(i).file().path()), entries.get(i));
            }
        });
    }

    private void update(Consumer<ObjectNode> change) {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(stateFile, path -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(stateFile.getParent());
            Path lockFile = stateFile.resolveSibling(stateFile.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    ObjectNode state = readState();
                    change.accept((ObjectNode) state.get("processed_files"));
                    writeAtomically(JSON.writeValueAsBytes(state));
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the idempotency state file " + stateFile, e);
        } finally {
            local.unlock();
        }
    }

    private void writeAtomically(byte[] bytes) throws IOException {
        AtomicFiles.publishBytes(stateFile, bytes);
    }

    private ObjectNode readState() {
        if (!Files.exists(stateFile)) {
            ObjectNode empty = JSON.createObjectNode();
            empty.putObject("processed_files");
            return empty;
        }
        try {
            JsonNode state = JSON.readTree(stateFile.toFile());
            if (state == null || !state.isObject() || !state.path("processed_files").isObject()) {
                throw corrupt("it is not an object with a processed_files mapping", null);
            }
            return (ObjectNode) state;
        } catch (IOException e) {
            throw corrupt(e.getMessage().lines().findFirst().orElse("unreadable"), e);
        }
    }

    private InvalidDataException corrupt(String why, Exception cause) {
        String message = "corrupt idempotency state file [file=" + stateFile + "]: " + why + ". It is not reset on its own: "
                + "restore it from a backup, or move it aside (mv " + stateFile + " " + stateFile + ".corrupt) to start "
                + "afresh, after which every file counts as new and is processed again";
        return cause == null ? new InvalidDataException(message) : new InvalidDataException(message, cause);
    }

    /** The hex digest of a file's bytes. */
    public static String checksum(Path file, ChecksumAlgorithm algorithm) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance(algorithm.javaName());
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " for its checksum", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm.javaName(), e);
        }
    }
}
