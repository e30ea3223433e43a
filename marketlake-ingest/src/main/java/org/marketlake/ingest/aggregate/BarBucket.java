package org.marketlake.ingest.aggregate;

import org.marketlake.core.model.ColumnType;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;

/**
 * One coarser bar being built from 1s bars in timestamp order: open of the first, close of the last, extremes,
 * and double-double sums of volume and notional. {@code trade_count} and {@code vwap} are exact only if every
 * 1s bar carries them, so one missing value makes them null.
 */
final class BarBucket {
    private int bars;
    private double open;
    private double high;
    private double low;
    private double close;
    private double volume;
    private double volumeError;
    private double notional;
    private double notionalError;
    private long trades;
    private boolean notionalKnown;
    private boolean tradesKnown;

    boolean isEmpty() {
        return bars == 0;
    }

    void add(double barOpen, double barHigh, double barLow, double barClose, double barVolume, int barTrades, double barNotional) {
        if (bars == 0) {
            open = barOpen;
            high = barHigh;
            low = barLow;
            volume = 0;
            volumeError = 0;
            notional = 0;
            notionalError = 0;
            trades = 0;
            notionalKnown = true;
            tradesKnown = true;
        }
        bars++;
        high = Math.max(high, barHigh);
        low = Math.min(low, barLow);
        close = barClose;
        double sum = volume + barVolume;
        volumeError += TradeSeconds.twoSumError(volume, barVolume, sum);
        volume = sum;
        if (Double.isNaN(barNotional)) {
            notionalKnown = false;
        } else {
            double notionalSum = notional + barNotional;
            notionalError += TradeSeconds.twoSumError(notional, barNotional, notionalSum);
            notional = notionalSum;
        }
        if (barTrades == ColumnType.NULL_INT) {
            tradesKnown = false;
        } else {
            trades += barTrades;
        }
    }

    /** Appends the bar, stamped {@code timestamp}, to {@code out} (a 1m..1d builder) and empties the bucket. */
    void emit(long timestamp, Frame.Builder out, int vwapColumn, int tradeCountColumn) {
        int row = out.add(timestamp);
        double totalVolume = volume + volumeError;
        out.setDouble(LakeSchema.OPEN, row, open);
        out.setDouble(LakeSchema.HIGH, row, high);
        out.setDouble(LakeSchema.LOW, row, low);
        out.setDouble(LakeSchema.CLOSE, row, close);
        out.setDouble(LakeSchema.VOLUME, row, totalVolume);
        if (notionalKnown && totalVolume > 0) {
            out.setDouble(vwapColumn, row, (notional + notionalError) / totalVolume);
        }
        if (tradesKnown && trades <= Integer.MAX_VALUE) {
            out.setInt(tradeCountColumn, row, (int) trades);
        }
        bars = 0;
    }
}
