package org.marketlake.core.store;

import java.nio.file.Path;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.testing.Bars;

/**
 * A separate process that writes into a lake, for the crash and concurrency tests.
 * <ul>
 *   <li>{@code big ROOT}: writes one large 1s month again and again with changing prices, until killed;</li>
 *   <li>{@code slice ROOT K N}: writes N single-bar writes at minutes K, K+2, K+4... of 2024-01 (1m bars).</li>
 * </ul>
 */
public final class WriterProcess {
    private WriterProcess() {}

    public static void main(String[] args) {
        Lake lake = Lake.open(Path.of(args[1]));
        long january = Bars.micros("2024-01-01T00:00:00Z");
        switch (args[0]) {
            case "big" -> {
                for (long seed = 1; ; seed++) {
                    lake.write(Bars.random(Timeframe.S1, "BIG", january, Micros.PER_SECOND, 1_500_000, seed));
                    System.out.println("wrote " + seed);
                }
            }
            case "slice" -> {
                int first = Integer.parseInt(args[2]);
                int count = Integer.parseInt(args[3]);
                for (int i = 0; i < count; i++) {
                    long minute = first + 2L * i;
                    lake.write(Bars.random(Timeframe.M1, "AAPL", january + minute * 60 * Micros.PER_SECOND, 60 * Micros.PER_SECOND, 1, minute));
                }
                System.out.println("done");
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
