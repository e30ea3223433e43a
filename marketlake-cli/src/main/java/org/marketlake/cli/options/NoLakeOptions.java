package org.marketlake.cli.options;

import java.nio.file.Path;
import org.marketlake.core.progress.Progress;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The common options of a command that does not read the lake (the loader's {@code dataset} commands read the
 * folder their config names; {@code chronos predict} reads a CSV). {@code --root} is refused with a message
 * rather than accepted and ignored, since a user who gives it expects it to matter.
 */
public final class NoLakeOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Mixin
    RunOptions run;

    @Option(names = "--root", hidden = true, paramLabel = "DIR", description = "Refused: this command does not read the lake.")
    void refuseRoot(Path root) {
        throw new ParameterException(command.commandLine(), command.qualifiedName() + " does not read the lake, so --root does not apply [value="
                + root + "]: " + (command.qualifiedName().contains("dataset")
                        ? "the loader reads data_paths.root_dir of --config (dataset build writes it from the lake at --root)"
                        : "it reads only the files it is given"));
    }

    public boolean verbose() {
        return run.verbose();
    }

    public Progress progress(java.io.PrintWriter err) {
        return run.progress(err);
    }
}
