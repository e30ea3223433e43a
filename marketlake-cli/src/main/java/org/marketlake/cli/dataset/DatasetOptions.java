package org.marketlake.cli.dataset;

import java.nio.file.Path;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.loader.load.ParquetDataLoader;
import org.marketlake.loader.dataset.OutputFolder;
import org.marketlake.loader.discovery.Selection;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options every {@code dataset} subcommand shares: the config file and part 1's selectors. */
final class DatasetOptions {
    @Option(names = "--config", paramLabel = "FILE", required = true, description = "The loader's YAML configuration (parquet_loader: ...).")
    Path config;

    @ArgGroup(exclusive = true)
    Years years = new Years();

    @ArgGroup(exclusive = true)
    Months months = new Months();

    /** {@code --year} or {@code --year-range}, not both. */
    static final class Years {
        @Option(names = "--year", paramLabel = "YYYY", description = "One year.")
        Integer year;

        @Option(names = "--year-range", paramLabel = "FROM:TO", converter = RangeConverter.class, description = "Years FROM to TO, inclusive (2014:2016).")
        Span yearRange;
    }

    /** {@code --month} or {@code --month-range}, not both. */
    static final class Months {
        @Option(names = "--month", paramLabel = "M", description = "One month, 1 to 12.")
        Integer month;

        @Option(names = "--month-range", paramLabel = "FROM:TO", converter = RangeConverter.class, description = "Months FROM to TO, inclusive (1:6).")
        Span monthRange;
    }

    /** {@code FROM:TO}, both inclusive. */
    record Span(int from, int to) {}

    /** {@code FROM:TO}, two integers. */
    static final class RangeConverter implements CommandLine.ITypeConverter<Span> {
        @Override
        public Span convert(String text) {
            String[] parts = text.split(":");
            try {
                if (parts.length == 2) {
                    return new Span(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
                }
            } catch (NumberFormatException e) {
                // Falls through to the message below.
            }
            throw new CommandLine.TypeConversionException("takes FROM:TO, for example 2014:2016 [value=" + text + "]");
        }
    }

    @Option(names = "--symbol", paramLabel = "SYM", description = "The symbol, as in file names.")
    String symbol;

    @Option(names = "--timeframe", paramLabel = "TF", description = "1m (also the design's 1min), 5m, 1h (also 60min)...")
    String timeframe;

    @Option(names = "--horizon", paramLabel = "H", description = "The horizon, when a month holds several (15 for h15); dataset context also "
            + "lists the H bar starts a forecast after the last context row covers, through the calendar's open time.")
    Integer horizon;

    @Option(names = "--hash", description = "The dataset hash, when a month holds several.")
    String hash;

    public ParquetDataLoader loader() {
        return ParquetDataLoader.open(config);
    }

    public boolean hasYears() {
        return years != null && (years.year != null || years.yearRange != null);
    }

    /** The selection; years stay open (every year) when neither --year nor --year-range is given. */
    public Selection selection() {
        Selection selection = Selection.all();
        if (years != null && years.year != null) {
            selection = selection.withYears(years.year, years.year);
        } else if (years != null && years.yearRange != null) {
            selection = selection.withYears(years.yearRange.from(), years.yearRange.to());
        }
        if (months != null && months.month != null) {
            selection = selection.withMonths(months.month, months.month);
        } else if (months != null && months.monthRange != null) {
            selection = selection.withMonths(months.monthRange.from(), months.monthRange.to());
        }
        return selection.withSymbol(symbol).withTimeframe(timeframe).withHorizon(horizon).withHash(hash);
    }

    /** A time flag's value in epoch microseconds; without offset in {@code schema.timezone}. */
    static long time(ParquetDataLoader loader, String option, String text) {
        try {
            return org.marketlake.core.time.TimestampParser.allowingDates(loader.config().schema().timezone(), null).parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(option + " takes a time such as 2014-03-03T09:30:00Z, got '" + text + "': " + e.getMessage());
        }
    }

    /** The folder of {@code --out DIR}, or none when it is not given. */
    static OutputFolder output(Path out) {
        return out == null ? OutputFolder.none() : OutputFolder.at(out);
    }

    /** Says which files a command published (nothing when it published none). */
    static void printWritten(java.io.PrintWriter print, OutputFolder output) {
        if (!output.written().isEmpty()) {
            print.println("written: " + String.join(", ", output.written().stream().map(Path::toString).toList()));
        }
    }
}
