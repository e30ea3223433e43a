package org.marketlake.cli.dataset;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.NoLakeOptions;
import org.marketlake.cli.output.Output;
import org.marketlake.cli.output.OutputOptions;
import org.marketlake.cli.output.OutputTarget;
import org.marketlake.core.error.DataQualityException;
import org.marketlake.loader.dataset.Datasets;
import org.marketlake.loader.process.QualityReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code marketlake dataset quality}: the quality report of a selection as loaded. Issues are reported with exit
 * 0 (the design degrades gracefully); {@code --fail-on-quality} makes them exit 1.
 */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "Report missing values, temporal consistency (order, duplicates, gaps vs closures), outliers and schema compliance.")
final class QualityCommand implements Callable<Integer> {
    @Mixin
    NoLakeOptions common;

    @Mixin
    DatasetOptions dataset;

    @Mixin
    OutputOptions output;

    @Option(names = "--fail-on-quality", description = "Exit 1 when the report lists any issue.")
    boolean failOnQuality;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/quality.json.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        OutputTarget target = output.target(dataset.loader().config().dataPaths().rootDir(), false);
        Datasets.QualityCheck check = new Datasets(dataset.loader()).quality(dataset.selection(), DatasetOptions.output(out));
        QualityReport report = check.report();
        java.io.PrintWriter out = spec.commandLine().getOut();
        switch (target.format()) {
            // The report is one document: json indents it, jsonl puts it on one line, csv flattens it to metric,value rows.
            case TABLE -> Output.write(target.file(), out, writer -> writer.print(report.toTable()));
            case JSON -> Output.write(target.file(), out, writer -> writer.println(report.toJson()));
            case JSONL -> Output.write(target.file(), out, writer -> writer.println(report.toJsonLine()));
            default -> Output.print(report.metrics(), target.format(), target.file(), null, out);
        }
        if (failOnQuality && !report.isValid()) {
            throw new DataQualityException("data quality issues in " + check.files() + " files: " + String.join("; ", report.issues()));
        }
        return 0;
    }
}
