package org.marketlake.cli.dataset;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
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
public final class QualityCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--format", description = "table or json (default: table).")
    String format = "table";

    @Option(names = "--fail-on-quality", description = "Exit 1 when the report lists any issue.")
    boolean failOnQuality;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/quality.json.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("json")) {
            throw new org.marketlake.core.error.InvalidRequestException("--format takes table or json, got '" + format + "'");
        }
        Datasets.QualityCheck check = new Datasets(dataset.loader()).quality(dataset.selection(), DatasetOptions.output(out));
        QualityReport report = check.report();
        spec.commandLine().getOut().print(format.equals("json") ? report.toJson() + System.lineSeparator() : report.toTable());
        spec.commandLine().getOut().flush();
        if (failOnQuality && !report.isValid()) {
            throw new DataQualityException("data quality issues in " + check.files() + " files: " + String.join("; ", report.issues()));
        }
        return 0;
    }
}
