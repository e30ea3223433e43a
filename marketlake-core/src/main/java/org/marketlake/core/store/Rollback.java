package org.marketlake.core.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.marketlake.core.error.DataNotFoundException;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.io.AtomicFiles;
import org.marketlake.core.model.LakeCommit;

/** Undoing commits from their kept versions, and collecting versions the retention no longer keeps. */
final class Rollback {
    private Rollback() {}

    /**
     * Stages, into {@code staging}, every file of commit {@code id} (and with {@code cascade}, of the later commits
     * that changed the same files, transitively) back to its state before the first of those commits that
     * changed it: its kept version, or no file where that commit added it.
     */
    static void stage(Path root, String id, boolean cascade, Staging staging) throws IOException {
        List<LakeCommit> log = History.read(root);
        int at = -1;
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).isNamed(id)) {
                at = i;
            }
        }
        if (at < 0) {
            throw new InvalidRequestException("no commit " + id + " in the lake's history [root=" + root + "]").about("commit id");
        }
        List<LakeCommit> undone = new ArrayList<>(List.of(log.get(at)));
        Set<String> paths = new HashSet<>();
        log.get(at).files().forEach(file -> paths.add(file.path()));
        List<LakeCommit> later = new ArrayList<>();
        for (LakeCommit next : log.subList(at + 1, log.size())) {
            if (next.files().stream().anyMatch(file -> paths.contains(file.path()))) {
                later.add(next);
                if (cascade) {
                    undone.add(next);
                    next.files().forEach(file -> paths.add(file.path()));
                }
            }
        }
        if (!cascade && !later.isEmpty()) {
            throw new InvalidRequestException("commit " + id + "'s files were changed again later, by "
                    + String.join(", ", later.stream().map(commit -> commit.sequence() + " (" + commit.id() + ")").toList())
                    + ": roll those back first, or cascade").about("cascade");
        }
        // Each file goes back to its state before the first undone commit that changed it.
        Map<String, LakeCommit> first = new LinkedHashMap<>();
        Map<String, LakeCommit.FileChange> change = new LinkedHashMap<>();
        for (LakeCommit commit : undone) {
            for (LakeCommit.FileChange file : commit.files()) {
                if (first.putIfAbsent(file.path(), commit) == null) {
                    change.put(file.path(), file);
                }
            }
        }
        for (var entry : change.entrySet()) {
            Path target = root.resolve(entry.getKey());
            if (entry.getValue().action().equals("added")) {
                staging.remove(target);
                continue;
            }
            Path version = History.versionsOf(root, first.get(entry.getKey())).resolve(entry.getKey());
            if (!Files.exists(version)) {
                throw new DataNotFoundException("the version of " + entry.getKey() + " before commit " + first.get(entry.getKey()).id()
                        + " is no longer kept (gc removed it after its retention)");
            }
            staging.stage(target, temporary -> Files.copy(version, temporary, java.nio.file.StandardCopyOption.REPLACE_EXISTING));
        }
    }

    /** The prefix of a version folder gc is deleting. */
    static final String REMOVING = ".removing-";

    /** Drops versions beyond the retention, versions no commit explains, and temporary leftovers. Under the writer lock. */
    static Lake.GcReport gc(Path root, Duration keepFor, int keepCommits) throws IOException {
        List<LakeCommit> log = History.read(root);
        Set<String> keep = new HashSet<>();
        Instant cutoff = Instant.now().minus(keepFor);
        for (int i = 0; i < log.size(); i++) {
            LakeCommit commit = log.get(i);
            boolean recent = i >= log.size() - keepCommits || !Instant.parse(commit.time()).isBefore(cutoff);
            if (recent) {
                keep.add(History.versionsOf(root, commit).getFileName().toString());
            }
        }
        int versions = 0;
        long bytes = 0;
        Path folder = History.versionsFolder(root);
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> commits = Files.newDirectoryStream(folder)) {
                for (Path commit : commits) {
                    String name = commit.getFileName().toString();
                    if (name.startsWith(REMOVING)) {
                        // A gc killed while deleting this folder: it was already no version, finish the job.
                        bytes += deleteTree(commit);
                    } else if (!keep.contains(name)) {
                        // Renamed first, in one step, so a kill leaves a commit's versions whole or gone, never
                        // half: a rollback then restores every file of the commit or refuses, naming the gone version.
                        Path doomed = folder.resolve(REMOVING + name);
                        Files.move(commit, doomed, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                        AtomicFiles.force(folder);
                        bytes += deleteTree(doomed);
                        versions++;
                    }
                }
            }
        }
        int leftovers = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(AtomicFiles::isTemporary).toList()) {
                Files.deleteIfExists(file);
                leftovers++;
            }
        }
        return new Lake.GcReport(versions, bytes, leftovers);
    }

    /** Deletes a folder; returns the bytes of files whose last link it removed. */
    private static long deleteTree(Path folder) throws IOException {
        long freed = 0;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(path)) {
                    Object links = Files.getAttribute(path, "unix:nlink");
                    if (links instanceof Integer count && count == 1) {
                        freed += Files.size(path);
                    }
                }
                Files.delete(path);
            }
        }
        return freed;
    }
}
