package org.marketlake.ingest.aggregate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Timeframe;

/**
 * One-second bars in the making. Volume and notional are double-double sums (a running sum and its rounding
 * error, Neumaier's compensated summation; the product price x size is split exactly with an FMA), rounded
 * once at the end: the result is the correctly rounded sum in practice, whatever the order of the trades.
 */
final class TradeSeconds extends SecondTable {
    static final DataKind KIND = DataKind.bars(Timeframe.S1);
    private int used;
    private long[] firstTs = new long[1024];
    private long[] lastTs = new long[1024];
    private double[] open = new double[1024];
    private double[] close = new double[1024];
    private double[] high = new double[1024];
    private double[] low = new double[1024];
    private double[] volume = new double[1024];
    private double[] volumeError = new double[1024];
    private double[] notional = new double[1024];
    private double[] notionalError = new double[1024];
    private int[] count = new int[1024];

    /** Adds one trade (already validated). Equal timestamps: the earlier-added trade opens, the later one closes. */
    void add(long ts, double price, double size) {
        int id = index.findOrAdd(Math.floorDiv(ts, Micros.PER_SECOND));
        double product = price * size;
        double productError = Math.fma(price, size, -product);
        if (id == used) {
            ensureCapacity(id + 1);
            firstTs[id] = ts;
            lastTs[id] = ts;
            open[id] = price;
            close[id] = price;
            high[id] = price;
            low[id] = price;
            volume[id] = size;
            volumeError[id] = 0;
            notional[id] = product;
            notionalError[id] = productError;
            count[id] = 1;
            used++;
            return;
        }
        if (ts < firstTs[id]) {
            firstTs[id] = ts;
            open[id] = price;
        }
        if (ts >= lastTs[id]) {
            lastTs[id] = ts;
            close[id] = price;
        }
        if (price > high[id]) {
            high[id] = price;
        }
        if (price < low[id]) {
            low[id] = price;
        }
        addVolume(id, size, 0);
        addNotional(id, product, productError);
        count[id]++;
    }

    private void combine(long second, long first, double openPrice, long last, double closePrice, double highPrice,
            double lowPrice, double volumeSum, double volumeErr, double notionalSum, double notionalErr, int trades) {
        int id = index.findOrAdd(second);
        if (id == used) {
            ensureCapacity(id + 1);
            firstTs[id] = first;
            lastTs[id] = last;
            open[id] = openPrice;
            close[id] = closePrice;
            high[id] = highPrice;
            low[id] = lowPrice;
            volume[id] = volumeSum;
            volumeError[id] = volumeErr;
            notional[id] = notionalSum;
            notionalError[id] = notionalErr;
            count[id] = trades;
            used++;
            return;
        }
        if (first < firstTs[id]) {
            firstTs[id] = first;
            open[id] = openPrice;
        }
        if (last >= lastTs[id]) {
            lastTs[id] = last;
            close[id] = closePrice;
        }
        high[id] = Math.max(high[id], highPrice);
        low[id] = Math.min(low[id], lowPrice);
        addVolume(id, volumeSum, volumeErr);
        addNotional(id, notionalSum, notionalErr);
        count[id] += trades;
    }

    private void addVolume(int id, double value, double error) {
        double sum = volume[id] + value;
        volumeError[id] += twoSumError(volume[id], value, sum) + error;
        volume[id] = sum;
    }

    private void addNotional(int id, double value, double error) {
        double sum = notional[id] + value;
        notionalError[id] += twoSumError(notional[id], value, sum) + error;
        notional[id] = sum;
    }

    /** The rounding error of {@code sum = a + b} (Knuth's TwoSum), exact in double arithmetic. */
    static double twoSumError(double a, double b, double sum) {
        double bVirtual = sum - a;
        return (a - (sum - bVirtual)) + (b - bVirtual);
    }

    @Override
    void mergeLater(SecondTable later) {
        TradeSeconds other = (TradeSeconds) later;
        for (int id = 0; id < other.used; id++) {
            combine(other.index.key(id), other.firstTs[id], other.open[id], other.lastTs[id], other.close[id], other.high[id],
                    other.low[id], other.volume[id], other.volumeError[id], other.notional[id], other.notionalError[id], other.count[id]);
        }
    }

    @Override
    DataKind kind() {
        return KIND;
    }

    @Override
    void write(DataOutputStream out, int[] ids, int from, int to) throws IOException {
        out.writeInt(to - from);
        for (int i = from; i < to; i++) {
            int id = ids[i];
            out.writeLong(index.key(id));
            out.writeLong(firstTs[id]);
            out.writeDouble(open[id]);
            out.writeLong(lastTs[id]);
            out.writeDouble(close[id]);
            out.writeDouble(high[id]);
            out.writeDouble(low[id]);
            out.writeDouble(volume[id]);
            out.writeDouble(volumeError[id]);
            out.writeDouble(notional[id]);
            out.writeDouble(notionalError[id]);
            out.writeInt(count[id]);
        }
    }

    @Override
    void readLater(DataInputStream in) throws IOException {
        int entries = in.readInt();
        for (int i = 0; i < entries; i++) {
            combine(in.readLong(), in.readLong(), in.readDouble(), in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readInt());
        }
    }

    @Override
    void appendSorted(Frame.Builder bars) {
        int[] ids = index.sortedIds();
        int tradeCount = bars.indexOf("trade_count");
        int notionalColumn = bars.indexOf("notional");
        for (int id : ids) {
            int row = bars.add(index.key(id) * Micros.PER_SECOND);
            bars.setDouble(LakeSchema.OPEN, row, open[id]);
            bars.setDouble(LakeSchema.HIGH, row, high[id]);
            bars.setDouble(LakeSchema.LOW, row, low[id]);
            bars.setDouble(LakeSchema.CLOSE, row, close[id]);
            bars.setDouble(LakeSchema.VOLUME, row, volume[id] + volumeError[id]);
            bars.setInt(tradeCount, row, count[id]);
            bars.setDouble(notionalColumn, row, notional[id] + notionalError[id]);
        }
    }

    private void ensureCapacity(int needed) {
        if (needed <= firstTs.length) {
            return;
        }
        int capacity = Math.max(needed, firstTs.length * 2);
        firstTs = Arrays.copyOf(firstTs, capacity);
        lastTs = Arrays.copyOf(lastTs, capacity);
        open = Arrays.copyOf(open, capacity);
        close = Arrays.copyOf(close, capacity);
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
        volume = Arrays.copyOf(volume, capacity);
        volumeError = Arrays.copyOf(volumeError, capacity);
        notional = Arrays.copyOf(notional, capacity);
        notionalError = Arrays.copyOf(notionalError, capacity);
        count = Arrays.copyOf(count, capacity);
    }
}
