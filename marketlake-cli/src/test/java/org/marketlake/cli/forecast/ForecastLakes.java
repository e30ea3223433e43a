package org.marketlake.cli.forecast;

import java.nio.file.Path;
import org.marketlake.core.Lake;
import org.marketlake.core.io.BarCsvReader;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.time.TimestampParser;

/** A lake like the demo's, made from the shared real bars. */
final class ForecastLakes {
    private ForecastLakes() {}

    /** IBM 1m and 1d bars (2013-10-07), BTCUSD 1m and 1d bars (2016-10-07), from the shared reference CSVs. */
    static Path demoLike(Path root) {
        Lake lake = Lake.open(root);
        lake.write(csv("ibm-2013-10-07/reference-bars-1m.csv", Timeframe.M1, "IBM"));
        lake.write(csv("ibm-2013-10-07/reference-bars-1d.csv", Timeframe.D1, "IBM"));
        lake.write(csv("btcusd-2016-10-07/reference-bars-1m.csv", Timeframe.M1, "BTCUSD"));
        lake.write(csv("btcusd-2016-10-07/reference-bars-1d.csv", Timeframe.D1, "BTCUSD"));
        return root;
    }

    static Frame csv(String relative, Timeframe timeframe, String symbol) {
        Path data = Path.of(System.getProperty("marketlake.shared", "../../shared")).resolve("data").resolve(relative);
        return BarCsvReader.read(data, Symbol.of(symbol), timeframe, TimestampParser.allowingDates(null, null));
    }
}
