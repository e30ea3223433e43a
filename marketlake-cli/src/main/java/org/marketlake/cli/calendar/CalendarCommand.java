package org.marketlake.cli.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.convert.DateConverter;
import org.marketlake.cli.options.NoLakeOptions;
import org.marketlake.cli.output.Output;
import org.marketlake.cli.output.OutputOptions;
import org.marketlake.cli.output.OutputTarget;
import org.marketlake.core.calendar.TradingCalendar;
import org.marketlake.core.calendar.TradingCalendars;
import org.marketlake.core.calendar.TradingSession;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.format.Rows;
import org.marketlake.core.store.Lake;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marketlake calendar}: the sessions of a trading calendar, or whether one date trades. It reads no lake,
 * so it refuses {@code --root} (through {@link NoLakeOptions}).
 */
@Command(name = "calendar", mixinStandardHelpOptions = true,
        description = "The sessions of a trading calendar (one row per session: date, open and close in UTC and local time, "
                + "early close), or whether one date trades and its hours.")
public final class CalendarCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--calendar", paramLabel = "NAME", defaultValue = TradingCalendars.XNYS,
            description = "XNYS (NYSE and Nasdaq stocks), 24/7 (crypto) or FX (default: ${DEFAULT-VALUE}).")
    String calendar;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Days days;

    @Mixin
    OutputOptions output;

    @Mixin
    NoLakeOptions common;

    /** Which days: exactly one of --year, --date, or --start with --end. */
    static final class Days {
        @Option(names = "--year", paramLabel = "YYYY", description = "Every session of that year.")
        Integer year;

        @Option(names = "--date", paramLabel = "DATE", converter = DateConverter.class,
                description = "One date (YYYY-MM-DD): whether it trades, its hours, and why it is closed or closes early.")
        LocalDate date;

        @ArgGroup(exclusive = false)
        Range range;
    }

    /** A range of dates, both given. */
    static final class Range {
        @Option(names = "--start", paramLabel = "DATE", required = true, converter = DateConverter.class,
                description = "First date of a range (YYYY-MM-DD), with --end.")
        LocalDate start;

        @Option(names = "--end", paramLabel = "DATE", required = true, converter = DateConverter.class,
                description = "Last date of the range (YYYY-MM-DD, inclusive), with --start.")
        LocalDate end;
    }

    @Override
    public Integer call() {
        // No lake is read; an --output inside the default lake root is still refused, as for every command.
        OutputTarget target = output.target(Lake.defaultRoot(), false);
        TradingCalendar trading = TradingCalendars.of(calendar);
        Rows rows = days.date != null ? SessionRows.ofDate(trading, days.date) : SessionRows.ofSessions(trading, sessions(trading));
        Output.print(rows, target.format(), target.file(), null, spec.commandLine().getOut());
        return 0;
    }

    private List<TradingSession> sessions(TradingCalendar trading) {
        if (days.year != null) {
            if (days.year < trading.firstDate().getYear() || days.year > trading.lastDate().getYear()) {
                throw new InvalidRequestException(trading.name() + " calendar covers " + trading.firstDate() + " to " + trading.lastDate()
                        + " [year=" + days.year + "]: ask for a year in that range");
            }
            return trading.sessions(LocalDate.of(days.year, 1, 1), LocalDate.of(days.year, 12, 31));
        }
        if (days.range.end.isBefore(days.range.start)) {
            throw new InvalidRequestException("--end " + days.range.end + " is before --start " + days.range.start);
        }
        return trading.sessions(days.range.start, days.range.end);
    }
}
