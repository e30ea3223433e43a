package org.marketlake.core.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.marketlake.core.error.CorruptFileException;
import org.marketlake.core.io.AtomicFiles;
import org.marketlake.core.model.FileOrigin;
import org.marketlake.core.model.LakeCommit;

/**
 * The lake's history: one JSON file per commit in {@code .marketlake/log/} (named by sequence, so listing order is
 * commit order), and the versions each commit replaced or removed, kept as hard links in
 * {@code .marketlake/versions/<sequence>-<id>/} with the lake's own relative paths. A link costs no space
 * until the lake file it was is replaced; {@code gc} drops versions older than the retention.
 *
 * <p>The log entry rides in the commit's journal: it is published after the renames, by the committer or by
 * whoever recovers the commit, so the log and the files agree after any crash.
 */
final class History {
    private static final ObjectMapper JSON = new ObjectMapper();

    private History() {}

    static Path logFolder(Path root) {
        return Journal.folder(root).resolve("log");
    }

    static Path versionsFolder(Path root) {
        return Journal.folder(root).resolve("versions");
    }

    static Path versionsOf(Path root, LakeCommit commit) {
        return versionsFolder(root).resolve(name(commit.sequence(), commit.id()));
    }

    private static String name(long sequence, String id) {
        return String.format("%010d-%s", sequence, id);
    }

    /** Every commit, oldest first. */
    static List<LakeCommit> read(Path root) {
        Path folder = logFolder(root);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            files.forEach(entries::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lake's history [folder=" + folder + "]", e);
        }
        entries.sort(Comparator.comparing(path -> path.getFileName().toString()));
        List<LakeCommit> commits = new ArrayList<>();
        for (Path entry : entries) {
            try {
                commits.add(JSON.readValue(entry.toFile(), LakeCommit.class));
            } catch (IOException e) {
                throw new CorruptFileException("a history entry is unreadable [file=" + folder.getFileName() + "/" + entry.getFileName() + "]: "
                        + e.getMessage(), e);
            }
        }
        return commits;
    }

    /** The sequence number the next commit takes. The caller holds the writer lock. */
    static long nextSequence(Path root) {
        Path folder = logFolder(root);
        long last = 0;
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    int dash = name.indexOf('-');
                    if (dash > 0 && name.substring(0, dash).chars().allMatch(Character::isDigit)) {
                        last = Math.max(last, Long.parseLong(name.substring(0, dash)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the lake's history [folder=" + folder + "]", e);
            }
        }
        return last + 1;
    }

    /** Writes the entry, unless a recovery already did. */
    static void publish(Path root, LakeCommit commit) throws IOException {
        Path entry = logFolder(root).resolve(name(commit.sequence(), commit.id()) + ".json");
        if (!Files.exists(entry)) {
            Files.createDirectories(entry.getParent());
            AtomicFiles.publishBytes(entry, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(commit));
        }
    }

    /** Keeps {@code target}'s current bytes as this commit's version of it (a hard link; a copy where links fail). */
    static void keep(Path root, long sequence, String id, String relative) throws IOException {
        Path target = root.resolve(relative);
        Path version = versionsFolder(root).resolve(name(sequence, id)).resolve(relative);
        Files.createDirectories(version.getParent());
        Files.deleteIfExists(version);
        try {
            Files.createLink(version, target);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(target, version);
        }
    }

    /** Version folders no log entry names, and temporary files beside lake files, relative to the root. */
    static List<String> unexplained(Path root) throws IOException {
        List<String> lines = new ArrayList<>();
        java.util.Set<String> logged = new java.util.HashSet<>();
        for (LakeCommit commit : read(root)) {
            logged.add(name(commit.sequence(), commit.id()));
        }
        Path versions = versionsFolder(root);
        if (Files.isDirectory(versions)) {
            try (DirectoryStream<Path> folders = Files.newDirectoryStream(versions)) {
                for (Path folder : folders) {
                    if (folder.getFileName().toString().startsWith(Rollback.REMOVING)) {
                        lines.add("versions an interrupted gc was removing [folder=" + root.relativize(folder) + "]: no longer a version of any commit");
                    } else if (!logged.contains(folder.getFileName().toString())) {
                        lines.add("kept versions no commit explains [folder=" + root.relativize(folder) + "]: left by a commit that never completed");
                    }
                }
            }
        }
        for (String kind : List.of("bars", "quotes")) {
            Path folder = root.resolve(kind);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).filter(AtomicFiles::isTemporary).sorted().toList()) {
                    lines.add("temporary file of an interrupted write [file=" + root.relativize(file) + "]");
                }
            }
        }
        return lines;
    }

    /** The log's entries and bytes, and per symbol (from the file names) the kept version files and bytes. */
    static Lake.HistoryUsage usage(Path root) throws IOException {
        int commits = 0;
        long logBytes = 0;
        Path log = logFolder(root);
        if (Files.isDirectory(log)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(log, "*.json")) {
                for (Path entry : entries) {
                    commits++;
                    logBytes += Files.size(entry);
                }
            }
        }
        java.util.Map<String, long[]> bySymbol = new java.util.TreeMap<>();
        Path versions = versionsFolder(root);
        if (Files.isDirectory(versions)) {
            try (java.util.stream.Stream<Path> files = Files.walk(versions)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    String symbol = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                    long[] counts = bySymbol.computeIfAbsent(symbol, key -> new long[2]);
                    counts[0]++;
                    counts[1] += Files.size(file);
                }
            }
        }
        return new Lake.HistoryUsage(commits, logBytes, bySymbol);
    }

    /**
     * A lake file's origins completed from the log: a file written before the lake kept provenance in its files
     * gets the log's commits that wrote it; a file a rollback restored gets that rollback, as {@code restored} (its
     * bytes, and so its recorded origins, are an earlier version's).
     */
    static List<FileOrigin> withLog(List<FileOrigin> recorded, List<LakeCommit> log, String relative, String sha256) {
        List<FileOrigin> origins = new ArrayList<>(recorded);
        LakeCommit producer = null;
        LakeCommit.FileChange produced = null;
        for (LakeCommit commit : log) {
            for (LakeCommit.FileChange change : commit.files()) {
                if (!change.path().equals(relative) || change.action().equals("removed")) {
                    continue;
                }
                if (recorded.isEmpty()) {
                    origins.add(origin(commit, change.action(), change.rowsAfter()));
                } else if (change.sha256After().equals(sha256)) {
                    producer = commit;
                    produced = change;
                }
            }
        }
        long lastRecorded = recorded.isEmpty() ? 0 : recorded.get(recorded.size() - 1).sequence();
        if (producer != null && producer.sequence() > lastRecorded) {
            origins.add(origin(producer, "restored", produced.rowsAfter()));
        }
        return origins;
    }

    private static FileOrigin origin(LakeCommit commit, String action, long rows) {
        return new FileOrigin(commit.sequence(), commit.id(), commit.time(), commit.command(), commit.inputs(), action, Math.max(rows, 0));
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of a lake file, from its footer. */
    static long rows(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReads.open(file)) {
            return reader.getRecordCount();
        }
    }

    static String now() {
        return Instant.now().toString();
    }
}
