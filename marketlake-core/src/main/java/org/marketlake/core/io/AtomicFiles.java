package org.marketlake.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;

/**
 * The only way the project publishes a file it keeps (lake months, loader tables, state, audit, exports).
 *
 * <p>Crash semantics: the new content is written to a hidden temporary file in the target's folder
 * ({@code .<name>.<uuid>.tmp}), forced to disk, renamed over the target in one atomic step, and then the folder
 * is forced so that the rename itself survives a power loss. A reader therefore sees the old file or the new one,
 * never a mixture; a crash at any point leaves the old file untouched and at worst a temporary file, which no
 * reader treats as data and which {@link #removeLeftovers} (called by every publish of the same target) deletes.
 * A failed write deletes its own temporary file before the exception leaves.
 */
public final class AtomicFiles {
    private static final String SUFFIX = ".tmp";

    private AtomicFiles() {}

    /** Writes the content of a file, given the path of the (new, empty) temporary file it must fill. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(Path temporary) throws IOException;
    }

    /** Writes the content of a file to a stream; the stream is closed by {@link AtomicFiles}. */
    @FunctionalInterface
    public interface StreamWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Publishes what {@code writer} writes to a temporary path as {@code target}. */
    public static void publish(Path target, ContentWriter writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        removeLeftovers(absolute);
        Path temporary = stage(absolute, writer);
        try {
            moveIntoPlace(temporary, absolute);
        } catch (IOException | RuntimeException | Error e) {
            discard(temporary, e);
            throw e;
        }
    }

    /**
     * The first half of a publish, for commits of several files: writes {@code target}'s new content to a fresh
     * temporary file beside it and forces it to disk, but leaves {@code target} alone. The caller later makes it
     * visible with {@link #moveIntoPlace} (or deletes it). Nothing is removed: the caller decides when
     * {@link #removeLeftovers} is safe. A failed write deletes its temporary file before the exception leaves.
     */
    public static Path stage(Path target, ContentWriter writer) throws IOException {
        Objects.requireNonNull(writer, "writer");
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = temporaryFor(absolute);
        try {
            writer.writeTo(temporary);
            force(temporary);
        } catch (IOException | RuntimeException | Error e) {
            discard(temporary, e);
            throw e;
        }
        return temporary;
    }

    /** The second half: renames a staged file over {@code target} in one atomic step, then forces the folder. */
    public static void moveIntoPlace(Path staged, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.move(staged, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        force(absolute.getParent());
    }

    private static void discard(Path temporary, Throwable failure) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    /** Publishes the bytes {@code writer} streams as {@code target}. */
    public static void publishStream(Path target, StreamWriter writer) throws IOException {
        publish(target, temporary -> {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                writer.writeTo(out);
            }
        });
    }

    public static void publishBytes(Path target, byte[] content) throws IOException {
        publishStream(target, out -> out.write(content));
    }

    public static void publishString(Path target, String content) throws IOException {
        publishBytes(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh temporary path beside {@code target}, hidden and unique, so concurrent writers never share one. */
    public static Path temporaryFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + SUFFIX);
    }

    /** True for the temporary files {@link #publish} creates; listings of data skip them. */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(SUFFIX);
    }

    /**
     * Deletes temporary files that earlier publishes of {@code target} left behind when they were killed. The
     * caller must be the only writer of {@code target} (the lake holds its file lock), or it may delete the
     * temporary file of a publish in progress, which then fails cleanly rather than publishing half a file.
     */
    public static void removeLeftovers(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            return;
        }
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, prefix + "*" + SUFFIX)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** Forces a file's bytes, or a folder's entries, to the disk. */
    public static void force(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
