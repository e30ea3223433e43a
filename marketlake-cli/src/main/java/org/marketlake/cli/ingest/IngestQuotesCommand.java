package org.marketlake.cli.ingest;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.cli.lake.WriteSummary;
import org.marketlake.core.store.Lake;
import org.marketlake.ingest.Ingest;
import org.marketlake.ingest.IngestReport;
import org.marketlake.ingest.input.RecordLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code marketlake ingest quotes}: quotes into one quote per second. */
@Command(name = "quotes", mixinStandardHelpOptions = true,
        description = {"Reduce quotes (timestamp, bid_price, ask_price; bid_size, ask_size, exchange where present) to one per second:",
            "the tightest spread, the latest among equally tight ones. Crossed quotes and bad prices are rejected and counted."})
public final class IngestQuotesCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    InputOptions input;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Lake lake = common.lakeToCreate();
        IngestReport report = Ingest.quotes(lake, input.options(RecordLayout.QUOTES).progress(common.progress(err)));
        PrintWriter out = spec.commandLine().getOut();
        report.readSummary().forEach(out::println);
        WriteSummary.print(out, common.root(), report.writes());
        return 0;
    }
}
