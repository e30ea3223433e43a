package org.marketlake.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code marketlake ingest bars|trades|quotes|actions}: files into the lake. Each kind is its own subcommand class. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Load files into the lake: bars as they are, trades into bars, quotes into one quote per second, corporate actions.",
        subcommands = {
            org.marketlake.cli.ingest.IngestTradesCommand.class,
            org.marketlake.cli.ingest.IngestQuotesCommand.class,
            org.marketlake.cli.lake.IngestBarsCommand.class,
            org.marketlake.cli.actions.IngestActionsCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class IngestCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
