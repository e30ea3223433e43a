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
import org.marketlake.cli.CommonOptions;
import org.marketlake.cli.Output;
import org.marketlake.core.Inventory;
import org.marketlake.core.Lake;
import org.marketlake.core.WriteResult;
import org.marketlake.core.format.OutputFormat;
import org.marketlake.core.format.Rows;
import org.marketlake.core.io.BarCsvReader;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.query.LakeQuery;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.core.time.TimestampParser;
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

    private static final String[][] BAR_SAMPLES = {
        {"IBM", "1s"}, {"IBM", "1m"}, {"IBM", "1d"}, {"BTCUSD", "1s"}, {"BTCUSD", "1m"}, {"BTCUSD", "1d"},
    };

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Lake lake = common.lake();
        Path samples = Files.createTempDirectory("marketlake-demo");
        try {
            out.println("Writing the demo lake into " + common.root().toAbsolutePath().normalize() + " ...");
            List<WriteResult> results = new ArrayList<>();
            TimestampParser parser = TimestampParser.allowingDates(null, null);
            for (String[] sample : BAR_SAMPLES) {
                Path file = extract(samples, sample[0] + ".bars-" + sample[1] + ".csv.gz");
                results.add(BarCsvReader.ingest(lake, Symbol.of(sample[0]), Timeframe.parse(sample[1]), List.of(file), parser));
            }
            WriteResult all = WriteResult.combine(results);
            out.printf("%d files: %d rows added, %d replaced, %d unchanged%n%n", all.files().size(), all.added(), all.replaced(), all.unchanged());
        } finally {
            deleteTree(samples);
        }

        out.println("== marketlake ls");
        Output.print(Inventory.of(lake).symbolRows(), OutputFormat.TABLE, null, null, out);

        out.println();
        out.println("== marketlake query --timeframe 1m --symbol IBM --date 2013-10-07 --market-hours --tz America/New_York (first 5 rows)");
        Frame session = LakeQuery.parse("1m", "IBM", null, "2013-10-07", null, null, null, List.of(), true).run(lake);
        Output.print(Rows.of(session.slice(0, Math.min(5, session.size()))), OutputFormat.TABLE, null,
                TimestampParser.zone("America/New_York"), out);

        out.println();
        out.println("IBM close, 2013-10-07 09:30-16:00 New York, one mark per 10 minutes:");
        out.println(Sparkline.of(session.doubles("close"), session.size(), 10));

        out.println();
        String sql = "SELECT symbol, count(*) AS bars, min(low) AS low, max(high) AS high, sum(volume) AS volume FROM bars_1m GROUP BY symbol ORDER BY symbol";
        out.println("== marketlake sql \"" + sql + "\"");
        try (LakeSql lakeSql = lake.sql()) {
            Output.print(Rows.of(lakeSql.query(sql)), OutputFormat.TABLE, null, null, out);
        }
        out.println();
        out.println("Next: marketlake query --timeframe 1m --symbol BTCUSD --start 2016-10-07T12:00:00Z --end 2016-10-07T12:10:00Z");
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
