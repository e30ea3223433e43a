package org.marketlake.ingest.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.testing.Bars;
import org.marketlake.ingest.testing.FrameText;
import org.marketlake.ingest.testing.Trades;

class RollupTest {
    private static final Symbol IBM = Symbol.of("IBM");

    static List<Object[]> cases() {
        List<Object[]> cases = new ArrayList<>();
        for (long seed : Trades.seeds(3, 100)) {
            for (Timeframe timeframe : List.of(Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.H1)) {
                cases.add(new Object[] {seed, timeframe});
            }
        }
        return cases;
    }

    /**
     * Rolling 1s bars up gives what aggregating the same trades straight into the coarser interval gives: the
     * direct aggregation here is the same bar rule run with the timestamps floored to the coarser interval.
     */
    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("cases")
    void rollupEqualsDirectAggregation(long seed, Timeframe timeframe) {
        Trades trades = Trades.random(seed, 8_000, Bars.micros("2024-03-01T13:00:00Z"), 3 * Micros.PER_DAY, true, false);
        Frame rolled = Rollup.roll(TradeBars.secondBars(IBM, trades.ts, trades.price, trades.size, trades.count), timeframe, Session.UTC);
        Frame direct = direct(trades, timeframe.micros());
        assertThat(rolled.size()).isEqualTo(direct.size());
        assertThat(rolled.timestamps()).startsWith(java.util.Arrays.copyOf(direct.timestamps(), direct.size()));
        for (int row = 0; row < rolled.size(); row++) {
            for (String column : List.of("open", "high", "low", "close")) {
                assertThat(rolled.doubles(column)[row]).as("%s row %d", column, row).isEqualTo(direct.doubles(column)[row]);
            }
            assertThat(rolled.ints("trade_count")[row]).isEqualTo(direct.ints("trade_count")[row]);
            double volume = direct.doubles("volume")[row];
            assertThat(rolled.doubles("volume")[row]).isCloseTo(volume, within(Math.ulp(volume) * 2));
            double vwap = direct.doubles("notional")[row] / volume;
            assertThat(rolled.doubles("vwap")[row]).isCloseTo(vwap, within(Math.abs(vwap) * 1e-9));
        }
    }

    /** Trades with timestamps floored to {@code width}, aggregated by the 1s rule: one bar per interval. */
    private static Frame direct(Trades trades, long width) {
        // Sort by time (stable, so equal timestamps keep input order), then stamp each trade with its interval's start:
        // the 1s rule then sees one "second" per interval, with the trades in the right order.
        Integer[] order = new Integer[trades.count];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(trades.ts[a], trades.ts[b]));
        long[] ts = new long[trades.count];
        double[] price = new double[trades.count];
        double[] size = new double[trades.count];
        for (int i = 0; i < order.length; i++) {
            int at = order[i];
            ts[i] = Math.floorDiv(trades.ts[at], width) * width;
            price[i] = trades.price[at];
            size[i] = trades.size[at];
        }
        return TradeBars.secondBars(IBM, ts, price, size, trades.count);
    }

    private static Frame seconds(String... rows) {
        Frame.Builder builder = Bars.builder(Timeframe.S1, "IBM");
        for (String row : rows) {
            String[] parts = row.split(" ");
            int at = Bars.bar(builder, parts[0], Double.parseDouble(parts[1]), Double.parseDouble(parts[1]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
            builder.setInt(builder.indexOf("trade_count"), at, 1);
            builder.setDouble(builder.indexOf("notional"), at, Double.parseDouble(parts[1]) * Double.parseDouble(parts[2]));
        }
        return builder.build();
    }

    /**
     * Daylight-saving weeks: the regular session is 14:30-21:00 UTC before the March switch (EST) and 13:30-20:00
     * UTC after it (EDT), and back in November. Each date's bar takes exactly the 1s bars inside its window.
     */
    @Test
    void dailyBarsFollowNewYorkDaylightSaving() {
        Frame seconds = seconds(
                "2024-03-08T14:29:59Z 1 1",     // Fri, EST: 09:29:59, before the open
                "2024-03-08T14:30:00Z 2 10",    // 09:30:00, the open: in
                "2024-03-08T20:59:59Z 3 20",    // 15:59:59: in
                "2024-03-08T21:00:00Z 4 1",     // 16:00:00, the close: out
                "2024-03-11T13:29:59Z 5 1",     // Mon, EDT: 09:29:59: out
                "2024-03-11T13:30:00Z 6 30",    // 09:30:00: in
                "2024-03-11T19:59:59Z 7 40",    // 15:59:59: in
                "2024-03-11T20:00:00Z 8 1",     // 16:00: out
                "2024-11-01T13:30:00Z 9 50",    // Fri, EDT: in
                "2024-11-04T13:30:00Z 10 1",    // Mon, EST: 08:30, out
                "2024-11-04T14:30:00Z 11 60");  // 09:30: in
        assertThat(FrameText.lines(Rollup.roll(seconds, Timeframe.D1, Session.REGULAR))).containsExactly(
                "2024-03-08T00:00:00Z 2.0 3.0 2.0 3.0 30.0 " + (2 * 10 + 3 * 20) / 30.0 + " 2",
                "2024-03-11T00:00:00Z 6.0 7.0 6.0 7.0 70.0 " + (6 * 30 + 7 * 40) / 70.0 + " 2",
                "2024-11-01T00:00:00Z 9.0 9.0 9.0 9.0 50.0 9.0 1",
                "2024-11-04T00:00:00Z 11.0 11.0 11.0 11.0 60.0 11.0 1");
    }

    /** The extended session of a winter date ends at 20:00 EST = 01:00 UTC the next day; utc days cut at midnight. */
    @Test
    void extendedSessionCrossesUtcMidnightAndUtcSessionDoesNot() {
        Frame seconds = seconds(
                "2024-01-05T08:59:59Z 1 1",     // 03:59:59 EST: out
                "2024-01-05T09:00:00Z 2 1",     // 04:00: in
                "2024-01-06T00:59:59Z 3 1",     // Fri 19:59:59 EST, Saturday in UTC: still Friday's
                "2024-01-06T01:00:00Z 4 1");    // 20:00: out
        assertThat(FrameText.lines(Rollup.roll(seconds, Timeframe.D1, Session.EXTENDED))).containsExactly(
                "2024-01-05T00:00:00Z 2.0 3.0 2.0 3.0 2.0 2.5 2");
        assertThat(FrameText.lines(Rollup.roll(seconds, Timeframe.D1, Session.UTC))).containsExactly(
                "2024-01-05T00:00:00Z 1.0 2.0 1.0 2.0 2.0 1.5 2",
                "2024-01-06T00:00:00Z 3.0 4.0 3.0 4.0 2.0 3.5 2");
    }

    /** 1s bars stored without notional or trade_count (e.g. from ingest bars) roll up with null vwap and trade_count. */
    @Test
    void missingNotionalMakesVwapNull() {
        Frame.Builder builder = Bars.builder(Timeframe.S1, "IBM");
        Bars.bar(builder, "2024-01-02T14:30:00Z", 1, 2, 1, 2, 10);
        Bars.bar(builder, "2024-01-02T14:30:59Z", 2, 3, 1.5, 2.5, 5);
        Bars.bar(builder, "2024-01-02T14:31:00Z", 2, 3, 1.5, 2.5, 5);
        assertThat(FrameText.lines(Rollup.roll(builder.build(), Timeframe.M1, Session.UTC))).containsExactly(
                "2024-01-02T14:30:00Z 1.0 3.0 1.0 2.5 15.0 null null",
                "2024-01-02T14:31:00Z 2.0 3.0 1.5 2.5 5.0 null null");
    }
}
