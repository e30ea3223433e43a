package org.marketlake.forecast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;

/** Bars for tests: the shared real data (reference CSVs) and bars built from explicit closes. */
public final class TestBars {
    private TestBars() {}

    public static Path shared() {
        return Path.of(System.getProperty("marketlake.shared", "../../shared")).resolve("data");
    }

    /** A shared CSV {@code timestamp|date,open,high,low,close,volume} as bars of {@code timeframe}. */
    public static Frame csv(String relative, Timeframe timeframe, String symbol) {
        List<String> lines;
        try {
            lines = Files.readAllLines(shared().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Frame.Builder builder = Frame.builder(DataKind.bars(timeframe), Symbol.of(symbol), lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            long ts = cells[0].length() == 10
                    ? Micros.of(LocalDate.parse(cells[0]).atStartOfDay().toInstant(ZoneOffset.UTC))
                    : Micros.of(Instant.parse(cells[0]));
            int row = builder.add(ts);
            builder.setDouble(LakeSchema.OPEN, row, Double.parseDouble(cells[1]));
            builder.setDouble(LakeSchema.HIGH, row, Double.parseDouble(cells[2]));
            builder.setDouble(LakeSchema.LOW, row, Double.parseDouble(cells[3]));
            builder.setDouble(LakeSchema.CLOSE, row, Double.parseDouble(cells[4]));
            builder.setDouble(LakeSchema.VOLUME, row, Double.parseDouble(cells[5]));
        }
        return builder.build();
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
