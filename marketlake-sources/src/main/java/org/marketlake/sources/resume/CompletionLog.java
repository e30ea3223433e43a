package org.marketlake.sources.resume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.marketlake.core.error.InvalidDataException;

/**
 * The record of work units (one lake file's worth of a source: kind, symbol and period) that an export or import
 * has finished, so an interrupted run resumes where it stopped. It lives under {@code <root>/.marketlake/}, outside
 * the data files: the lake's files after an interrupted and resumed run are the files of one clean run.
 *
 * <p>One line per finished unit, appended and flushed to disk after the unit's lake file was published; a line
 * cut short by a crash is ignored (its unit is simply done again, which the lake's merge makes harmless).
 */
public final class CompletionLog {
    private static final String END = "\tdone";
    private final Path file;
    private final Set<String> done = new HashSet<>();

    private CompletionLog(Path file) {
        this.file = file;
    }

    /**
     * The log of {@code tool} for one source, under {@code <lakeRoot>/.marketlake/<tool>/}. {@code sourceIdentity}
     * names the source (never a secret): runs against the same source share a log.
     */
    public static CompletionLog open(Path lakeRoot, String tool, String sourceIdentity) {
        Path file = lakeRoot.resolve(".marketlake").resolve(tool).resolve(digest(sourceIdentity) + ".log");
        CompletionLog log = new CompletionLog(file);
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.endsWith(END)) {
                        log.done.add(line.substring(0, line.length() - END.length()));
                    }
                }
            } catch (IOException e) {
                throw new InvalidDataException("cannot read the completion log [file=" + file + "]: " + e.getMessage(), e);
            }
        }
        return log;
    }

    public Path file() {
        return file;
    }

    public boolean isDone(String unit) {
        return done.contains(unit);
    }

    /** Forgets every finished unit (for {@code --force}); the file is removed. */
    public void clear() {
        done.clear();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the completion log " + file, e);
        }
    }

    /** Records {@code unit} as finished, durably, before returning. */
    public synchronized void markDone(String unit) {
        if (unit.contains("\n") || unit.contains("\t")) {
            throw new IllegalArgumentException("unit names hold no tabs or line breaks: " + unit);
        }
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                channel.write(java.nio.ByteBuffer.wrap((unit + END + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new InvalidDataException("cannot record progress [file=" + file + "]: " + e.getMessage(), e);
        }
        done.add(unit);
    }

    /** A unit name from its parts, for example {@code bars/1m AAPL 2024-01}. */
    public static String unit(List<String> parts) {
        return String.join(" ", parts);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
