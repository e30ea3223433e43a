package org.marketlake.cli.lake;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.cli.output.Output;
import org.marketlake.core.query.Inventory;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.format.OutputFormat;
import org.marketlake.core.format.Rows;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.query.LakeQuery;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.ingest.DemoLake;
import java.time.LocalDate;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.query.Selection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Writes the demo lake ({@link DemoLake}: real data shipped with the project) and shows what it
 * holds: the inventory, a query, a chart and a SQL result. Running it again changes nothing.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Write a small lake of real IBM, BTC/USD and EUR/USD data into the root and show it off.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Lake lake = common.lakeToCreate();
        out.println("Writing the demo lake into " + common.root().toAbsolutePath().normalize() + " ...");
        WriteResult all = DemoLake.write(lake);
        out.printf("%d files: %d rows added, %d replaced, %d unchanged%n%n", all.files().size(), all.added(), all.replaced(), all.unchanged());

        out.println("== marketlake ls");
        Output.print(Inventory.of(lake).symbolRows(), OutputFormat.TABLE, null, null, out);

        out.println();
        out.println("== marketlake query --timeframe 1m --symbol IBM --date 2013-10-07 --market-hours --tz America/New_York (first 5 rows)");
        Frame session = new LakeQuery(DataKind.bars(Timeframe.M1), Symbol.of("IBM"), new Selection.Date(LocalDate.of(2013, 10, 7), null), List.of(), true).run(lake);
        Output.print(Rows.of(session.slice(0, Math.min(5, session.size()))), OutputFormat.TABLE, null,
                java.time.ZoneId.of("America/New_York"), out);

        out.println();
        out.println("IBM close, 2013-10-07 09:30-16:00 New York, one mark per 10 minutes:");
        out.println(Sparkline.of(session.doubles("close"), session.size(), 10));

        out.println();
        String sql = "SELECT symbol, count(*) AS bars, min(low) AS low, max(high) AS high, sum(volume) AS volume, "
                + "round(sum(vwap * volume) / sum(volume), 4) AS vwap FROM bars_1m GROUP BY symbol ORDER BY symbol";
        out.println("== marketlake sql \"" + sql + "\"");
        try (LakeSql lakeSql = lake.sql()) {
            Output.print(Rows.of(lakeSql.query(sql)), OutputFormat.TABLE, null, null, out);
        }
        out.println();
        out.println("Next: marketlake query --timeframe quotes --symbol EURUSD --start 2014-05-01T12:00:00Z --end 2014-05-01T12:00:10Z");
        out.println("      marketlake forecast --symbol IBM --timeframe 1m --horizon 30 --chart ibm.png");
        out.println();
        out.println("Web view: ./marketlake serve" + (common.root().equals(Lake.defaultRoot()) ? "" : " --root " + common.root())
                + ", then open http://127.0.0.1:8080/ in a browser (charts, coverage, SQL; Ctrl-C stops it).");
        return 0;
    }
}
