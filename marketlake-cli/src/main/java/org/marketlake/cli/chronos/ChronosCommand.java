package org.marketlake.cli.chronos;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code marketlake chronos predict|export}: the Chronos-Bolt port and the export to Chronos's training format. */
@Command(
        name = "chronos",
        mixinStandardHelpOptions = true,
        description = "Chronos-Bolt forecasts in plain Java, and training sets for Chronos from lake bars.",
        subcommands = {
            ChronosPredictCommand.class,
            ChronosExportCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class ChronosCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
