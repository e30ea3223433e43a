package org.marketlake.cli.dataset;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.NoLakeOptions;
import org.marketlake.loader.load.LoadOutcome;
import org.marketlake.loader.dataset.Datasets;
import org.marketlake.loader.dataset.OutputFolder;
import org.marketlake.loader.read.LoadResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code marketlake dataset load}: reads a selection and prints a summary; {@code --out DIR} writes it as Parquet. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Read, validate and convert the files of a selection; print files, rows, columns, time range, memory.")
final class LoadCommand implements Callable<Integer> {
    @Mixin
    NoLakeOptions common;

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--skip-processed", description = "Leave out files the idempotency state records as processed and unchanged.")
    boolean skipProcessed;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the loaded rows to DIR/loaded.parquet.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        OutputFolder output = DatasetOptions.output(out);
        LoadOutcome outcome = new Datasets(dataset.loader()).loaded(dataset.selection(), skipProcessed, output);
        var print = spec.commandLine().getOut();
        if (outcome.result().isEmpty()) {
            print.printf("files: 0 read, %d skipped as processed%nrows: 0%n", outcome.skipped().size());
            return 0;
        }
        LoadResult result = outcome.result().get();
        Summaries.printLoad(print, result, outcome.skipped().size());
        DatasetOptions.printWritten(print, output);
        outcome.sessionId().ifPresent(id -> print.println("audit session: " + id));
        return 0;
    }
}
