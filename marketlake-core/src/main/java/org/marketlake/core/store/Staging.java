package org.marketlake.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marketlake.core.io.AtomicFiles;
import org.marketlake.core.model.LakeCommit;

/**
 * The files one commit has written so far, staged beside their targets and invisible to readers until
 * {@link #commit}. Reads inside the commit see the staged versions ({@link #current}), so a roll-up computed in
 * the same commit as its 1s bars reads those bars. Used by one thread, under the lake's writer lock.
 */
final class Staging {
    private final Path root;
    private final String command;
    private final List<Path> inputs;
    /** Target -> staged file; a null value: the commit removes the target. */
    private final Map<Path, Path> staged = new LinkedHashMap<>();
    /** Who this commit is, fixed on the first file staged, so the files can name it before the log entry exists. */
    private Identity identity;

    /** The commit's sequence, id, time and inputs (with their checksums), as its log entry and its files record them. */
    private record Identity(long sequence, String id, String time, List<LakeCommit.Input> inputs) {}

    Staging(Path root, String command, List<Path> inputs) {
        this.root = root.toAbsolutePath().normalize();
        this.command = command;
        this.inputs = List.copyOf(inputs);
    }

    /**
     * The file that holds {@code target}'s content in this commit: its staged version, else the target itself;
     * for a target this commit removes, a path that does not exist.
     */
    Path current(Path target) {
        Path key = key(target);
        if (staged.containsKey(key) && staged.get(key) == null) {
            return key.resolveSibling("." + key.getFileName() + ".removed-in-commit");
        }
        return staged.getOrDefault(key, target);
    }

    /** Removes {@code target} when the commit completes (nothing if it does not exist then). */
    void remove(Path target) throws IOException {
        Path previous = staged.put(key(target), null);
        if (previous != null) {
            Files.deleteIfExists(previous);
        }
    }

    /** True when this commit has written {@code target}. */
    boolean has(Path target) {
        return staged.containsKey(key(target));
    }

    /** The targets written so far, in the order first written. */
    List<Path> targets() {
        return List.copyOf(staged.keySet());
    }

    /**
     * The provenance metadata of the new version of {@code target} holding {@code rows} rows: the origins its
     * committed version records, then this commit ({@link FileProvenance}).
     */
    Map<String, String> provenance(Path target, long rows) throws IOException {
        Identity who = identity();
        Path key = key(target);
        String action = Files.exists(key) ? "replaced" : "added";
        return FileProvenance.after(key, new org.marketlake.core.model.FileOrigin(who.sequence(), who.id(), who.time(), command, who.inputs(), action, rows));
    }

    /** Stages new content for {@code target}, replacing what this commit staged for it before. */
    void stage(Path target, AtomicFiles.ContentWriter writer) throws IOException {
        Path key = key(target);
        Path previous = staged.get(key);
        if (previous == null) {
            // Under the writer lock, after recovery: any temporary file beside the target is a killed writer's.
            AtomicFiles.removeLeftovers(key);
        }
        Path fresh = AtomicFiles.stage(key, writer);
        staged.put(key, fresh);
        if (previous != null) {
            Files.deleteIfExists(previous);
        }
    }

    /** Makes every staged file visible: journal first, then the renames (see {@link Journal}). */
    void commit() throws IOException {
        if (staged.isEmpty()) {
            return;
        }
        Identity who = identity();
        String id = who.id();
        long sequence = who.sequence();
        List<Journal.Entry> entries = new ArrayList<>();
        List<LakeCommit.FileChange> changes = new ArrayList<>();
        for (var entry : staged.entrySet()) {
            Path target = entry.getKey();
            Path fresh = entry.getValue();
            String relative = relative(target);
            boolean existed = Files.exists(target);
            if (fresh == null && !existed) {
                continue;
            }
            entries.add(new Journal.Entry(relative, fresh == null ? null : relative(fresh)));
            long rowsBefore = existed ? History.rows(target) : -1;
            String shaBefore = existed ? History.sha256(target) : "";
            if (existed) {
                // Before the journal: a version kept for a commit that never happens is a leftover gc removes.
                History.keep(root, sequence, id, relative);
            }
            changes.add(new LakeCommit.FileChange(relative, fresh == null ? "removed" : existed ? "replaced" : "added", rowsBefore,
                    fresh == null ? -1 : History.rows(fresh), shaBefore, fresh == null ? "" : History.sha256(fresh)));
        }
        if (entries.isEmpty()) {
            staged.clear();
            return;
        }
        LakeCommit commit = new LakeCommit(sequence, id, who.time(), command, who.inputs(), changes);
        Journal.Pending pending = new Journal.Pending(id, commit.time(), entries, commit);
        Journal.write(root, pending);
        Journal.complete(root, pending);
        staged.clear();
    }

    /**
     * Fixed when first needed, under the writer lock after recovery: no other commit can take the sequence before
     * this one publishes (a commit that stages nothing takes none).
     */
    private Identity identity() throws IOException {
        if (identity == null) {
            List<LakeCommit.Input> read = new ArrayList<>();
            for (Path input : inputs) {
                if (Files.isRegularFile(input)) {
                    read.add(new LakeCommit.Input(input.toString(), Files.size(input), History.sha256(input)));
                }
            }
            identity = new Identity(History.nextSequence(root), UUID.randomUUID().toString().substring(0, 8), History.now(), read);
        }
        return identity;
    }

    /** Deletes what was staged and not committed (the commit failed): the lake is as it was before. */
    void abandon() {
        for (Path file : staged.values()) {
            try {
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException ignored) {
                // A leftover temporary file is harmless: no reader takes it for data, the next publish removes it.
            }
        }
        staged.clear();
    }

    private Path key(Path target) {
        return target.toAbsolutePath().normalize();
    }

    private String relative(Path file) {
        return root.relativize(file).toString();
    }
}
