package org.marketlake.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketlake.core.model.ColumnType;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.testing.Bars;

/** The page decoder reads exactly what parquet-java's column readers read: random files, nulls, ranges. */
class PageDecoderTest {
    @TempDir
    Path root;

    static Stream<Long> seeds() {
        return LongStream.range(0, 6).mapToObj(i -> 4242L + i);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void sameValuesAsColumnReaders(long seed) {
        Random random = new Random(seed);
        Lake lake = Lake.open(root);
        int rows = 1 + random.nextInt(300_000);
        Frame bars = Bars.random(Timeframe.S1, "DEC", Bars.micros("2024-03-01T00:00:00Z"), Micros.PER_SECOND, rows, seed);
        int[] tradeCount = bars.ints("trade_count");
        double[] notional = bars.doubles("notional");
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(7) == 0) {
                tradeCount[i] = ColumnType.NULL_INT;
            }
            notional[i] = random.nextInt(5) == 0 ? Double.NaN : random.nextDouble() * 1e6;
        }
        lake.write(bars);
        Frame.Builder quotes = Frame.builder(DataKind.QUOTES, Symbol.of("DEC"), 100);
        for (int i = 0; i < 5_000; i++) {
            int row = quotes.add(Bars.micros("2024-03-01T00:00:00Z") + i * 1_000_003L);
            quotes.setDouble(LakeSchema.BID_PRICE, row, 1 + random.nextInt(100) / 100.0).setDouble(LakeSchema.ASK_PRICE, row, 2.5);
            if (random.nextBoolean()) {
                quotes.setDouble(LakeSchema.BID_SIZE, row, random.nextInt(1000));
                quotes.setString(LakeSchema.EXCHANGE, row, random.nextBoolean() ? "Q" : "N");
            }
        }
        lake.write(quotes.build());
        long start = Bars.micros("2024-03-01T00:00:00Z") + random.nextInt(rows) * Micros.PER_SECOND;
        TimeRange range = random.nextBoolean() ? TimeRange.ALL : new TimeRange(start, start + random.nextInt(200_000) * Micros.PER_SECOND);
        for (DataKind kind : List.of(DataKind.bars(Timeframe.S1), DataKind.QUOTES)) {
            Frame fast = lake.read(kind, Symbol.of("DEC"), range, List.of());
            ParquetFileReads.SLOW_READS = true;
            try {
                Frame slow = lake.read(kind, Symbol.of("DEC"), range, List.of());
                assertThat(fast.size()).isEqualTo(slow.size());
                for (int c = 1; c < fast.columns().size(); c++) {
                    for (int r = 0; r < fast.size(); r++) {
                        assertThat(fast.value(c, r)).as("column %s row %d", fast.columns().get(c).name(), r).isEqualTo(slow.value(c, r));
                    }
                }
            } finally {
                ParquetFileReads.SLOW_READS = false;
            }
        }
    }
}
