package org.marketlake.core.store;

import org.marketlake.core.error.InvalidRowException;
import java.util.function.LongFunction;
import org.marketlake.core.format.NumberText;
import org.marketlake.core.model.ColumnType;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Period;

/**
 * The write rules, one row at a time: every row inside its file's period, finite prices,
 * {@code low <= min(open, close)}, {@code max(open, close) <= high}, volume and sizes {@code >= 0},
 * quotes with {@code bid > 0} and {@code ask >= bid}. Ordering and duplicates are checked by the caller.
 * The column arrays are looked up once per frame: validation runs on every row of every write.
 */
final class RowValidator {
    private final Frame frame;
    private final boolean bars;
    private final long[] ts;
    private final double[] open, high, low, close, volume, vwap, notional;
    private final int[] tradeCount;
    private final double[] bid, ask, bidSize, askSize;
    /** Bars are stamped at the start of their interval: timestamps are multiples of it (1 for quotes: any microsecond). */
    private final long intervalMicros;

    private RowValidator(Frame frame) {
        this.frame = frame;
        this.bars = frame.kind() instanceof DataKind.Bars;
        this.ts = frame.timestamps();
        this.open = bars ? frame.doubles("open") : null;
        this.high = bars ? frame.doubles("high") : null;
        this.low = bars ? frame.doubles("low") : null;
        this.close = bars ? frame.doubles("close") : null;
        this.volume = bars ? frame.doubles("volume") : null;
        this.vwap = frame.hasColumn("vwap") ? frame.doubles("vwap") : null;
        this.notional = frame.hasColumn("notional") ? frame.doubles("notional") : null;
        this.tradeCount = frame.hasColumn("trade_count") ? frame.ints("trade_count") : null;
        this.bid = bars ? null : frame.doubles("bid_price");
        this.ask = bars ? null : frame.doubles("ask_price");
        this.bidSize = bars ? null : frame.doubles("bid_size");
        this.askSize = bars ? null : frame.doubles("ask_size");
        this.intervalMicros = frame.kind() instanceof DataKind.Bars b ? b.timeframe().micros() : 1;
    }

    static RowValidator of(Frame frame) {
        return new RowValidator(frame);
    }

    /**
     * Checks row {@code row}; {@code period} may be null when the caller checks periods itself. {@code rowNumber}
     * is what an error reports, {@code fileOf} names the file of a timestamp (only called when there is an error).
     */
    void check(int row, long rowNumber, Period period, LongFunction<String> fileOf) {
        long at = ts[row];
        if (period != null && !period.contains(at)) {
            throw new InvalidRowException(fileOf.apply(at), rowNumber, "timestamp", Micros.format(at), "outside the file's period " + period.label() + " (UTC)");
        }
        if (intervalMicros > 1 && Math.floorMod(at, intervalMicros) != 0) {
            throw new InvalidRowException(fileOf.apply(at), rowNumber, "timestamp", Micros.format(at), intervalMicros == Micros.PER_DAY
                    ? "daily bars are stamped at their trading date 00:00 UTC"
                    : "a " + ((DataKind.Bars) frame.kind()).timeframe().label() + " bar is stamped at the start of its interval (UTC)");
        }
        Problem problem = bars ? barProblem(row) : quoteProblem(row);
        if (problem != null) {
            double value = problem.column().equals("trade_count") ? tradeCount[row] : frame.doubles(problem.column())[row];
            throw new InvalidRowException(fileOf.apply(at), rowNumber, problem.column(), text(value), problem.reason());
        }
    }

    /** What is wrong with a row: the column to name and the reason. */
    private record Problem(String column, String reason) {
        static Problem of(String column, String reason) {
            return new Problem(column, reason);
        }
    }

    /** The problem with a bar as "column message", or null. */
    private Problem barProblem(int row) {
        Problem bad = price("open", open[row]);
        if (bad == null) {
            bad = price("high", high[row]);
        }
        if (bad == null) {
            bad = price("low", low[row]);
        }
        if (bad == null) {
            bad = price("close", close[row]);
        }
        if (bad != null) {
            return bad;
        }
        if (low[row] > Math.min(open[row], close[row])) {
            return Problem.of("low", "low is above min(open, close) = " + text(Math.min(open[row], close[row])));
        }
        if (high[row] < Math.max(open[row], close[row])) {
            return Problem.of("high", "high is below max(open, close) = " + text(Math.max(open[row], close[row])));
        }
        bad = nonNegative("volume", volume[row], false);
        if (bad == null && tradeCount != null && tradeCount[row] != ColumnType.NULL_INT && tradeCount[row] < 0) {
            bad = Problem.of("trade_count", "trade_count is negative");
        }
        if (bad == null && vwap != null && !Double.isNaN(vwap[row]) && (Double.isInfinite(vwap[row]) || vwap[row] <= 0)) {
            bad = Problem.of("vwap", "vwap must be a positive finite number or null");
        }
        if (bad == null && notional != null) {
            bad = nonNegative("notional", notional[row], true);
        }
        return bad;
    }

    private Problem quoteProblem(int row) {
        double b = bid[row];
        double a = ask[row];
        if (!Double.isFinite(b)) {
            return Problem.of("bid_price", "bid_price must be a finite number");
        }
        if (!Double.isFinite(a)) {
            return Problem.of("ask_price", "ask_price must be a finite number");
        }
        if (b <= 0) {
            return Problem.of("bid_price", "bid_price must be > 0");
        }
        if (a < b) {
            return Problem.of("ask_price", "crossed quote: ask_price is below bid_price " + text(b));
        }
        Problem bad = nonNegative("bid_size", bidSize[row], true);
        return bad != null ? bad : nonNegative("ask_size", askSize[row], true);
    }

    private static Problem price(String column, double value) {
        if (!Double.isFinite(value)) {
            return Problem.of(column, column + " must be a finite number");
        }
        if (value <= 0) {
            return Problem.of(column, column + " must be > 0");
        }
        return null;
    }

    private static Problem nonNegative(String column, double value, boolean nullable) {
        if (Double.isNaN(value) && nullable) {
            return null;
        }
        if (!Double.isFinite(value) || value < 0) {
            return Problem.of(column, column + " must be a finite number >= 0");
        }
        return null;
    }

    static String text(double value) {
        return NumberText.format(value);
    }

    /** Fills the quote schema's {@code spread} with ask - bid: the lake computes it and never takes it from input. */
    static void computeSpread(Frame frame) {
        if (frame.kind() instanceof DataKind.Quotes) {
            double[] bid = frame.doubles("bid_price");
            double[] ask = frame.doubles("ask_price");
            double[] spread = frame.doubles("spread");
            for (int i = 0; i < frame.size(); i++) {
                spread[i] = ask[i] - bid[i];
            }
        }
    }

    static boolean sameSchema(Frame frame) {
        return frame.columns().equals(LakeSchema.of(frame.kind()).columns());
    }
}
