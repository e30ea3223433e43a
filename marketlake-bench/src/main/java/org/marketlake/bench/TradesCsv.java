package org.marketlake.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import org.marketlake.core.model.Micros;

/**
 * A realistic trades CSV for ingest benchmarks: {@code timestamp,price,size}, millisecond ISO-8601 UTC timestamps,
 * cent prices on a random walk, whole-share sizes, sorted, spread over the regular sessions (14:30 to 21:00 UTC)
 * of consecutive weekdays from 2024-01-02, about {@code ticksPerDay} a day. Seeded, so every run writes the same file.
 *
 * <p>{@code java -cp ... org.marketlake.bench.TradesCsv OUT.csv BYTES} writes at least BYTES bytes (for the 5 GB run).
 */
public final class TradesCsv {
    private TradesCsv() {}

    public static void main(String[] args) throws IOException {
        long bytes = Long.parseLong(args[1]);
        boolean dense = args.length > 2 && args[2].equals("dense");
        long written = dense ? writeDense(Path.of(args[0]), 80, 31) : write(Path.of(args[0]), Long.MAX_VALUE, bytes, 2_000_000);
        System.out.println("wrote " + args[0] + ": " + written + " ticks, " + Files.size(Path.of(args[0])) + " bytes");
    }

    /** Writes {@code ticks} trades (or until {@code maxBytes}), returns how many. */
    public static long write(Path file, long ticks, long maxBytes, int ticksPerDay) throws IOException {
        Random random = new Random(42);
        long session = 23_400_000L; // 6.5 h in milliseconds
        double price = 150;
        long count = 0;
        long bytes = 0;
        LocalDate date = LocalDate.of(2024, 1, 2);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("timestamp,price,size\n");
            StringBuilder line = new StringBuilder(64);
            while (count < ticks && bytes < maxBytes) {
                while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    date = date.plusDays(1);
                }
                long open = date.toEpochDay() * Micros.PER_DAY / 1000 + 52_200_000L; // 14:30 UTC, in millis
                int today = (int) Math.min(ticksPerDay, ticks - count);
                long[] offsets = new long[today];
                for (int i = 0; i < today; i++) {
                    offsets[i] = (long) (random.nextDouble() * session);
                }
                Arrays.sort(offsets);
                for (long offset : offsets) {
                    price = Math.max(1, price + (random.nextInt(3) - 1) * 0.01);
                    line.setLength(0);
                    line.append(Micros.format((open + offset) * 1000)).append(',');
                    long cents = Math.round(price * 100);
                    line.append(cents / 100).append('.').append((char) ('0' + cents % 100 / 10)).append((char) ('0' + cents % 10));
                    line.append(',').append(1 + random.nextInt(500)).append('\n');
                    out.append(line);
                    bytes += line.length();
                    count++;
                }
                date = date.plusDays(1);
            }
        }
        return count;
    }

    /**
     * The densest month: a trade every {@code stepMillis} around the clock for {@code days} days from 2024-01-01, so
     * every second of the month holds a bar (31 days at 80 ms: 33.48M trades, 2,678,400 bars, 1.19 GB).
     */
    public static long writeDense(Path file, int stepMillis, int days) throws IOException {
        Random random = new Random(7);
        long start = LocalDate.of(2024, 1, 1).toEpochDay() * 86_400_000L;
        long end = start + days * 86_400_000L;
        long cents = 10_000;
        long count = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("timestamp,price,size\n");
            StringBuilder line = new StringBuilder(64);
            for (long millis = start; millis < end; millis += stepMillis) {
                cents = Math.max(100, cents + random.nextInt(3) - 1);
                line.setLength(0);
                line.append(Micros.format(millis * 1000)).append(',').append(cents / 100).append('.')
                        .append((char) ('0' + cents % 100 / 10)).append((char) ('0' + cents % 10))
                        .append(',').append(1 + random.nextInt(500)).append('\n');
                out.append(line);
                count++;
            }
        }
        return count;
    }
}
