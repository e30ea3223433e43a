package org.marketlake.cli.lake;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.cli.output.OutputTarget;
import org.marketlake.core.store.Lake;
import org.marketlake.cli.output.Output;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.format.OutputFormat;
import org.marketlake.core.format.Rows;
import org.marketlake.core.model.Frame;
import org.marketlake.core.query.LakeQuery;
import org.marketlake.core.store.ParquetExport;
import org.marketlake.core.time.TimestampParser;
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

    @Option(names = "--timeframe", required = true, paramLabel = "TF", description = "1s, 1m, 5m, 15m, 1h, 1d or quotes.")
    String timeframe;

    @Option(names = "--symbol", required = true, paramLabel = "SYM")
    String symbol;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "A UTC month.")
    String month;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "One date (UTC, or in --tz).")
    String date;

    @Option(names = "--start", paramLabel = "T", description = "Range start (inclusive): ISO-8601 instant or date.")
    String start;

    @Option(names = "--end", paramLabel = "T", description = "Range end (inclusive); a bare date covers that whole day.")
    String end;

    @Option(names = "--columns", split = ",", paramLabel = "COL", description = "Columns to read (default: all).")
    List<String> columns;

    @Option(names = "--market-hours", description = "Only 09:30 <= time < 16:00 America/New_York.")
    boolean marketHours;

    @Option(names = "--tz", paramLabel = "ZONE", description = "Print timestamps in this zone; read --date and offset-less times in it.")
    String tz;

    @Option(names = "--format", paramLabel = "FMT", description = "table, csv, json, jsonl or parquet (default: from the --output extension, else table).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE (outside the lake root) instead of stdout.")
    Path output;

    @Mixin
    SkippedFiles skipped;

    @Override
    public Integer call() {
        OutputTarget target = OutputTarget.of(format, output, common.root());
        LakeQuery query = LakeQuery.parse(timeframe, symbol, month, date, start, end, tz, columns, marketHours);
        Lake lake = common.lake();
        Frame frame = query.run(lake, skipped.sink(spec.commandLine().getErr()));
        if (frame.size() == 0 && lake.files(frame.kind(), frame.symbol()).isEmpty()) {
            spec.commandLine().getErr().println("note: the lake holds no " + frame.kind().viewName() + " files for " + frame.symbol().value());
        }
        if (target.format() == OutputFormat.PARQUET) {
            ParquetExport.write(frame, target.file());
        } else {
            Output.print(Rows.of(frame), target.format(), target.file(), TimestampParser.zone(tz), spec.commandLine().getOut());
        }
        return skipped.exitCode();
    }
}
