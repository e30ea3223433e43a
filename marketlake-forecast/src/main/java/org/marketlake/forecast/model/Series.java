package org.marketlake.forecast.model;

import java.util.Arrays;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;

/**
 * One column of one symbol's bars, oldest first: bar start times (epoch micros, strictly increasing) and values
 * (finite). What the forecasters and backtests read from the lake.
 */
public record Series(Symbol symbol, Timeframe timeframe, String column, long[] timestamps, double[] values) {

    public Series {
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException(timestamps.length + " timestamps for " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("series " + symbol + " " + timeframe + " " + column + " has value " + values[i] + " at row " + i);
            }
            if (i > 0 && timestamps[i] <= timestamps[i - 1]) {
                throw new IllegalArgumentException("series " + symbol + " " + timeframe + " is not increasing at row " + i);
            }
        }
    }

    public int size() {
        return values.length;
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    /** The last {@code count} values (all when there are fewer). */
    public double[] lastValues(int count) {
        return Arrays.copyOfRange(values, Math.max(0, values.length - count), values.length);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    public Series slice(int from, int to) {
        return new Series(symbol, timeframe, column, Arrays.copyOfRange(timestamps, from, to), Arrays.copyOfRange(values, from, to));
    }

    public long lastTimestamp() {
        return timestamps[timestamps.length - 1];
    }
}
