package org.marketlake.cli.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.cli.output.Output;
import org.marketlake.core.query.Inventory;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.format.OutputFormat;
import org.marketlake.core.format.Rows;
import org.marketlake.core.csv.BarCsvReader;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.query.LakeQuery;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.core.model.Period;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.time.TimestampParser;
import org.marketlake.ingest.Ingest;
import org.marketlake.ingest.IngestOptions;
import org.marketlake.ingest.aggregate.Rollup;
import org.marketlake.ingest.aggregate.Session;
import java.time.LocalDate;
import java.time.YearMonth;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.query.Selection;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Writes a small lake of real data shipped with the project (see resources/demo/SOURCE.md) and shows what it
 * holds: the inventory, a query, a chart and a SQL result. Running it again changes nothing.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Write a small lake of real IBM, BTC/USD and EUR/USD data into the root and show it off.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    private static final Set<Timeframe> ALL_BARS = EnumSet.allOf(Timeframe.class);

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Lake lake = common.lakeToCreate();
        Path samples = Files.createTempDirectory("marketlake-demo");
        try {
            out.println("Writing the demo lake into " + common.root().toAbsolutePath().normalize() + " ...");
            List<WriteResult> results = new ArrayList<>();
            // IBM: every trade of 2013-10-07 into 1s bars, rolled up to 1m..1h and the regular-session daily bar.
            Symbol ibm = Symbol.of("IBM");
            results.add(Ingest.trades(lake, IngestOptions.of(ibm, List.of(extract(samples, "IBM.trades.csv.gz")))
                    .timeframes(ALL_BARS)).writes());
            // BTC/USD: Coinbase 1s bars as they are, rolled up over UTC days (a 24/7 market).
            Symbol btc = Symbol.of("BTCUSD");
            results.add(BarCsvReader.ingest(lake, btc, Timeframe.S1, List.of(extract(samples, "BTCUSD.bars-1s.csv.gz")),
                    TimestampParser.of(null, null)));
            results.add(Rollup.fromStoredSeconds(lake, btc, ALL_BARS, TimeRange.of(new Period.Month(YearMonth.of(2016, 10))), Session.UTC));
            // EUR/USD: quote ticks into one quote per second (the tightest spread).
            results.add(Ingest.quotes(lake, IngestOptions.of(Symbol.of("EURUSD"), List.of(extract(samples, "EURUSD.quotes.csv.gz")))).writes());
            WriteResult all = WriteResult.combine(results);
            out.printf("%d files: %d rows added, %d replaced, %d unchanged%n%n", all.files().size(), all.added(), all.replaced(), all.unchanged());
        } finally {
            deleteTree(samples);
        }

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
        return 0;
    }

    private static Path extract(Path folder, String name) throws IOException {
        Path target = folder.resolve(name);
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo sample missing from the build: " + name);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static void deleteTree(Path folder) {
        try (var walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
