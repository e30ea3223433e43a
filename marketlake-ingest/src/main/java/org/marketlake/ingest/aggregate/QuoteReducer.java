package org.marketlake.ingest.aggregate;

import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.ingest.input.Reason;

/**
 * Quotes into one quote per second: for every second with quotes, the one with the tightest spread
 * (ask - bid, in double arithmetic); among equally tight ones the latest by timestamp, then the one offered
 * last; stamped at the start of the second. Crossed quotes (ask < bid) and quotes with a non-positive or
 * non-finite price are rejected; a locked quote (ask == bid) is kept. Sizes are NaN (null) where unknown.
 *
 * <pre>{@code
 * try (QuoteReducer quotes = QuoteReducer.create(Symbol.of("EURUSD"))) {
 *     quotes.add(ts, bid, ask, Double.NaN, Double.NaN, null);
 *     quotes.forEachMonth(lake::write);
 * }
 * }</pre>
 */
public final class QuoteReducer extends SecondsAccumulator<QuoteSeconds, QuoteReducer> {

    private QuoteReducer(Symbol symbol, long budget) {
        super(symbol, DataKind.QUOTES, new MonthlyTables<>(QuoteSeconds::new, budget));
    }

    public static QuoteReducer create(Symbol symbol) {
        return new QuoteReducer(symbol, MonthlyTables.defaultBudget());
    }

    /** How many partial seconds {@link #create} keeps in memory before spilling: a quarter of the heap's limit. */
    public static long defaultBudget() {
        return MonthlyTables.defaultBudget();
    }

    /** As {@link #create}, spilling once more than {@code secondsInMemory} seconds are held (for tests). */
    public static QuoteReducer withBudget(Symbol symbol, long secondsInMemory) {
        return new QuoteReducer(symbol, secondsInMemory);
    }

    /**
     * One quote per second of a batch, all months in one sorted frame. {@code bidSizes}, {@code askSizes} and
     * {@code exchanges} may be null (unknown for every quote). A bad quote fails with its row.
     */
    public static Frame reduce(Symbol symbol, long[] timestamps, double[] bids, double[] asks, double[] bidSizes,
            double[] askSizes, String[] exchanges, int count) {
        try (QuoteReducer reducer = create(symbol)) {
            for (int i = 0; i < count; i++) {
                double bidSize = bidSizes == null ? Double.NaN : bidSizes[i];
                double askSize = askSizes == null ? Double.NaN : askSizes[i];
                Reason problem = reducer.add(timestamps[i], bids[i], asks[i], bidSize, askSize, exchanges == null ? null : exchanges[i]);
                if (problem != null) {
                    throw new InvalidDataException("bad quote: " + problem.label() + " [row=" + i + ", timestamp=" + Micros.format(timestamps[i])
                            + ", bid=" + bids[i] + ", ask=" + asks[i] + "]");
                }
            }
            return reducer.toFrame();
        }
    }

    /** Why a quote would be rejected, or null when it is fine (NaN sizes mean unknown and are fine). */
    public static Reason check(double bid, double ask, double bidSize, double askSize) {
        if (!Double.isFinite(bid) || !Double.isFinite(ask)) {
            return Reason.NON_FINITE_PRICE;
        }
        if (bid <= 0 || ask <= 0) {
            return Reason.NON_POSITIVE_PRICE;
        }
        if (ask < bid) {
            return Reason.CROSSED_QUOTE;
        }
        if (Double.isInfinite(bidSize) || Double.isInfinite(askSize)) {
            return Reason.NON_FINITE_SIZE;
        }
        if (bidSize < 0 || askSize < 0) {
            return Reason.NEGATIVE_SIZE;
        }
        return null;
    }

    /** Offers one quote; returns why it was rejected, or null when it was taken. */
    public Reason add(long timestampMicros, double bid, double ask, double bidSize, double askSize, String exchange) {
        Reason problem = check(bid, ask, bidSize, askSize);
        if (problem != null) {
            return problem;
        }
        months.tableFor(timestampMicros).offer(timestampMicros, bid, ask, bidSize, askSize, exchange);
        accepted++;
        return null;
    }
}
