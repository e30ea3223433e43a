package org.marketlake.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.marketlake.core.calendar.SymbolCalendars;
import org.marketlake.core.csv.BarCsvReader;
import org.marketlake.core.io.AtomicFiles;
import org.marketlake.core.model.Period;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.store.Lake;
import org.marketlake.core.time.TimestampParser;
import org.marketlake.ingest.Ingest;
import org.marketlake.ingest.IngestOptions;
import org.marketlake.ingest.aggregate.Rollup;
import org.marketlake.ingest.aggregate.Session;

/**
 * The demo lake: real samples shipped in this jar (resources/demo/SOURCE.md says where each comes from), written
 * through the same ingest paths a user's files take. Writing it again changes nothing (every write merges).
 */
public final class DemoLake {
    private static final Set<Timeframe> ALL_BARS = EnumSet.allOf(Timeframe.class);

    private DemoLake() {}

    /** Writes IBM trades (2013-10-07) and two IBM corporate actions, BTC/USD 1s bars (2016-10) and EUR/USD quotes (2014-05-01), with every roll-up. */
    public static WriteResult write(Lake lake) {
        Path samples;
        try {
            samples = Files.createTempDirectory("marketlake-demo");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary folder for the demo samples", e);
        }
        try {
            List<WriteResult> results = new ArrayList<>();
            // IBM: every trade of 2013-10-07 into 1s bars, rolled up to 1m..1h and the regular-session daily bar.
            results.add(Ingest.trades(lake, IngestOptions.of(Symbol.of("IBM"), List.of(extract(samples, "IBM.trades.csv.gz")))
                    .timeframes(ALL_BARS)).writes());
            // BTC/USD: Coinbase 1s bars as they are, rolled up over UTC days (a 24/7 market).
            Symbol btc = Symbol.of("BTCUSD");
            results.add(BarCsvReader.ingest(lake, btc, Timeframe.S1, List.of(extract(samples, "BTCUSD.bars-1s.csv.gz")),
                    TimestampParser.of(null, null)));
            results.add(Rollup.fromStoredSeconds(lake, btc, ALL_BARS, TimeRange.of(new Period.Month(YearMonth.of(2016, 10))), Session.UTC));
            // EUR/USD: quote ticks into one quote per second (the tightest spread).
            results.add(Ingest.quotes(lake, IngestOptions.of(Symbol.of("EURUSD"), List.of(extract(samples, "EURUSD.quotes.csv.gz")))).writes());
            // IBM's corporate actions: its 2-for-1 split of 1999 and the 0.95 dividend that went ex after the demo day.
            Symbol ibm = Symbol.of("IBM");
            lake.writeActions(ibm, List.of(
                    org.marketlake.core.model.CorporateAction.shares(ibm, java.time.LocalDate.of(1999, 5, 27),
                            org.marketlake.core.model.ActionType.SPLIT, 2, "demo"),
                    org.marketlake.core.model.CorporateAction.cashDividend(ibm, java.time.LocalDate.of(2013, 11, 6), 0.95, "demo")));
            writeSymbolCalendars(lake.root());
            return WriteResult.combine(results);
        } finally {
            deleteTree(samples);
        }
    }

    /** BTC/USD trades around the clock and EUR/USD on FX hours: said once, in the lake's symbols.yaml (a user's own file is kept). */
    private static void writeSymbolCalendars(Path root) {
        Path file = root.resolve(SymbolCalendars.FILE);
        if (Files.exists(file)) {
            return;
        }
        try {
            AtomicFiles.publishString(file, "# Which trading calendar each symbol follows (docs/CALENDAR.md); XNYS for the rest.\n"
                    + "symbols:\n  BTCUSD: 24/7\n  EURUSD: FX\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Path extract(Path folder, String name) {
        Path target = folder.resolve(name);
        try (InputStream in = DemoLake.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo sample missing from the build: " + name);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the demo sample " + name, e);
        }
    }

    private static void deleteTree(Path folder) {
        try (var walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
