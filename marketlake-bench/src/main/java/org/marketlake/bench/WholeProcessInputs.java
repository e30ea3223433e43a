package org.marketlake.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The inputs of the whole-process benchmark ({@code marketlake-bench/whole-process.sh}), as issue 15 states them:
 * a month of 1-second bars as CSV (2,000,000 rows, one a second from 2024-01-01) and 6,000,000 trades as CSV
 * (about 243 MB, 2,000,000 a trading day). Seeded, so every run times the same bytes.
 */
public final class WholeProcessInputs {
    private WholeProcessInputs() {}

    /** {@code WholeProcessInputs DIR}: writes {@code DIR/bars-1s.csv} and {@code DIR/trades.csv} when missing. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Path bars = dir.resolve("bars-1s.csv");
        if (!Files.exists(bars)) {
            writeBars(bars, 2_000_000);
        }
        Path trades = dir.resolve("trades.csv");
        if (!Files.exists(trades)) {
            TradesCsv.write(trades, 6_000_000, Long.MAX_VALUE, 2_000_000);
        }
    }

    /** {@code rows} consecutive seconds of a cent-priced random walk with consistent OHLC. */
    static void writeBars(Path file, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(15);
        long start = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        long cents = 18_000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("timestamp,open,high,low,close,volume\n");
            StringBuilder line = new StringBuilder(96);
            for (int i = 0; i < rows; i++) {
                long open = cents;
                long close = Math.max(1, cents + random.nextInt(-3, 4));
                long high = Math.max(open, close) + random.nextInt(0, 3);
                long low = Math.max(1, Math.min(open, close) - random.nextInt(0, 3));
                line.setLength(0);
                line.append(Instant.ofEpochSecond(start + i)).append(',');
                price(line, open).append(',');
                price(line, high).append(',');
                price(line, low).append(',');
                price(line, close).append(',').append(100 * random.nextInt(1, 50)).append('\n');
                out.append(line);
                cents = close;
            }
        }
    }

    private static StringBuilder price(StringBuilder line, long cents) {
        long fraction = cents % 100;
        return line.append(cents / 100).append('.').append(fraction < 10 ? "0" : "").append(fraction);
    }
}
