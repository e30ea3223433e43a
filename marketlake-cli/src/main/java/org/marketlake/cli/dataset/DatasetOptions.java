package org.marketlake.cli.dataset;

import java.nio.file.Path;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.loader.load.ParquetDataLoader;
import org.marketlake.loader.dataset.OutputFolder;
import org.marketlake.loader.discovery.Selection;
import picocli.CommandLine.Option;

/** The options every {@code dataset} subcommand shares: the config file and part 1's selectors. */
public final class DatasetOptions {
    @Option(names = "--config", paramLabel = "FILE", required = true, description = "The loader's YAML configuration (parquet_loader: ...).")
    Path config;

    @Option(names = "--year", paramLabel = "YYYY", description = "One year.")
    Integer year;

    @Option(names = "--year-range", paramLabel = "FROM:TO", description = "Years FROM to TO, inclusive (2014:2016).")
    String yearRange;

    @Option(names = "--month", paramLabel = "M", description = "One month, 1 to 12.")
    Integer month;

    @Option(names = "--month-range", paramLabel = "FROM:TO", description = "Months FROM to TO, inclusive (1:6).")
    String monthRange;

    @Option(names = "--symbol", description = "The symbol, as in file names.")
    String symbol;

    @Option(names = "--timeframe", description = "1min (also 1m), 5min, 60min (also 1h)...")
    String timeframe;

    @Option(names = "--horizon", description = "The horizon, when a month holds several (15 for h15).")
    Integer horizon;

    @Option(names = "--hash", description = "The dataset hash, when a month holds several.")
    String hash;

    public ParquetDataLoader loader() {
        return ParquetDataLoader.open(config);
    }

    public boolean hasYears() {
        return year != null || yearRange != null;
    }

    /** The selection; years stay open (every year) when neither --year nor --year-range is given. */
    public Selection selection() {
        if (year != null && yearRange != null) {
            throw new InvalidRequestException("give --year or --year-range, not both");
        }
        if (month != null && monthRange != null) {
            throw new InvalidRequestException("give --month or --month-range, not both");
        }
        Selection selection = Selection.all();
        if (year != null) {
            selection = selection.withYears(year, year);
        } else if (yearRange != null) {
            int[] range = range("--year-range", yearRange);
            selection = selection.withYears(range[0], range[1]);
        }
        if (month != null) {
            selection = selection.withMonths(month, month);
        } else if (monthRange != null) {
            int[] range = range("--month-range", monthRange);
            selection = selection.withMonths(range[0], range[1]);
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

    static int[] range(String option, String text) {
        String[] parts = text.split(":");
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // Falls through to the usage error below.
        }
        throw new InvalidRequestException(option + " takes FROM:TO, for example 2014:2016, got '" + text + "'");
    }
}
