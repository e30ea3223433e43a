package org.marketlake.cli.chronos;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.cli.convert.TimePointConverter;
import org.marketlake.cli.convert.ZoneConverter;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.time.TimePoint;
import org.marketlake.forecast.export.ExportSelection;
import org.marketlake.forecast.export.TrainingConfig;
import org.marketlake.forecast.export.TrainingSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code marketlake chronos export}: lake bars as a Chronos training set (Parquet or Arrow IPC) plus its config. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write lake bars as a Chronos training set: one row per series with start (timestamp) and target "
                    + "(list of float32, NaN for missing), as Parquet or with --arrow as an Arrow IPC file,",
            "and beside it a training config YAML for chronos-forecasting's scripts/training/train.py."
        })
final class ChronosExportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    org.marketlake.cli.options.AdjustOption adjust;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--symbol", split = ",", paramLabel = "SYMBOL", description = "Symbols to export (repeatable or comma-separated; default: every symbol with bars of the timeframe).")
    List<String> symbols = new ArrayList<>();

    @Option(names = "--timeframe", defaultValue = "1m", paramLabel = "TF", description = "Bar timeframe: 1s, 1m, 5m, 15m, 1h, 1d (default: ${DEFAULT-VALUE}).")
    String timeframe;

    @Option(names = "--column", defaultValue = "close", paramLabel = "NAME", description = "Bar column to use as the target (default: ${DEFAULT-VALUE}).")
    String column;

    @Option(names = "--start", paramLabel = "DATE", converter = TimePointConverter.class,
            description = "First day (YYYY-MM-DD, UTC unless --tz) or instant (ISO-8601) to include.")
    TimePoint start;

    @Option(names = "--end", paramLabel = "DATE", converter = TimePointConverter.class, description = "Last day (inclusive) or instant to include.")
    TimePoint end;

    @Option(names = "--tz", paramLabel = "ZONE", converter = ZoneConverter.class,
            description = "Zone of dates and of times without an offset in --start/--end (default: dates are UTC).")
    ZoneId zone;

    @Option(names = "--split-gaps", description = "One series per continuous session instead of one per symbol.")
    boolean splitGaps;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Training set to write (.parquet, or .arrow with --arrow).")
    Path out;

    @Option(names = "--arrow", description = "Write an Arrow IPC file instead of Parquet.")
    boolean arrow;

    @Option(names = "--config", paramLabel = "FILE", description = "Training config YAML to write (default: beside --out, with .yaml).")
    Path config;

    @Option(names = "--context-length", defaultValue = "512", paramLabel = "N", description = "context_length in the config (default: ${DEFAULT-VALUE}).")
    int contextLength;

    @Option(names = {"--horizon", "--prediction-length"}, defaultValue = "64", paramLabel = "N", description = "prediction_length in the config (default: ${DEFAULT-VALUE}).")
    int predictionLength;

    @Option(names = "--min-past", defaultValue = "60", paramLabel = "N", description = "min_past in the config (default: ${DEFAULT-VALUE}).")
    int minPast;

    @Override
    public Integer call() {
        TrainingConfig.Settings settings = new TrainingConfig.Settings(contextLength, predictionLength, minPast);
        long from = start == null ? Long.MIN_VALUE : start.first(zone);
        long to = end == null ? Long.MAX_VALUE : end.last(zone);
        if (from > to) {
            throw new InvalidRequestException("--start " + Micros.format(from) + " is after --end " + Micros.format(to));
        }
        ExportSelection selection = new ExportSelection(
                symbols.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Symbol::of).toList(),
                Timeframe.parse(timeframe), column, new TimeRange(from, to),
                splitGaps ? ExportSelection.Segmentation.PER_SESSION : ExportSelection.Segmentation.PER_SYMBOL);
        TrainingSet.Written written = TrainingSet.export(org.marketlake.core.actions.Adjustments.adjusting(common.lake(), adjust.adjustment()), new TrainingSet.Request(selection, out, arrow, config, settings));
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf("wrote %d series (%d values, %d observed) to %s%n", written.series(), written.values(), written.observed(), out);
        printer.printf("wrote training config to %s%n", written.config());
        printer.printf("next: python scripts/training/train.py --config %s  (in a clone of chronos-forecasting)%n",
                written.config().toAbsolutePath());
        return 0;
    }
}
