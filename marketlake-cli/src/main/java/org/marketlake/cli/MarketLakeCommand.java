package org.marketlake.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level command. A new subcommand is one class in this package (or a sub-package) added to the list
 * below; it does its work through the library, prints through {@code spec.commandLine().getOut()}, and lets
 * exceptions reach {@link ExitCodes}, the one place that maps them to exit codes.
 */
@Command(
        name = "marketlake",
        mixinStandardHelpOptions = true,
        versionProvider = MarketLakeCommand.Version.class,
        description = "A market-data lake: validated, atomic Parquet month files; ingest; queries; SQL; forecasting.",
        subcommands = {
            org.marketlake.cli.lake.DemoCommand.class,
            IngestCommand.class,
            org.marketlake.cli.ingest.ResampleCommand.class,
            org.marketlake.cli.chronos.ChronosCommand.class,
            org.marketlake.cli.dataset.DatasetCommand.class,
            org.marketlake.cli.forecast.ForecastCommand.class,
            org.marketlake.cli.forecast.BacktestCommand.class,
            org.marketlake.cli.sources.ExportToParquetCommand.class,
            org.marketlake.cli.lake.QueryCommand.class,
            org.marketlake.cli.lake.SqlCommand.class,
            org.marketlake.cli.lake.LsCommand.class,
            org.marketlake.cli.lake.ValidateCommand.class,
            org.marketlake.cli.sources.ImportApiCommand.class,
            org.marketlake.cli.calendar.CalendarCommand.class,
            org.marketlake.cli.coverage.CoverageCommand.class,
            org.marketlake.cli.actions.ActionsCommand.class,
            org.marketlake.cli.history.LogCommand.class,
            org.marketlake.cli.history.RollbackCommand.class,
            org.marketlake.cli.history.GcCommand.class,
            org.marketlake.cli.history.DeleteCommand.class,
            org.marketlake.cli.serve.ServeCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class MarketLakeCommand implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No subcommand: the usage on stderr and exit 2, since nothing was asked. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new MarketLakeCommand());
        ExitCodes exitCodes = new ExitCodes();
        commandLine.setExecutionExceptionHandler(exitCodes);
        commandLine.setExitCodeExceptionMapper(exitCodes);
        commandLine.setParameterExceptionHandler(ExitCodes::usageError);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = MarketLakeCommand.class.getPackage().getImplementationVersion();
            return new String[] {"marketlake " + (version == null ? "0.1.0-SNAPSHOT" : version)};
        }
    }
}
