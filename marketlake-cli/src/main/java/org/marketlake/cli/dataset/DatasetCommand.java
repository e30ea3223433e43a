package org.marketlake.cli.dataset;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code marketlake dataset ...}: the forecasting loader of design 000 over its monthly files. */
@Command(
        name = "dataset",
        mixinStandardHelpOptions = true,
        description = "The forecasting loader: discover, load, check and turn monthly Parquet/JSON files into datasets.",
        subcommands = {
            DiscoverCommand.class,
            LoadCommand.class,
            ProcessedCommand.class,
            AuditCommand.class,
            QualityCommand.class,
            FeaturesCommand.class,
            TrainCommand.class,
            ContextCommand.class,
            IncrementalCommand.class,
            BuildCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class DatasetCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
