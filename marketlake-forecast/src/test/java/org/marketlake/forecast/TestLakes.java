package org.marketlake.forecast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.Frame;

/** A real lake in a temporary folder holding the given frames, written through the lake's own validated write. */
public final class TestLakes {
    private TestLakes() {}

    public static Lake of(Frame... frames) {
        try {
            Path root = Files.createTempDirectory("marketlake-forecast-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            Lake lake = Lake.open(root);
            for (Frame frame : frames) {
                lake.write(frame);
            }
            return lake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder the OS cleans up anyway.
        }
    }
}
