package org.marketlake.core.testing;

import java.time.Instant;
import java.util.Random;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;

/** Test fixtures: bar and quote frames, written out row by row so tests read like tables. */
public final class Bars {
    private Bars() {}

    public static long micros(String isoInstant) {
        return Micros.of(Instant.parse(isoInstant));
    }

    /** A frame builder for bars of {@code timeframe}; add rows with {@link #bar}. */
    public static Frame.Builder builder(Timeframe timeframe, String symbol) {
        return Frame.builder(DataKind.bars(timeframe), Symbol.of(symbol), 16);
    }

    public static int bar(Frame.Builder builder, String iso, double open, double high, double low, double close, double volume) {
        int row = builder.add(micros(iso));
        builder.setDouble(LakeSchema.OPEN, row, open).setDouble(LakeSchema.HIGH, row, high)
                .setDouble(LakeSchema.LOW, row, low).setDouble(LakeSchema.CLOSE, row, close)
                .setDouble(LakeSchema.VOLUME, row, volume);
        return row;
    }

    /** {@code count} consistent random bars every {@code step} from {@code start}, cent prices, seeded. */
    public static Frame random(Timeframe timeframe, String symbol, long startMicros, long stepMicros, int count, long seed) {
        Random random = new Random(seed);
        Frame.Builder builder = Frame.builder(DataKind.bars(timeframe), Symbol.of(symbol), count);
        double price = 100 + random.nextInt(10_000) / 100.0;
        for (int i = 0; i < count; i++) {
            int row = builder.add(startMicros + i * stepMicros);
            double open = cents(price);
            double close = cents(Math.max(0.01, price + (random.nextInt(21) - 10) / 100.0));
            double high = cents(Math.max(open, close) + random.nextInt(5) / 100.0);
            double low = cents(Math.max(0.01, Math.min(open, close) - random.nextInt(5) / 100.0));
            builder.setDouble(LakeSchema.OPEN, row, open).setDouble(LakeSchema.HIGH, row, high)
                    .setDouble(LakeSchema.LOW, row, low).setDouble(LakeSchema.CLOSE, row, close)
                    .setDouble(LakeSchema.VOLUME, row, 1 + random.nextInt(5_000));
            if (timeframe == Timeframe.S1) {
                builder.setInt(builder.indexOf("trade_count"), row, 1 + random.nextInt(20));
            } else {
                builder.setDouble(builder.indexOf("vwap"), row, cents((high + low) / 2));
            }
            price = close;
        }
        return builder.build();
    }

    private static double cents(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
