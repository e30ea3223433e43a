package org.marketlake.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marketlake.core.io.AtomicFiles;

/**
 * The files one commit has written so far, staged beside their targets and invisible to readers until
 * {@link #commit}. Reads inside the commit see the staged versions ({@link #current}), so a roll-up computed in
 * the same commit as its 1s bars reads those bars. Used by one thread, under the lake's writer lock.
 */
final class Staging {
    private final Path root;
    private final Map<Path, Path> staged = new LinkedHashMap<>();

    Staging(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The file that holds {@code target}'s content in this commit: its staged version, else the target itself. */
    Path current(Path target) {
        return staged.getOrDefault(key(target), target);
    }

    /** True when this commit has written {@code target}. */
    boolean has(Path target) {
        return staged.containsKey(key(target));
    }

    /** The targets written so far, in the order first written. */
    List<Path> targets() {
        return List.copyOf(staged.keySet());
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
        List<Journal.Entry> entries = new ArrayList<>();
        for (var entry : staged.entrySet()) {
            entries.add(new Journal.Entry(relative(entry.getKey()), relative(entry.getValue())));
        }
        Journal.Pending pending = new Journal.Pending(UUID.randomUUID().toString(), Instant.now().toString(), entries);
        Journal.write(root, pending);
        Journal.complete(root, pending);
        staged.clear();
    }

    /** Deletes what was staged and not committed (the commit failed): the lake is as it was before. */
    void abandon() {
        for (Path file : staged.values()) {
            try {
                Files.deleteIfExists(file);
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
