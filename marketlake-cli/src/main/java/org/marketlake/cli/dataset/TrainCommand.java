package org.marketlake.cli.dataset;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.NoLakeOptions;
import org.marketlake.loader.dataset.Datasets;
import org.marketlake.loader.dataset.OutputFolder;
import org.marketlake.loader.dataset.TrainingDataset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code marketlake dataset train}: the training dataset, split in time into train, validation and (with
 * {@code test_split}) test, {@code split_gap} rows left out between parts; {@code --out} writes them as Parquet.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Build the training dataset: processed targets and features split in time into train, validation_split for validation and test_split for test, split_gap rows between parts.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    NoLakeOptions common;

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--out", paramLabel = "DIR", description = "Write DIR/train.parquet, DIR/validation.parquet, DIR/test.parquet (with test_split) and DIR/scaling.json.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        OutputFolder output = DatasetOptions.output(out);
        org.marketlake.loader.load.ParquetDataLoader loader = dataset.loader();
        if (loader.config().processing().nullHandling() == org.marketlake.loader.config.NullHandling.INTERPOLATE) {
            spec.commandLine().getErr().println("warning: null_handling interpolate looks ahead: a null is filled from the next"
                    + " value after it, which a model would not have at that time (forward_fill does not look ahead)");
        }
        TrainingDataset training = new Datasets(loader).training(dataset.selection(), output);
        PrintWriter print = spec.commandLine().getOut();
        FeaturesCommand.printProcessing(print, training.processed());
        print.printf("train: %d rows%s%n", training.train().rows(), range(training.train().ds()));
        print.printf("validation: %d rows%s%n", training.validation().rows(), range(training.validation().ds()));
        if (loader.config().processing().testSplit() > 0) {
            print.printf("test: %d rows%s%n", training.test().rows(), range(training.test().ds()));
        }
        if (loader.config().processing().splitGap() > 0) {
            print.printf("gap: %d rows left out before validation%s%n", loader.config().processing().splitGap(),
                    loader.config().processing().testSplit() > 0 ? " and before test" : "");
        }
        print.printf("scaled columns: %d (statistics fitted on the training rows only)%n", training.scaling().size());
        DatasetOptions.printWritten(print, output);
        return 0;
    }

    static String range(long[] ds) {
        return ds.length == 0 ? "" : " (" + org.marketlake.core.model.Micros.format(ds[0]) + " .. "
                + org.marketlake.core.model.Micros.format(ds[ds.length - 1]) + ")";
    }
}
