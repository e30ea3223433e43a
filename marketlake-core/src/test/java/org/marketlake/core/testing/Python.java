package org.marketlake.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Python scripts with the readers our users use (pyarrow, pandas, Polars). Installs them with pip when
 * they are missing (this machine's pip reaches a package index); a machine that can have neither fails the
 * test loudly rather than skipping it.
 */
public final class Python {
    private static volatile boolean ready;

    private Python() {}

    public static synchronized void ensureReaders() throws IOException, InterruptedException {
        if (ready) {
            return;
        }
        if (run(List.of("python3", "-c", "import pyarrow, pandas, polars"), 60) != 0) {
            int code = run(List.of("python3", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "pyarrow", "pandas", "polars"), 600);
            if (code != 0 || run(List.of("python3", "-c", "import pyarrow, pandas, polars"), 60) != 0) {
                throw new IllegalStateException("python3 with pyarrow, pandas and polars is needed and could not be installed (pip exit " + code + ")");
            }
        }
        ready = true;
    }

    /** Runs {@code script} with {@code args}; returns stdout, failing with the output when the script fails. */
    public static String script(String script, String... args) throws IOException, InterruptedException {
        ensureReaders();
        Path file = Files.createTempFile("marketlake-test", ".py");
        Path out = Files.createTempFile("marketlake-test", ".out");
        try {
            Files.writeString(file, script);
            List<String> command = new java.util.ArrayList<>(List.of("python3", file.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("python script timed out");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("python script failed (exit " + process.exitValue() + "):\n" + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(out);
        }
    }

    private static int run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
