package org.marketlake.cli.options;


import java.nio.file.Path;
import org.marketlake.core.store.Lake;
import picocli.CommandLine.Option;

/** Options every subcommand takes: {@code @Mixin CommonOptions common;}. */
public final class CommonOptions {
    @Option(names = "--root", paramLabel = "DIR", description = "Lake root (default: $MARKETLAKE_ROOT, else data/parquet).")
    Path root;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    public Path root() {
        return root != null ? root : Lake.defaultRoot();
    }

    /** The lake to read: a missing root, or one that holds no lake, is a usage error (exit 2). */
    public Lake lake() {
        return Lake.openExisting(root());
    }

    /** The lake to write into, created on the first write (ingest, import-api, export-to-parquet, demo). */
    public Lake lakeToCreate() {
        return Lake.open(root());
    }

    public boolean verbose() {
        return verbose;
    }

    /** Progress goes to stderr only when it is a terminal and --quiet is not given. */
    public org.marketlake.core.progress.Progress progress(java.io.PrintWriter err) {
        return quiet || System.console() == null ? org.marketlake.core.progress.Progress.NONE : new TerminalProgress(err);
    }
}
