package org.marketlake.cli.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.CommonOptions;
import org.marketlake.core.error.DataQualityException;
import org.marketlake.loader.LoadOutcome;
import org.marketlake.loader.ParquetDataLoader;
import org.marketlake.loader.discovery.Selection;
import org.marketlake.loader.process.Processor;
import org.marketlake.loader.process.QualityChecker;
import org.marketlake.loader.process.QualityReport;
import org.marketlake.loader.read.LoadResult;
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
    public Integer call() throws Exception {
        if (!format.equals("table") && !format.equals("json")) {
            throw new org.marketlake.core.error.InvalidRequestException("--format takes table or json, got '" + format + "'");
        }
        ParquetDataLoader loader = dataset.loader();
        Selection selection = dataset.selection();
        LoadOutcome outcome = loader.load(selection, false, "quality");
        LoadResult load = outcome.result().orElseThrow();
        List<String> expected = new ArrayList<>();
        expected.add(loader.config().schema().datetimeColumn());
        expected.addAll(load.targets());
        expected.addAll(loader.config().schema().featureColumns());
        expected.addAll(loader.config().schema().timestampColumns());
        long step = Selection.timeframeMicros(load.files().get(0).file().timeframe());
        QualityReport report = QualityChecker.check(load.table(), step,
                Processor.valueColumns(load.table(), load.targets(), loader.config()), expected, load.extraColumns(),
                loader.config().processing());
        spec.commandLine().getOut().print(format.equals("json") ? report.toJson() + System.lineSeparator() : report.toTable());
        if (out != null) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("quality.json"), report.toJson());
        }
        spec.commandLine().getOut().flush();
        if (failOnQuality && !report.isValid()) {
            throw new DataQualityException("data quality issues in " + load.files().size() + " files: " + String.join("; ", report.issues()));
        }
        return 0;
    }
}
