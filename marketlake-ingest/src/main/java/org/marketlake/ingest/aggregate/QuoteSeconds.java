package org.marketlake.ingest.aggregate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;

/**
 * The best quote of each second so far: the tightest spread (ask - bid, in double arithmetic); among equally
 * tight ones the latest by timestamp, and among those the one offered last.
 */
final class QuoteSeconds extends SecondTable {
    private int used;
    private long[] ts = new long[1024];
    private double[] bid = new double[1024];
    private double[] ask = new double[1024];
    private double[] bidSize = new double[1024];
    private double[] askSize = new double[1024];
    private double[] spread = new double[1024];
    private String[] exchange = new String[1024];

    /** Offers one quote (already validated); sizes NaN when unknown, exchange null when unknown. */
    void offer(long timestamp, double bidPrice, double askPrice, double bidQuantity, double askQuantity, String venue) {
        offerAt(Math.floorDiv(timestamp, Micros.PER_SECOND), timestamp, bidPrice, askPrice, bidQuantity, askQuantity, askPrice - bidPrice, venue);
    }

    private void offerAt(long second, long timestamp, double bidPrice, double askPrice, double bidQuantity, double askQuantity,
            double quoteSpread, String venue) {
        int id = index.findOrAdd(second);
        if (id == used) {
            ensureCapacity(id + 1);
            used++;
        } else if (quoteSpread > spread[id] || (quoteSpread == spread[id] && timestamp < ts[id])) {
            return;
        }
        ts[id] = timestamp;
        bid[id] = bidPrice;
        ask[id] = askPrice;
        bidSize[id] = bidQuantity;
        askSize[id] = askQuantity;
        spread[id] = quoteSpread;
        exchange[id] = venue;
    }

    @Override
    void mergeLater(SecondTable later) {
        QuoteSeconds other = (QuoteSeconds) later;
        for (int id = 0; id < other.used; id++) {
            offerAt(other.index.key(id), other.ts[id], other.bid[id], other.ask[id], other.bidSize[id], other.askSize[id],
                    other.spread[id], other.exchange[id]);
        }
    }

    @Override
    DataKind kind() {
        return DataKind.QUOTES;
    }

    @Override
    void write(DataOutputStream out, int[] ids, int from, int to) throws IOException {
        out.writeInt(to - from);
        for (int i = from; i < to; i++) {
            int id = ids[i];
            out.writeLong(index.key(id));
            out.writeLong(ts[id]);
            out.writeDouble(bid[id]);
            out.writeDouble(ask[id]);
            out.writeDouble(bidSize[id]);
            out.writeDouble(askSize[id]);
            out.writeDouble(spread[id]);
            out.writeBoolean(exchange[id] != null);
            if (exchange[id] != null) {
                out.writeUTF(exchange[id]);
            }
        }
    }

    @Override
    void readLater(DataInputStream in) throws IOException {
        int entries = in.readInt();
        for (int i = 0; i < entries; i++) {
            long second = in.readLong();
            long timestamp = in.readLong();
            double bidPrice = in.readDouble();
            double askPrice = in.readDouble();
            double bidQuantity = in.readDouble();
            double askQuantity = in.readDouble();
            double quoteSpread = in.readDouble();
            String venue = in.readBoolean() ? in.readUTF() : null;
            offerAt(second, timestamp, bidPrice, askPrice, bidQuantity, askQuantity, quoteSpread, venue);
        }
    }

    @Override
    void appendSorted(Frame.Builder quotes) {
        int[] ids = index.sortedIds();
        for (int id : ids) {
            int row = quotes.add(index.key(id) * Micros.PER_SECOND);
            quotes.setDouble(LakeSchema.BID_PRICE, row, bid[id]);
            quotes.setDouble(LakeSchema.BID_SIZE, row, bidSize[id]);
            quotes.setDouble(LakeSchema.ASK_PRICE, row, ask[id]);
            quotes.setDouble(LakeSchema.ASK_SIZE, row, askSize[id]);
            quotes.setDouble(LakeSchema.SPREAD, row, spread[id]);
            quotes.setString(LakeSchema.EXCHANGE, row, exchange[id]);
        }
    }

    private void ensureCapacity(int needed) {
        if (needed <= ts.length) {
            return;
        }
        int capacity = Math.max(needed, ts.length * 2);
        ts = Arrays.copyOf(ts, capacity);
        bid = Arrays.copyOf(bid, capacity);
        ask = Arrays.copyOf(ask, capacity);
        bidSize = Arrays.copyOf(bidSize, capacity);
        askSize = Arrays.copyOf(askSize, capacity);
        spread = Arrays.copyOf(spread, capacity);
        exchange = Arrays.copyOf(exchange, capacity);
    }
}
