package org.marketlake.cli.options;

import java.nio.file.Path;
import org.marketlake.core.progress.Progress;
import org.marketlake.core.store.Lake;
import org.marketlake.sources.secret.Redaction;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** Options every command that reads or writes the lake takes: {@code @Mixin CommonOptions common;}. */
public final class CommonOptions {
    @Option(names = "--root", paramLabel = "DIR", description = "Lake root (default: $MARKETLAKE_ROOT, else data/parquet).")
    Path root;

    @Mixin
    RunOptions run;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    public Path root() {
        return root != null ? root : Lake.defaultRoot();
    }

    /** The lake to read: a missing root, or one that holds no lake, is a usage error (exit 2). */
    public Lake lake() {
        return Lake.openExisting(root()).describedAs(commandLine(), inputFiles());
    }

    /** The lake to write into, created on the first write (ingest, import-api, export-to-parquet, demo). */
    public Lake lakeToCreate() {
        return Lake.open(root()).describedAs(commandLine(), inputFiles());
    }

    /**
     * The files named on the command line that exist (inputs, mappings), for the history to record with their
     * checksums; folders and globs are recorded in the command line only.
     */
    private java.util.List<Path> inputFiles() {
        if (command == null || command.commandLine() == null || command.commandLine().getParseResult() == null) {
            return java.util.List.of();
        }
        java.util.List<Path> files = new java.util.ArrayList<>();
        for (String arg : command.commandLine().getParseResult().originalArgs()) {
            try {
                Path path = Path.of(arg);
                if (!arg.startsWith("-") && java.nio.file.Files.isRegularFile(path) && !path.toAbsolutePath().normalize().startsWith(root().toAbsolutePath().normalize())) {
                    files.add(path);
                }
            } catch (java.nio.file.InvalidPathException notAPath) {
                // An option value such as a URL: not a file.
            }
        }
        return files;
    }

    /** The command as typed, for the lake's history: {@code marketlake ingest trades --symbol IBM ...}, secrets masked. */
    private String commandLine() {
        if (command == null || command.commandLine() == null || command.commandLine().getParseResult() == null) {
            return "";
        }
        java.util.List<String> args = command.commandLine().getParseResult().originalArgs();
        return Redaction.text("marketlake " + String.join(" ", args));
    }

    public boolean verbose() {
        return run.verbose();
    }

    public Progress progress(java.io.PrintWriter err) {
        return run.progress(err);
    }
}
