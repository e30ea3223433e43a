package org.marketlake.cli.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marketlake.cli.CommonOptions;
import org.marketlake.loader.dataset.Datasets;
import org.marketlake.loader.dataset.TableWriter;
import org.marketlake.loader.dataset.TrainingDataset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code marketlake dataset train}: the training dataset, split in time; {@code --out} writes train.parquet and validation.parquet. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Build the training dataset: processed targets and features, the last validation_split for validation.")
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--out", paramLabel = "DIR", description = "Write DIR/train.parquet, DIR/validation.parquet and DIR/scaling.json.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrainingDataset training = new Datasets(dataset.loader()).training(dataset.selection());
        PrintWriter print = spec.commandLine().getOut();
        FeaturesCommand.printProcessing(print, training.processed());
        print.printf("train: %d rows%s%n", training.train().rows(), range(training.train().ds()));
        print.printf("validation: %d rows%s%n", training.validation().rows(), range(training.validation().ds()));
        print.printf("scaled columns: %d (statistics fitted on the training rows only)%n", training.scaling().size());
        if (out != null) {
            TableWriter.writeParquet(training.train(), out.resolve("train.parquet"), TableWriter.TimeFormat.TIMESTAMP);
            TableWriter.writeParquet(training.validation(), out.resolve("validation.parquet"), TableWriter.TimeFormat.TIMESTAMP);
            Map<String, Map<String, Double>> scaling = new LinkedHashMap<>();
            training.scaling().forEach((name, fitted) -> scaling.put(name, Map.of("center", fitted[0], "scale", fitted[1])));
            Files.writeString(out.resolve("scaling.json"),
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(scaling));
            print.println("written: " + out.resolve("train.parquet") + ", " + out.resolve("validation.parquet"));
        }
        return 0;
    }

    static String range(long[] ds) {
        return ds.length == 0 ? "" : " (" + org.marketlake.core.model.Micros.format(ds[0]) + " .. "
                + org.marketlake.core.model.Micros.format(ds[ds.length - 1]) + ")";
    }
}
