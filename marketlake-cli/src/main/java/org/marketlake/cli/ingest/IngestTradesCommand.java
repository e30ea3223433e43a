package org.marketlake.cli.ingest;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.cli.lake.WriteSummary;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.Timeframe;
import org.marketlake.ingest.Ingest;
import org.marketlake.ingest.IngestOptions;
import org.marketlake.ingest.IngestReport;
import org.marketlake.ingest.aggregate.Session;
import org.marketlake.ingest.input.RecordLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code marketlake ingest trades}: trades into 1s bars and the coarser timeframes asked for. */
@Command(name = "trades", mixinStandardHelpOptions = true,
        description = {"Aggregate trades (timestamp, price, size) into 1s bars, then roll the stored 1s bars up to the other timeframes asked for.",
            "Prints rows read, rejected by reason, and per lake file the rows added, replaced and unchanged."})
public final class IngestTradesCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @Option(names = {"--timeframe", "--timeframes"}, split = ",", paramLabel = "TF", defaultValue = "1s",
            description = "Bars to write, comma-separated: 1s, 1m, 5m, 15m, 1h, 1d (default 1s; 1s is always written).")
    List<String> timeframes;

    @Mixin
    DailySessionOption daily;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Set<Timeframe> wanted = EnumSet.noneOf(Timeframe.class);
        for (String timeframe : timeframes) {
            wanted.add(Timeframe.parse(timeframe.strip()));
        }
        Session session = daily.session();
        PrintWriter err = spec.commandLine().getErr();
        IngestOptions options = input.options(RecordLayout.TRADES).timeframes(wanted).session(session).progress(common.progress(err));
        Lake lake = common.lakeToCreate();
        IngestReport report = Ingest.trades(lake, options);
        PrintWriter out = spec.commandLine().getOut();
        report.readSummary().forEach(out::println);
        WriteSummary.print(out, common.root(), report.writes());
        return 0;
    }
}
