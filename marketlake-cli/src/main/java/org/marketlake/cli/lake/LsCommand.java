package org.marketlake.cli.lake;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.core.model.Catalogue;
import org.marketlake.cli.output.Output;
import org.marketlake.cli.output.OutputOptions;
import org.marketlake.cli.output.OutputTarget;
import org.marketlake.core.query.Inventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "What the lake holds, per kind, timeframe and symbol: months, rows, bytes, first and last timestamp.")
public final class LsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--files", description = "One line per file instead of per symbol.")
    boolean files;

    @Mixin
    OutputOptions output;

    @Mixin
    SkippedFiles skipped;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        OutputTarget target = output.target(common.root(), false);
        Catalogue catalogue = common.lake().catalogue();
        skipped.report(catalogue.problems(), spec.commandLine().getErr());
        Inventory inventory = new Inventory(catalogue.files());
        if (inventory.isEmpty()) {
            out.println("The lake at " + common.root() + " is empty. Try: marketlake demo");
        } else {
            Output.print(files ? inventory.fileRows() : inventory.symbolRows(), target.format(), target.file(), null, out);
        }
        // Skipped files make the exit 1 so that scripts notice, after everything readable was listed.
        return skipped.exitCode();
    }
}
