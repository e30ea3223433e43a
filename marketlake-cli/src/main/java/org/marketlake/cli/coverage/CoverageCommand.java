package org.marketlake.cli.coverage;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CalendarOption;
import org.marketlake.cli.convert.DateConverter;
import org.marketlake.cli.convert.SymbolConverter;
import org.marketlake.cli.convert.TimeframeConverter;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.cli.output.Output;
import org.marketlake.cli.output.OutputOptions;
import org.marketlake.cli.output.OutputTarget;
import org.marketlake.core.calendar.TradingCalendar;
import org.marketlake.core.coverage.Coverage;
import org.marketlake.core.coverage.CoverageReport;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.store.Lake;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marketlake coverage}: per trading day of a symbol's calendar, the bars the session expects, the ones the
 * lake holds, and the longest gap; totals at the end. The work is {@link Coverage}'s; this prints its report.
 */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "How completely the lake holds a symbol's bars: per trading day of its calendar, the bars the session "
                + "expects, the ones present, the missing ones and the longest gap, then totals (closed days are not gaps).")
public final class CoverageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--symbol", required = true, paramLabel = "SYM", converter = SymbolConverter.class,
            description = "The symbol to check.")
    Symbol symbol;

    @Option(names = "--timeframe", required = true, paramLabel = "TF", converter = TimeframeConverter.class,
            description = "Bars to check: 1s, 1m, 5m, 15m, 1h (the bars whose interval overlaps a session) or 1d (one per session).")
    Timeframe timeframe;

    @Option(names = "--start", paramLabel = "DATE", converter = DateConverter.class,
            description = "First trading date (YYYY-MM-DD; default: the date of the first stored bar).")
    LocalDate start;

    @Option(names = "--end", paramLabel = "DATE", converter = DateConverter.class,
            description = "Last trading date (YYYY-MM-DD, inclusive; default: the date of the last stored bar).")
    LocalDate end;

    @Mixin
    CalendarOption calendar;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Lake lake = common.lake();
        OutputTarget target = output.target(lake.root(), false);
        TradingCalendar trading = calendar.of(lake.root(), symbol);
        CoverageReport report = Coverage.of(lake, symbol, timeframe, trading, start, end);
        Output.print(CoverageRows.of(report), target.format(), target.file(), null, spec.commandLine().getOut());
        return 0;
    }
}
