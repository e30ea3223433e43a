package org.marketlake.cli.dataset;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.NoLakeOptions;
import org.marketlake.loader.dataset.Datasets;
import org.marketlake.loader.dataset.OutputFolder;
import org.marketlake.loader.process.NullReport;
import org.marketlake.loader.process.OutlierReport;
import org.marketlake.loader.process.Processed;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code marketlake dataset features}: null handling, outliers and features over a selection; {@code --out} writes features.parquet. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Handle nulls and outliers, engineer the features, report what each step did.")
final class FeaturesCommand implements Callable<Integer> {
    @Mixin
    NoLakeOptions common;

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--out", paramLabel = "DIR", description = "Write DIR/features.parquet.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        OutputFolder output = DatasetOptions.output(out);
        Processed processed = new Datasets(dataset.loader()).features(dataset.selection(), output);
        PrintWriter print = spec.commandLine().getOut();
        printProcessing(print, processed);
        DatasetOptions.printWritten(print, output);
        return 0;
    }

    static void printProcessing(PrintWriter print, Processed processed) {
        print.printf("rows: %d%n", processed.table().rows());
        Summaries.printRange(print, processed.table());
        print.println(processed.fromCache() ? "cache: hit (processed by an earlier identical run)" : "cache: miss");
        for (NullReport nulls : processed.nulls()) {
            if (nulls.missing() > 0) {
                print.printf("nulls %s: %d missing, %d filled, %d leading unfilled, %d trailing unfilled, %d rows dropped%n",
                        nulls.column(), nulls.missing(), nulls.filled(), nulls.leadingUnfilled(), nulls.trailingUnfilled(), nulls.rowsDropped());
            }
        }
        if (processed.rowsDroppedForNulls() > 0) {
            print.printf("rows dropped for nulls: %d%n", processed.rowsDroppedForNulls());
        }
        for (OutlierReport outlier : processed.outliers()) {
            if (outlier.outliers() > 0) {
                print.printf("outliers %s: %d (%s, outside [%.6g, %.6g])%n", outlier.column(), outlier.outliers(), outlier.method(),
                        outlier.lower(), outlier.upper());
            }
        }
        if (processed.rowsDroppedForOutliers() > 0) {
            print.printf("rows dropped for outliers: %d%n", processed.rowsDroppedForOutliers());
        }
        print.printf("features: %d (%s)%n", processed.features().size(), String.join(", ", processed.features()));
    }
}
