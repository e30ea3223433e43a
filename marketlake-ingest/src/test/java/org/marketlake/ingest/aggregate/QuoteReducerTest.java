package org.marketlake.ingest.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.testing.Bars;
import org.marketlake.ingest.input.Reason;
import org.marketlake.ingest.testing.FrameText;
import org.marketlake.ingest.testing.Trades;

class QuoteReducerTest {
    private static final Symbol EURUSD = Symbol.of("EURUSD");

    /** Columns: timestamp bid_price bid_size ask_price ask_size spread exchange. */
    @Test
    void tightestSpreadWinsThenTheLatest() {
        try (QuoteReducer quotes = QuoteReducer.create(EURUSD)) {
            quotes.add(Bars.micros("2024-01-02T14:30:00.100Z"), 1.0, 1.75, 5, 6, "A");
            quotes.add(Bars.micros("2024-01-02T14:30:00.900Z"), 1.0, 1.5, 1, 2, "B");     // tighter
            quotes.add(Bars.micros("2024-01-02T14:30:00.200Z"), 1.25, 1.75, 3, 3, "C");   // as tight as B, earlier: B stays
            quotes.add(Bars.micros("2024-01-02T14:30:01.500Z"), 1.20, 1.20, 7, 7, "D");   // locked: kept
            quotes.add(Bars.micros("2024-01-02T14:30:01.500Z"), 1.21, 1.21, 8, 8, "E");   // same spread, same time, later input: wins
            assertThat(quotes.add(Bars.micros("2024-01-02T14:30:02Z"), 1.30, 1.29, 1, 1, "F")).isEqualTo(Reason.CROSSED_QUOTE);
            assertThat(quotes.add(Bars.micros("2024-01-02T14:30:02Z"), 0, 1.29, 1, 1, "G")).isEqualTo(Reason.NON_POSITIVE_PRICE);
            assertThat(quotes.add(Bars.micros("2024-01-02T14:30:02Z"), Double.NaN, 1.29, 1, 1, "H")).isEqualTo(Reason.NON_FINITE_PRICE);
            assertThat(quotes.add(Bars.micros("2024-01-02T14:30:02Z"), 1.2, 1.29, -1, 1, "I")).isEqualTo(Reason.NEGATIVE_SIZE);
            assertThat(quotes.add(Bars.micros("2024-01-02T14:30:03Z"), 1.2, 1.3, Double.NaN, Double.NaN, null)).isNull();
            // Spreads compare in double arithmetic: 1.13 - 1.11 = 0.01999... is tighter than 1.12 - 1.10 = 0.02000...
            quotes.add(Bars.micros("2024-01-02T14:30:04.9Z"), 1.10, 1.12, 1, 1, "J");
            quotes.add(Bars.micros("2024-01-02T14:30:04.1Z"), 1.11, 1.13, 1, 1, "K");
            assertThat(quotes.accepted()).isEqualTo(8);
            assertThat(FrameText.lines(quotes.toFrame())).containsExactly(
                    "2024-01-02T14:30:00Z 1.0 1.0 1.5 2.0 0.5 B",
                    "2024-01-02T14:30:01Z 1.21 8.0 1.21 8.0 0.0 E",
                    "2024-01-02T14:30:03Z 1.2 null 1.3 null " + (1.3 - 1.2) + " null",
                    "2024-01-02T14:30:04Z 1.11 1.0 1.13 1.0 " + (1.13 - 1.11) + " K");
        }
    }

    static List<Long> seeds() {
        return Trades.seeds(4, 7);
    }

    private static long[] uniqueTimes(Random random, int count, long start, long span) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        long[] ts = new long[count];
        for (int i = 0; i < count; i++) {
            do {
                ts[i] = start + (long) (random.nextDouble() * span);
            } while (!seen.add(ts[i]));
        }
        return ts;
    }

    /** Unique timestamps, random order, a tiny memory budget: the same quotes, each the tightest of its second. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void independentOfOrderAndSpillingAndAlwaysTheTightest(long seed) {
        Random random = new Random(seed);
        int count = 8_000;
        long[] ts = uniqueTimes(random, count, Bars.micros("2024-01-30T00:00:00Z"), 5 * Micros.PER_DAY);
        double[] bid = new double[count];
        double[] ask = new double[count];
        for (int i = 0; i < count; i++) {
            bid[i] = 1.1 + random.nextInt(100) / 1e5;
            ask[i] = bid[i] + random.nextInt(4) / 1e5;
        }
        List<String> forward = FrameText.lines(QuoteReducer.reduce(EURUSD, ts, bid, ask, null, null, null, count));
        try (QuoteReducer backward = QuoteReducer.withBudget(EURUSD, 40)) {
            for (int i = count - 1; i >= 0; i--) {
                backward.add(ts[i], bid[i], ask[i], Double.NaN, Double.NaN, null);
            }
            assertThat(backward.spills()).isGreaterThan(10);
            assertThat(FrameText.lines(backward.toFrame())).isEqualTo(forward);
        }
        Frame reduced = QuoteReducer.reduce(EURUSD, ts, bid, ask, null, null, null, count);
        for (int i = 0; i < count; i++) {
            int row = java.util.Arrays.binarySearch(reduced.timestamps(), 0, reduced.size(), Math.floorDiv(ts[i], Micros.PER_SECOND) * Micros.PER_SECOND);
            assertThat(reduced.doubles("spread")[row]).isLessThanOrEqualTo(ask[i] - bid[i]);
        }
    }
}
