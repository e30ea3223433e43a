package org.marketlake.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.store.Lake;
import org.marketlake.core.csv.BarCsvReader;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.time.TimestampParser;
import org.marketlake.ingest.aggregate.Rollup;
import org.marketlake.ingest.aggregate.Session;
import org.marketlake.ingest.testing.SharedData;

/** The real samples in ../shared/data (see its README for what matches exactly and what only approximately). */
class RealDataTest {
    @TempDir
    Path folder;

    /** Coinbase 1s bars stored as they are, rolled up: exactly the 1m and daily (UTC day) references. */
    @Test
    void coinbaseSecondsRollUpToTheMinuteAndDailyReferences() {
        Path seconds = SharedData.file("btcusd-2016-10-07/bars-1s.csv");
        Symbol btc = Symbol.of("BTC-USD");
        Lake lake = Lake.open(folder);
        BarCsvReader.ingest(lake, btc, Timeframe.S1, List.of(seconds), TimestampParser.of(null, null));
        TimeRange day = new TimeRange(Micros.of(Instant.parse("2016-10-07T00:00:00Z")), Micros.of(Instant.parse("2016-10-07T23:59:59Z")));
        Rollup.fromStoredSeconds(lake, btc, Set.of(Timeframe.M1, Timeframe.D1), day, Session.UTC);

        List<String[]> minutes = SharedData.rows(SharedData.file("btcusd-2016-10-07/reference-bars-1m.csv"));
        Frame ours = lake.read(DataKind.bars(Timeframe.M1), btc, TimeRange.ALL, List.of());
        assertThat(ours.size()).isEqualTo(minutes.size()).isEqualTo(1419);
        for (int row = 0; row < minutes.size(); row++) {
            assertBar(ours, row, minutes.get(row), Micros.of(Instant.parse(minutes.get(row)[0])));
        }
        Frame daily = lake.read(DataKind.bars(Timeframe.D1), btc, TimeRange.ALL, List.of());
        String[] reference = SharedData.rows(SharedData.file("btcusd-2016-10-07/reference-bars-1d.csv")).stream()
                .filter(r -> r[0].equals("2016-10-07")).findFirst().orElseThrow();
        assertThat(daily.size()).isEqualTo(1);
        assertBar(daily, 0, reference, Micros.of(Instant.parse("2016-10-07T00:00:00Z")));
        assertThat(daily.isNull(daily.indexOf("vwap"), 0)).as("no notional on these 1s bars, so no vwap").isTrue();
    }

    /** Prices exactly; volume (a sum of decimal BTC amounts) to the last representable digit. */
    private static void assertBar(Frame ours, int row, String[] reference, long timestamp) {
        assertThat(ours.timestamps()[row]).isEqualTo(timestamp);
        assertThat(ours.doubles("open")[row]).isEqualTo(Double.parseDouble(reference[1]));
        assertThat(ours.doubles("high")[row]).isEqualTo(Double.parseDouble(reference[2]));
        assertThat(ours.doubles("low")[row]).isEqualTo(Double.parseDouble(reference[3]));
        assertThat(ours.doubles("close")[row]).isEqualTo(Double.parseDouble(reference[4]));
        double volume = Double.parseDouble(reference[5]);
        assertThat(ours.doubles("volume")[row]).isCloseTo(volume, within(Math.ulp(volume) * 4));
    }

    /**
     * IBM's trades: the day's volume is every share traded; the vendor filtered some prints before building its
     * minute bars, so minute volumes match in most minutes, not all (README: at least 95%).
     */
    @Test
    void ibmTradesReproduceTheReferenceMinuteVolumes() {
        Path trades = SharedData.file("ibm-2013-10-07/trades.csv");
        Symbol ibm = Symbol.of("IBM");
        Lake lake = Lake.open(folder);
        IngestReport report = Ingest.trades(lake, IngestOptions.of(ibm, List.of(trades)).timeframes(Set.of(Timeframe.M1, Timeframe.D1)));
        List<String[]> rows = SharedData.rows(trades);
        assertThat(report.rowsRead()).isEqualTo(rows.size()).isEqualTo(24_293);
        assertThat(report.rowsAccepted()).isEqualTo(rows.size());
        double shares = rows.stream().mapToDouble(r -> Double.parseDouble(r[2])).sum();

        Frame minutes = lake.read(DataKind.bars(Timeframe.M1), ibm, TimeRange.ALL, List.of());
        double minuteVolume = 0;
        long minuteTrades = 0;
        Map<Long, Double> ourVolume = new HashMap<>();
        for (int row = 0; row < minutes.size(); row++) {
            minuteVolume += minutes.doubles("volume")[row];
            minuteTrades += minutes.ints("trade_count")[row];
            ourVolume.put(minutes.timestamps()[row], minutes.doubles("volume")[row]);
        }
        assertThat(minuteVolume).isEqualTo(shares);
        assertThat(minuteTrades).isEqualTo(rows.size());

        List<String[]> reference = SharedData.rows(SharedData.file("ibm-2013-10-07/reference-bars-1m.csv"));
        long matching = reference.stream()
                .filter(r -> Double.valueOf(Double.parseDouble(r[5])).equals(ourVolume.get(Micros.of(Instant.parse(r[0])))))
                .count();
        assertThat((double) matching / reference.size()).as("share of minutes with the reference volume").isGreaterThanOrEqualTo(0.95);

        Frame daily = lake.read(DataKind.bars(Timeframe.D1), ibm, TimeRange.ALL, List.of());
        assertThat(daily.size()).isEqualTo(1);
        assertThat(Micros.format(daily.timestamps()[0])).isEqualTo("2013-10-07T00:00:00Z");
        // Regular session only: 13:30 to 20:00 UTC on this EDT day.
        double regular = rows.stream()
                .filter(r -> r[0].compareTo("2013-10-07T13:30:00") >= 0 && r[0].compareTo("2013-10-07T20:00:00") < 0)
                .mapToDouble(r -> Double.parseDouble(r[2])).sum();
        assertThat(daily.doubles("volume")[0]).isEqualTo(regular);
    }

    /** EUR/USD quote ticks without sizes: one quote per second with quotes, the tightest, sizes null. */
    @Test
    void eurUsdQuotesReduceToOnePerSecond() {
        Path quotes = SharedData.file("eurusd-2014-05-01/quotes.csv");
        Symbol eurusd = Symbol.of("EURUSD");
        Lake lake = Lake.open(folder);
        IngestReport report = Ingest.quotes(lake, IngestOptions.of(eurusd, List.of(quotes)));
        List<String[]> rows = SharedData.rows(quotes);
        Map<Long, Double> tightest = new HashMap<>();
        for (String[] row : rows) {
            long second = Math.floorDiv(Micros.of(Instant.parse(row[0])), Micros.PER_SECOND) * Micros.PER_SECOND;
            tightest.merge(second, Double.parseDouble(row[2]) - Double.parseDouble(row[1]), Math::min);
        }
        assertThat(report.rowsAccepted() + report.rowsRejected()).isEqualTo(rows.size());
        Frame stored = lake.read(DataKind.QUOTES, eurusd, TimeRange.ALL, List.of());
        assertThat(stored.size()).isEqualTo(tightest.size());
        for (int row = 0; row < stored.size(); row++) {
            assertThat(stored.doubles("spread")[row]).isEqualTo(tightest.get(stored.timestamps()[row]));
            assertThat(stored.isNull(stored.indexOf("bid_size"), row)).isTrue();
            assertThat(stored.isNull(stored.indexOf("ask_size"), row)).isTrue();
        }
    }
}
