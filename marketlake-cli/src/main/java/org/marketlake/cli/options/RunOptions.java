package org.marketlake.cli.options;

import org.marketlake.core.progress.Progress;
import picocli.CommandLine.Option;

/** {@code --verbose} and {@code --quiet}: how a command reports, whatever it reads. Part of {@link CommonOptions}. */
final class RunOptions {
    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    public boolean verbose() {
        return verbose;
    }

    /** Progress goes to stderr only when it is a terminal and --quiet is not given. */
    public Progress progress(java.io.PrintWriter err) {
        return quiet || System.console() == null ? Progress.NONE : new TerminalProgress(err);
    }
}
