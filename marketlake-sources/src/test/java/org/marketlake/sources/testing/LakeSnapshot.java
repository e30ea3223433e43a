package org.marketlake.sources.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.marketlake.core.testing.FileContent;

/**
 * The data files of a lake (everything but {@code .marketlake/} and hidden lock files) as relative path to a
 * SHA-256 of their content: the bytes but for the commit each file names ({@link FileContent}), so two runs that
 * write the same rows compare equal.
 */
public final class LakeSnapshot {
    private LakeSnapshot() {}

    public static Map<String, String> of(Path root) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(file).toString();
                if (!relative.startsWith(".marketlake") && !file.getFileName().toString().startsWith(".")) {
                    files.put(relative, FileContent.sha256(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
