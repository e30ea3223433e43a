package org.marketlake.ingest.aggregate;

import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.ingest.input.Reason;

/**
 * Trades into one-second bars (the lake's {@code 1s} schema, with {@code trade_count} and {@code notional}).
 * A bar covers {@code [t, t + 1s)} in UTC and is stamped {@code t}; open is the first trade by timestamp and
 * close the last (equal timestamps: the one added first opens, the one added last closes), high and low the
 * extremes, volume the sum of sizes, notional the sum of price x size, both rounded once from exact-in-practice
 * double-double sums so they do not depend on the order trades arrive in.
 *
 * <pre>{@code
 * try (TradeBars bars = TradeBars.create(Symbol.of("IBM"))) {
 *     bars.addAll(timestamps, prices, sizes, count);   // any order, any months, as many batches as needed
 *     bars.forEachMonth(lake::write);                    // one sorted 1s frame per UTC month
 * }
 * }</pre>
 * Memory is bounded: partial bars beyond about a quarter of the heap spill to temporary files.
 */
public final class TradeBars extends SecondsAccumulator<TradeSeconds, TradeBars> {

    private TradeBars(Symbol symbol, long budget) {
        super(symbol, TradeSeconds.KIND, new MonthlyTables<>(TradeSeconds::new, budget));
    }

    public static TradeBars create(Symbol symbol) {
        return new TradeBars(symbol, MonthlyTables.defaultBudget());
    }

    /** How many partial seconds {@link #create} keeps in memory before spilling: a quarter of the heap's limit. */
    public static long defaultBudget() {
        return MonthlyTables.defaultBudget();
    }

    /** As {@link #create}, spilling once more than {@code secondsInMemory} partial bars are held (for tests). */
    public static TradeBars withBudget(Symbol symbol, long secondsInMemory) {
        return new TradeBars(symbol, secondsInMemory);
    }

    /** The 1s bars of a batch of trades, all months in one sorted frame; a bad trade fails with its row. */
    public static Frame secondBars(Symbol symbol, long[] timestamps, double[] prices, double[] sizes, int count) {
        try (TradeBars bars = create(symbol)) {
            bars.addAll(timestamps, prices, sizes, count);
            return bars.toFrame();
        }
    }

    /** Why a trade would be rejected, or null when it is fine. */
    public static Reason check(double price, double size) {
        if (!Double.isFinite(price)) {
            return Reason.NON_FINITE_PRICE;
        }
        if (price <= 0) {
            return Reason.NON_POSITIVE_PRICE;
        }
        if (Double.isNaN(size) || Double.isInfinite(size)) {
            return Reason.NON_FINITE_SIZE;
        }
        if (size < 0) {
            return Reason.NEGATIVE_SIZE;
        }
        return null;
    }

    /** Adds one trade; returns why it was rejected, or null when it was taken. */
    public Reason add(long timestampMicros, double price, double size) {
        Reason problem = check(price, size);
        if (problem != null) {
            return problem;
        }
        months.tableFor(timestampMicros).add(timestampMicros, price, size);
        accepted++;
        return null;
    }

    /** Adds {@code count} trades; the first bad one fails the batch, naming its row and value (nothing is half-added). */
    public void addAll(long[] timestamps, double[] prices, double[] sizes, int count) {
        for (int i = 0; i < count; i++) {
            Reason problem = check(prices[i], sizes[i]);
            if (problem != null) {
                throw new InvalidDataException("bad trade: " + problem.label() + " [row=" + i + ", timestamp=" + Micros.format(timestamps[i])
                        + ", price=" + prices[i] + ", size=" + sizes[i] + "]");
            }
        }
        for (int i = 0; i < count; i++) {
            months.tableFor(timestamps[i]).add(timestamps[i], prices[i], sizes[i]);
        }
        accepted += count;
    }
}
