package org.marketlake.cli.lake;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.cli.output.OutputTarget;
import org.marketlake.core.store.Lake;
import org.marketlake.cli.output.Output;
import org.marketlake.cli.output.OutputOptions;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.format.OutputFormat;
import org.marketlake.core.format.Rows;
import org.marketlake.core.model.Frame;
import org.marketlake.core.query.LakeQuery;
import org.marketlake.core.store.ParquetExport;
import org.marketlake.cli.options.CalendarOption;
import org.marketlake.cli.convert.DataKindConverter;
import org.marketlake.core.calendar.TradingCalendar;
import org.marketlake.cli.convert.SymbolConverter;
import org.marketlake.cli.convert.ZoneConverter;
import org.marketlake.cli.options.TimeSelectionOptions;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Symbol;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Read bars or quotes of one symbol: a month, a date, or an inclusive range.")
public final class QueryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--timeframe", required = true, paramLabel = "TF", converter = DataKindConverter.class,
            description = "1s, 1m, 5m, 15m, 1h, 1d or quotes.")
    DataKind kind;

    @Option(names = "--symbol", required = true, paramLabel = "SYM", converter = SymbolConverter.class, description = "The symbol to read.")
    Symbol symbol;

    @ArgGroup(exclusive = true, multiplicity = "1")
    TimeSelectionOptions time;

    @Option(names = "--columns", split = ",", paramLabel = "COL", description = "Columns to read (default: all).")
    List<String> columns;

    @Option(names = "--market-hours", description = "Only bars that overlap a session of the symbol's calendar (quotes inside one; daily bars of trading dates).")
    boolean marketHours;

    @Mixin
    CalendarOption calendar;

    @Mixin
    org.marketlake.cli.options.AdjustOption adjust;

    @Option(names = "--tz", paramLabel = "ZONE", converter = ZoneConverter.class,
            description = "Print timestamps in this zone; read --date and offset-less times in it.")
    ZoneId tz;

    @Option(names = "--provenance", description = "Instead of the rows: each lake file the query reads, with every commit that wrote it and its sources (from the file's own metadata).")
    boolean provenance;

    @Mixin
    OutputOptions output;

    @Mixin
    SkippedFiles skipped;

    @Override
    public Integer call() {
        OutputTarget target = output.target(common.root(), true);
        TradingCalendar hours = marketHours ? calendar.of(common.root(), symbol) : null;
        LakeQuery query = new LakeQuery(kind, symbol, time.selection(tz), columns, hours);
        Lake lake = common.lake();
        if (provenance) {
            Output.print(Provenance.rows(lake, kind, symbol, query.selection().range()), target.format(), target.file(), tz,
                    spec.commandLine().getOut());
            return 0;
        }
        Frame frame = org.marketlake.core.actions.Adjustments.run(lake, query, adjust.adjustment(), skipped.sink(spec.commandLine().getErr()));
        if (frame.size() == 0 && lake.files(frame.kind(), frame.symbol()).isEmpty()) {
            spec.commandLine().getErr().println("note: the lake holds no " + frame.kind().viewName() + " files for " + frame.symbol().value());
        }
        if (target.format() == OutputFormat.PARQUET) {
            ParquetExport.write(frame, target.file());
        } else {
            Output.print(Rows.of(frame), target.format(), target.file(), tz, spec.commandLine().getOut());
        }
        return skipped.exitCode();
    }
}
