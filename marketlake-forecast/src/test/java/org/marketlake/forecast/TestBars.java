package org.marketlake.forecast;

import java.nio.file.Path;
import java.time.Instant;
import org.marketlake.core.csv.BarCsvReader;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.time.TimestampParser;

/** Bars for tests: the shared real data (reference CSVs) and bars built from explicit closes. */
public final class TestBars {
    private TestBars() {}

    public static Path shared() {
        return Path.of(System.getProperty("marketlake.shared", "../../shared")).resolve("data");
    }

    /** A shared CSV {@code timestamp|date,open,high,low,close,volume} as bars of {@code timeframe}. */
    public static Frame csv(String relative, Timeframe timeframe, String symbol) {
        return BarCsvReader.read(shared().resolve(relative), Symbol.of(symbol), timeframe, TimestampParser.allowingDates(null, null));
    }

    /** Bars of {@code timeframe} at {@code timestamps} with these closes (open = high = low = close). */
    public static Frame closes(Timeframe timeframe, String symbol, long[] timestamps, double[] closes) {
        Frame.Builder builder = Frame.builder(DataKind.bars(timeframe), Symbol.of(symbol), timestamps.length);
        for (int i = 0; i < timestamps.length; i++) {
            int row = builder.add(timestamps[i]);
            for (int column : new int[] {LakeSchema.OPEN, LakeSchema.HIGH, LakeSchema.LOW, LakeSchema.CLOSE}) {
                builder.setDouble(column, row, closes[i]);
            }
            builder.setDouble(LakeSchema.VOLUME, row, 100);
        }
        return builder.build();
    }

    public static long micros(String instant) {
        return Micros.of(Instant.parse(instant));
    }
}
