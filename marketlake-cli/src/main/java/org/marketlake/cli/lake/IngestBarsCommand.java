package org.marketlake.cli.lake;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.csv.BarCsvReader;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.time.EpochUnit;
import org.marketlake.core.time.TimestampParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bars", mixinStandardHelpOptions = true,
        description = {"Store bars from CSV files as they are (validated, merged, atomically published).",
                "Header: timestamp,open,high,low,close,volume[,trade_count][,vwap]; for 1d a date column may replace timestamp."})
public final class IngestBarsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--timeframe", required = true, paramLabel = "TF", description = "1s, 1m, 5m, 15m, 1h or 1d.")
    String timeframe;

    @Option(names = "--symbol", required = true, paramLabel = "SYM", description = "The symbol the bars are of (the file name of the lake file).")
    String symbol;

    @Option(names = "--tz", paramLabel = "ZONE", description = "Zone of timestamps that have no offset.")
    String tz;

    @Option(names = "--epoch-unit", paramLabel = "UNIT", description = "Unit of integer timestamps: s, ms, us or ns.")
    String epochUnit;

    @Option(names = "--allow-any-date", description = "Accept integer timestamps that land before 1971 or after 2099 (refused by default: usually a wrong --epoch-unit).")
    boolean anyDate;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "CSV files (plain or .gz).")
    List<Path> files;

    @Override
    public Integer call() {
        Symbol sym = Symbol.of(symbol);
        Timeframe tf = Timeframe.parse(timeframe);
        TimestampParser parser = TimestampParser.allowingDates(TimestampParser.zone(tz), epochUnit == null ? null : EpochUnit.parse(epochUnit));
        WriteResult result = BarCsvReader.ingest(common.lakeToCreate(), sym, tf, files, anyDate ? parser.allowingAnyDate() : parser);
        WriteSummary.print(spec.commandLine().getOut(), common.root(), result);
        return 0;
    }
}
