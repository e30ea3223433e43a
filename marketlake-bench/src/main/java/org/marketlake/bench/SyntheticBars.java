package org.marketlake.bench;

import java.time.Instant;
import java.util.SplittableRandom;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;

/** Realistic 1-second bars for benchmarks: a cent-priced random walk, consistent OHLC, seeded. */
public final class SyntheticBars {
    private SyntheticBars() {}

    /** {@code rows} consecutive seconds from the start of {@code month} (e.g. "2024-01"). */
    public static Frame seconds(String symbol, String month, int rows, long seed) {
        long start = Micros.of(Instant.parse(month + "-01T00:00:00Z"));
        SplittableRandom random = new SplittableRandom(seed);
        Frame.Builder builder = Frame.builder(DataKind.bars(Timeframe.S1), Symbol.of(symbol), rows);
        int tradeCount = builder.indexOf("trade_count");
        int notional = builder.indexOf("notional");
        long cents = 18_000;
        for (int i = 0; i < rows; i++) {
            int row = builder.add(start + i * Micros.PER_SECOND);
            long open = cents;
            long close = Math.max(1, cents + random.nextInt(-3, 4));
            long high = Math.max(open, close) + random.nextInt(0, 3);
            long low = Math.max(1, Math.min(open, close) - random.nextInt(0, 3));
            double volume = 100 * random.nextInt(1, 50);
            builder.setDouble(LakeSchema.OPEN, row, open / 100.0).setDouble(LakeSchema.HIGH, row, high / 100.0)
                    .setDouble(LakeSchema.LOW, row, low / 100.0).setDouble(LakeSchema.CLOSE, row, close / 100.0)
                    .setDouble(LakeSchema.VOLUME, row, volume).setInt(tradeCount, row, random.nextInt(1, 40))
                    .setDouble(notional, row, volume * (low + high) / 200.0);
            cents = close;
        }
        return builder.build();
    }
}
