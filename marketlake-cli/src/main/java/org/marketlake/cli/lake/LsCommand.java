package org.marketlake.cli.lake;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.core.model.Catalogue;
import org.marketlake.cli.output.Output;
import org.marketlake.core.query.Inventory;
import org.marketlake.core.format.OutputFormat;
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

    @Option(names = "--format", defaultValue = "table", paramLabel = "FMT", description = "table, csv, json or jsonl (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    SkippedFiles skipped;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Catalogue catalogue = common.lake().catalogue();
        skipped.report(catalogue.problems(), spec.commandLine().getErr());
        Inventory inventory = new Inventory(catalogue.files());
        if (inventory.isEmpty()) {
            out.println("The lake at " + common.root() + " is empty. Try: marketlake demo");
        } else {
            Output.print(files ? inventory.fileRows() : inventory.symbolRows(), OutputFormat.parse(format), null, null, out);
        }
        // Skipped files make the exit 1 so that scripts notice, after everything readable was listed.
        return skipped.exitCode();
    }
}
