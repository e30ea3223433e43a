package org.marketlake.core.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.marketlake.core.error.CorruptFileException;
import org.marketlake.core.io.AtomicFiles;
import org.marketlake.core.model.LakeCommit;

/**
 * The redo log that makes a commit of several lake files all-or-nothing. A commit first stages every new file
 * beside its target (hidden, forced to disk), then publishes this journal naming each staged file and its
 * target, then renames the staged files into place and deletes the journal.
 *
 * <p>Recovery rolls forward: a journal that exists names a commit whose files are all on disk, so whoever takes
 * the writer lock next renames what is still staged and deletes the journal. Without a journal nothing of the
 * commit was visible, and its staged files are leftovers that the next publish of each target removes. A crash
 * therefore leaves the lake before the commit or, once the journal is durable, after it; never between.
 */
final class Journal {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String FILE = "commit-in-progress.json";

    private Journal() {}

    /** One file of a commit, as paths relative to the lake root (so a moved lake still recovers); no staged file: removed. */
    record Entry(String target, String staged) {
        Entry {
            if (target == null) {
                throw new IllegalArgumentException("journal entry needs a target path");
            }
        }
    }

    /** A commit whose files are all staged: id, start time (UTC, ISO), its files, and its history entry (null before history). */
    record Pending(String id, String started, List<Entry> files, LakeCommit commit) {
        Pending {
            files = List.copyOf(files);
        }
    }

    /** The lake's own folder, {@code <root>/.marketlake}. */
    static Path folder(Path root) {
        return root.resolve(".marketlake");
    }

    static Path path(Path root) {
        return folder(root).resolve(FILE);
    }

    static boolean exists(Path root) {
        return Files.exists(path(root));
    }

    /** Makes {@code pending} durable: from here on the commit will complete, by this process or the next writer. */
    static void write(Path root, Pending pending) throws IOException {
        AtomicFiles.publishBytes(path(root), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(pending));
    }

    /** Renames every staged file of {@code pending} into place, then deletes the journal. Idempotent. */
    static void complete(Path root, Pending pending) throws IOException {
        for (Entry entry : pending.files()) {
            if (entry.staged() == null) {
                Path target = root.resolve(entry.target());
                if (Files.deleteIfExists(target)) {
                    AtomicFiles.force(target.getParent());
                }
                continue;
            }
            Path staged = root.resolve(entry.staged());
            if (Files.exists(staged)) {
                AtomicFiles.moveIntoPlace(staged, root.resolve(entry.target()));
            }
        }
        if (pending.commit() != null) {
            History.publish(root, pending.commit());
        }
        Files.deleteIfExists(path(root));
        AtomicFiles.force(folder(root));
    }

    /** Completes the commit a killed writer left behind, if any. The caller holds the writer lock. */
    static boolean recover(Path root) throws IOException {
        Path journal = path(root);
        if (!Files.exists(journal)) {
            return false;
        }
        Pending pending;
        try {
            pending = JSON.readValue(journal.toFile(), Pending.class);
        } catch (IOException e) {
            // AtomicFiles publishes the journal whole, so an unreadable one was damaged after the fact.
            throw new CorruptFileException("the lake's commit journal is unreadable [file=.marketlake/" + FILE + "]: " + e.getMessage(), e);
        }
        complete(root, pending);
        return true;
    }
}
