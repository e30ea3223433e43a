package org.marketlake.forecast.export;

import org.marketlake.core.model.Symbol;

/**
 * One row of a Chronos training set: a regular series of float32 values (NaN = no bar) from {@code startMicros},
 * one value per bar interval. {@code symbol} says where it came from; the written file holds only start and target.
 */
record TrainingSeries(Symbol symbol, long startMicros, float[] target) {
    public TrainingSeries {
        if (target.length == 0) {
            throw new IllegalArgumentException("a training series needs at least one value [symbol=" + symbol + "]");
        }
    }

    /** Values that are not NaN. */
    public int observed() {
        int count = 0;
        for (float value : target) {
            if (!Float.isNaN(value)) {
                count++;
            }
        }
        return count;
    }
}
