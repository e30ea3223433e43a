package org.marketlake.cli.dataset;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CalendarOption;
import org.marketlake.cli.options.NoLakeOptions;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Micros;
import org.marketlake.loader.load.ParquetDataLoader;
import org.marketlake.loader.dataset.Datasets;
import org.marketlake.loader.dataset.OutputFolder;
import org.marketlake.loader.dataset.PredictionDataset;
import org.marketlake.loader.discovery.Selection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code marketlake dataset context}: the prediction context, the last {@code context_length} rows at or before
 * {@code --at} (default: the end of --year/--month when given, else the newest row), reaching into earlier months;
 * with {@code --horizon H}, also the H bar starts a forecast after the last row covers, through the calendar's open time.
 */
@Command(name = "context", mixinStandardHelpOptions = true,
        description = "Build the prediction context: the last context_length processed rows up to a time.")
final class ContextCommand implements Callable<Integer> {
    @Mixin
    NoLakeOptions common;

    @Mixin
    DatasetOptions dataset;

    @Mixin
    CalendarOption calendar;

    @Option(names = "--at", paramLabel = "TIME", description = "The prediction time (ISO-8601; without offset in schema.timezone).")
    String at;

    @Option(names = "--context-length", paramLabel = "N", description = "Rows of context (default: inference.context_length).")
    Integer contextLength;

    @Option(names = "--allow-short", description = "When the history holds fewer rows than the context length, take the rows there are instead of failing.")
    boolean allowShort;

    @Option(names = "--out", paramLabel = "DIR", description = "Write DIR/context.parquet.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ParquetDataLoader loader = dataset.loader();
        Datasets datasets = new Datasets(loader);
        Selection series = dataset.selection();
        long atMicros;
        if (at != null) {
            atMicros = DatasetOptions.time(loader, "--at", at);
        } else if (dataset.hasYears()) {
            LocalDate end = LocalDate.of(series.lastYear(), series.lastMonth(), 1).plusMonths(1);
            atMicros = end.atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L - 1;
        } else {
            atMicros = datasets.latest(series);
        }
        int length = contextLength != null ? contextLength : loader.config().inference().contextLength();
        if (length < 1) {
            throw new InvalidRequestException("--context-length must be at least 1, got " + length);
        }
        OutputFolder output = DatasetOptions.output(out);
        int steps = dataset.horizon != null ? dataset.horizon : 0;
        PredictionDataset context = datasets.prediction(series, atMicros, length, allowShort, output, steps, calendar.asked());
        var print = spec.commandLine().getOut();
        context.fellBackTo().ifPresent(month -> print.printf("no file for %s: fell back to the previous month, %s%n",
                java.time.YearMonth.from(java.time.LocalDate.ofInstant(Micros.toInstant(atMicros), ZoneOffset.UTC)), month));
        print.printf("context: %d rows up to %s from %d files%s%n", context.context().rows(), Micros.format(atMicros),
                context.files().size(), TrainCommand.range(context.context().ds()));
        if (context.context().rows() < length) {
            print.printf("short context: %d rows of the %d asked for (--allow-short)%n", context.context().rows(), length);
        }
        print.printf("columns: %d%n", context.context().names().size() + 1);
        if (!context.horizon().isEmpty()) {
            print.printf("horizon: %d steps (%s):%n", context.horizon().size(), context.calendar());
            context.horizon().forEach(step -> print.printf("  %s%n", Micros.format(step)));
        }
        DatasetOptions.printWritten(print, output);
        return 0;
    }
}
