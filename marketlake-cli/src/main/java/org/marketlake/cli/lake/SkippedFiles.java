package org.marketlake.cli.lake;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.marketlake.core.error.CorruptFileException;
import picocli.CommandLine.Option;

/**
 * What a reading command does with a lake file that fails its check: skip it with one warning line on stderr
 * and exit 1 at the end (so scripts notice), or with {@code --strict} stop at the first. One option block for
 * {@code ls}, {@code sql} and {@code query}.
 */
final class SkippedFiles {
    @Option(names = "--strict", description = "Stop with exit 1 at the first lake file that fails its check, instead of skipping it.")
    boolean strict;

    private final List<String> skipped = new ArrayList<>();

    /** Takes problems found up front (the catalogue's): stops on the first when strict, else warns about each. */
    void report(List<String> problems, PrintWriter err) {
        if (strict && !problems.isEmpty()) {
            throw new CorruptFileException(problems.get(0));
        }
        problems.forEach(problem -> {
            skipped.add(problem);
            err.println("warning: " + problem);
        });
    }

    /** A sink for problems found while reading: null when strict (the read then stops at the first). */
    Consumer<String> sink(PrintWriter err) {
        return strict ? null : problem -> report(List.of(problem), err);
    }

    /** The exit code once everything readable was printed: 1 if any file was skipped. */
    int exitCode() {
        return skipped.isEmpty() ? 0 : 1;
    }
}
