package org.marketlake.ingest.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.testing.Bars;
import org.marketlake.ingest.input.Reason;
import org.marketlake.ingest.testing.FrameText;
import org.marketlake.ingest.testing.Trades;

class TradeBarsTest {
    private static final Symbol IBM = Symbol.of("IBM");
    private static final long START = Bars.micros("2024-01-02T14:30:00Z");

    /** Columns: timestamp open high low close volume trade_count notional. */
    @Test
    void workedExample() {
        long[] ts = {
            Bars.micros("2024-01-02T14:30:00.500Z"),
            Bars.micros("2024-01-02T14:30:00.100Z"),
            Bars.micros("2024-01-02T14:30:00.999999Z"),
            Bars.micros("2024-01-02T14:30:01Z"), // exactly on the edge: opens the next bar
            Bars.micros("2024-01-02T14:30:01Z"), // same instant: the later input closes
            Bars.micros("2024-01-02T14:30:03.2Z"),
        };
        double[] price = {10.0, 11.0, 9.5, 12.0, 12.5, 13.0};
        double[] size = {100, 1, 10, 5, 0, 2};
        Frame bars = TradeBars.secondBars(IBM, ts, price, size, ts.length);
        assertThat(FrameText.lines(bars)).containsExactly(
                "2024-01-02T14:30:00Z 11.0 11.0 9.5 9.5 111.0 3 1106.0",
                "2024-01-02T14:30:01Z 12.0 12.5 12.0 12.5 5.0 2 60.0",
                "2024-01-02T14:30:03Z 13.0 13.0 13.0 13.0 2.0 1 26.0");
    }

    @Test
    void badTradesAreNamedNotAggregated() {
        assertThat(TradeBars.check(1.0, 0.0)).isNull();
        assertThat(TradeBars.check(0.0, 1.0)).isEqualTo(Reason.NON_POSITIVE_PRICE);
        assertThat(TradeBars.check(-2.0, 1.0)).isEqualTo(Reason.NON_POSITIVE_PRICE);
        assertThat(TradeBars.check(Double.NaN, 1.0)).isEqualTo(Reason.NON_FINITE_PRICE);
        assertThat(TradeBars.check(Double.POSITIVE_INFINITY, 1.0)).isEqualTo(Reason.NON_FINITE_PRICE);
        assertThat(TradeBars.check(1.0, -1.0)).isEqualTo(Reason.NEGATIVE_SIZE);
        assertThat(TradeBars.check(1.0, Double.NaN)).isEqualTo(Reason.NON_FINITE_SIZE);
        assertThatThrownBy(() -> TradeBars.secondBars(IBM, new long[] {START, START}, new double[] {1, -1}, new double[] {1, 1}, 2))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("bad trade: non-positive price [row=1, timestamp=2024-01-02T14:30:00Z, price=-1.0, size=1.0]");
    }

    static List<Long> seeds() {
        return Trades.seeds(6, 42);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void volumeAndCountsAreConservedAndExtremesBoundEveryTrade(long seed) {
        Trades trades = Trades.random(seed, 5_000, START, 600 * Micros.PER_SECOND, false, false);
        Frame bars = TradeBars.secondBars(IBM, trades.ts, trades.price, trades.size, trades.count);
        double volume = 0;
        long count = 0;
        for (int row = 0; row < bars.size(); row++) {
            volume += bars.doubles("volume")[row];
            count += bars.ints("trade_count")[row];
        }
        double sizes = 0;
        for (int i = 0; i < trades.count; i++) {
            sizes += trades.size[i];
            long second = Math.floorDiv(trades.ts[i], Micros.PER_SECOND) * Micros.PER_SECOND;
            int row = java.util.Arrays.binarySearch(bars.timestamps(), 0, bars.size(), second);
            assertThat(row).as("bar of trade %d", i).isGreaterThanOrEqualTo(0);
            assertThat(bars.doubles("high")[row]).isGreaterThanOrEqualTo(trades.price[i]);
            assertThat(bars.doubles("low")[row]).isLessThanOrEqualTo(trades.price[i]);
        }
        assertThat(volume).isEqualTo(sizes);
        assertThat(count).isEqualTo(trades.count);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void resultDoesNotDependOnInputOrder(long seed) {
        Trades trades = Trades.random(seed, 5_000, START, 300 * Micros.PER_SECOND, true, true);
        Trades shuffled = trades.permuted(seed + 1);
        assertThat(FrameText.lines(TradeBars.secondBars(IBM, shuffled.ts, shuffled.price, shuffled.size, shuffled.count)))
                .isEqualTo(FrameText.lines(TradeBars.secondBars(IBM, trades.ts, trades.price, trades.size, trades.count)));
    }

    /** Splitting one input into parts (files, chunks) and merging them in order changes nothing, ties included. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void resultDoesNotDependOnHowInputIsSplit(long seed) {
        Trades trades = Trades.random(seed, 6_000, START, 40 * Micros.PER_DAY, true, false);
        List<String> whole = FrameText.lines(TradeBars.secondBars(IBM, trades.ts, trades.price, trades.size, trades.count));
        try (TradeBars first = TradeBars.create(IBM); TradeBars second = TradeBars.create(IBM); TradeBars third = TradeBars.create(IBM)) {
            Trades a = trades.slice(0, 1_000);
            Trades b = trades.slice(1_000, 4_500);
            Trades c = trades.slice(4_500, trades.count);
            first.addAll(a.ts, a.price, a.size, a.count);
            second.addAll(b.ts, b.price, b.size, b.count);
            third.addAll(c.ts, c.price, c.size, c.count);
            second.mergeLater(third);
            first.mergeLater(second);
            assertThat(first.accepted()).isEqualTo(trades.count);
            assertThat(FrameText.lines(first.toFrame())).isEqualTo(whole);
        }
    }

    /** A tiny memory budget spills partial bars to disk many times; the bars come out the same. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void spillingToDiskChangesNothing(long seed) {
        Trades trades = Trades.random(seed, 20_000, START, 70 * Micros.PER_DAY, true, false);
        List<String> inMemory = FrameText.lines(TradeBars.secondBars(IBM, trades.ts, trades.price, trades.size, trades.count));
        try (TradeBars spilling = TradeBars.withBudget(IBM, 50)) {
            for (int i = 0; i < trades.count; i++) {
                assertThat(spilling.add(trades.ts[i], trades.price[i], trades.size[i])).isNull();
            }
            assertThat(spilling.spills()).isGreaterThan(10);
            List<Frame> months = new java.util.ArrayList<>();
            spilling.forEachMonth(months::add);
            assertThat(months).hasSizeBetween(3, 4);
            assertThat(FrameText.lines(Frame.concat(months))).isEqualTo(inMemory);
        }
    }
}
