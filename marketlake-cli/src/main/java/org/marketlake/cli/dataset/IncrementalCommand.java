package org.marketlake.cli.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.NoLakeOptions;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Micros;
import org.marketlake.loader.load.ParquetDataLoader;
import org.marketlake.loader.dataset.Datasets;
import org.marketlake.loader.dataset.IncrementalDataset;
import org.marketlake.loader.dataset.OutputFolder;
import org.marketlake.loader.read.FileReader;
import org.marketlake.loader.table.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code marketlake dataset incremental}: rows strictly after {@code --after} (default: the last row of
 * {@code --existing}, else the last processed timestamp the idempotency state records for the series, else the
 * start of the selected months), merged into {@code --existing} when given (a timestamp in both takes the new row).
 */
@Command(name = "incremental", mixinStandardHelpOptions = true,
        description = "Load only rows after a time, across months up to the newest file; optionally merge into an existing dataset.")
final class IncrementalCommand implements Callable<Integer> {
    @Mixin
    NoLakeOptions common;

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--after", paramLabel = "TIME", description = "Rows strictly after this time (ISO-8601).")
    String after;

    @Option(names = "--existing", paramLabel = "FILE", description = "An existing dataset (Parquet) to merge the new rows into.")
    Path existing;

    @Option(names = "--out", paramLabel = "DIR", description = "Write DIR/incremental.parquet (the merged dataset with --existing).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Just before the first selected month, when neither --after, --existing nor the state says where to start. */
    private long startOfSelection() {
        if (!dataset.hasYears()) {
            throw new InvalidRequestException("give --after TIME, --existing FILE, or --year/--month to say where new rows start "
                    + "(the idempotency state records no processed file of this series yet)");
        }
        var selection = dataset.selection();
        return java.time.LocalDate.of(selection.firstYear(), selection.firstMonth(), 1).atStartOfDay()
                .toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L - 1;
    }

    @Override
    public Integer call() {
        ParquetDataLoader loader = dataset.loader();
        Datasets datasets = new Datasets(loader);
        Table base = null;
        if (existing != null) {
            if (!Files.isRegularFile(existing)) {
                throw new InvalidRequestException("--existing names no file: " + existing);
            }
            base = new FileReader(loader.config()).readAll(existing);
        }
        long afterMicros;
        if (after != null) {
            afterMicros = DatasetOptions.time(loader, "--after", after);
        } else if (base != null && base.rows() > 0) {
            afterMicros = base.ds()[base.rows() - 1];
        } else {
            afterMicros = datasets.lastProcessed(dataset.selection()).orElseGet(this::startOfSelection);
        }
        OutputFolder output = DatasetOptions.output(out);
        IncrementalDataset incremental = datasets.incremental(dataset.selection(), afterMicros, Optional.ofNullable(base), output);
        var print = spec.commandLine().getOut();
        print.printf("new rows: %d after %s from %d files (%d skipped: processed, nothing later)%s%n", incremental.rows().rows(),
                Micros.format(afterMicros), incremental.read().size(), incremental.skipped().size(),
                TrainCommand.range(incremental.rows().ds()));
        if (base != null) {
            print.printf("merged: %d rows (%d before)%n", incremental.dataset().rows(), base.rows());
        }
        DatasetOptions.printWritten(print, output);
        return 0;
    }
}
