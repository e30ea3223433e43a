package org.marketlake.cli.lake;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.marketlake.core.model.WriteResult;

/** One line per file written: added, replaced and unchanged rows. */
public final class WriteSummary {
    private WriteSummary() {}

    public static void print(PrintWriter out, Path root, WriteResult result) {
        Path base = root.toAbsolutePath().normalize();
        for (WriteResult.FileWrite file : result.files()) {
            Path path = file.path().toAbsolutePath().normalize();
            String name = path.startsWith(base) ? base.relativize(path).toString() : path.toString();
            out.printf("%s: %d added, %d replaced, %d unchanged (%d row%s)%n", name, file.added(), file.replaced(), file.unchanged(), file.rowsAfter(),
                    file.rowsAfter() == 1 ? "" : "s");
        }
        if (result.files().isEmpty()) {
            out.println("nothing to write");
        }
    }
}
