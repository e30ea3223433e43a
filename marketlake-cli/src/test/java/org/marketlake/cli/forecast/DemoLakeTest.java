package org.marketlake.cli.forecast;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.CliRun;
import org.marketlake.core.store.Lake;
import org.marketlake.core.csv.BarCsvReader;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.time.TimestampParser;

/**
 * Command tests over a lake like the demo's, built once per test class in a temporary folder from the shared
 * real bars: IBM 1m and 1d (2013-10-07, a Monday, 04:00-19:26 New York), BTCUSD 1m and 1d (2016-10-07, a Friday).
 */
abstract class DemoLakeTest {
    @TempDir
    static Path folder;
    static String root;

    @BeforeAll
    static void lake() {
        Lake lake = Lake.open(folder.resolve("lake"));
        write(lake, "ibm-2013-10-07/reference-bars-1m.csv", Timeframe.M1, "IBM");
        write(lake, "ibm-2013-10-07/reference-bars-1d.csv", Timeframe.D1, "IBM");
        write(lake, "btcusd-2016-10-07/reference-bars-1m.csv", Timeframe.M1, "BTCUSD");
        write(lake, "btcusd-2016-10-07/reference-bars-1d.csv", Timeframe.D1, "BTCUSD");
        root = lake.root().toString();
    }

    private static void write(Lake lake, String relative, Timeframe timeframe, String symbol) {
        Path data = Path.of(System.getProperty("marketlake.shared", "../../shared")).resolve("data").resolve(relative);
        lake.write(BarCsvReader.read(data, Symbol.of(symbol), timeframe, TimestampParser.allowingDates(null, null)));
    }

    static List<String> lines(CliRun run) {
        return run.out().lines().toList();
    }
}
