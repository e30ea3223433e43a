package org.marketlake.cli.dataset;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.NoLakeOptions;
import org.marketlake.loader.discovery.FileInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code marketlake dataset discover}: one line per file, its path then the fields its name carries. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "List the files of a selection (a year or year range is required), sorted by year, month, symbol.")
final class DiscoverCommand implements Callable<Integer> {
    @Mixin
    NoLakeOptions common;

    @Mixin
    DatasetOptions dataset;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<FileInfo> files = dataset.loader().discoverFiles(dataset.selection());
        PrintWriter out = spec.commandLine().getOut();
        for (FileInfo file : files) {
            out.printf("%s\tsymbol=%s timeframe=%s horizon=%d year=%04d month=%02d hash=%s format=%s%n", file.path(),
                    file.symbol(), file.timeframe(), file.horizon(), file.year(), file.month(), file.hash(), file.extension());
        }
        if (files.isEmpty()) {
            spec.commandLine().getErr().println("marketlake: no files match the selection");
        }
        return 0;
    }
}
