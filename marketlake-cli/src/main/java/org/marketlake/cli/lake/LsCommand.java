package org.marketlake.cli.lake;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.core.store.Lake;
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

    @Option(names = "--history", description = "What the lake's history takes: per symbol the kept versions (files, bytes), and the log.")
    boolean history;

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
        if (history) {
            Lake.HistoryUsage usage = common.lake().historyUsage();
            java.util.List<Object[]> rows = new java.util.ArrayList<>();
            usage.versionsBySymbol().forEach((symbol, counts) -> rows.add(new Object[] {symbol, counts[0], counts[1]}));
            rows.add(new Object[] {"(log: " + usage.commits() + (usage.commits() == 1 ? " commit)" : " commits)"), (long) usage.commits(), usage.logBytes()});
            Output.print(org.marketlake.core.format.Rows.table(java.util.List.of("symbol", "version_files", "bytes"), rows), target.format(),
                    target.file(), null, out);
            return 0;
        }
        Catalogue catalogue = common.lake().catalogue();
        skipped.report(catalogue.problems(), spec.commandLine().getErr());
        Inventory inventory = Inventory.of(catalogue);
        if (inventory.isEmpty()) {
            out.println("The lake at " + common.root() + " is empty. Try: marketlake demo");
        } else {
            Output.print(files ? inventory.fileRows() : inventory.symbolRows(), target.format(), target.file(), null, out);
        }
        // Skipped files make the exit 1 so that scripts notice, after everything readable was listed.
        return skipped.exitCode();
    }
}
