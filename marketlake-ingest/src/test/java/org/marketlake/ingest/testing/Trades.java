package org.marketlake.ingest.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.marketlake.core.model.Micros;

/** Seeded random trades and quotes as primitive columns, and as CSV text, for property tests. */
public final class Trades {
    public final long[] ts;
    public final double[] price;
    public final double[] size;
    public final int count;

    public Trades(long[] ts, double[] price, double[] size, int count) {
        this.ts = ts;
        this.price = price;
        this.size = size;
        this.count = count;
    }

    /**
     * {@code count} trades over {@code spanMicros} from {@code start}, cent prices around 100, whole or fractional
     * sizes; about one in five shares its timestamp with another (so ties get exercised) unless {@code unique}.
     */
    public static Trades random(long seed, int count, long start, long spanMicros, boolean fractionalSizes, boolean unique) {
        Random random = new Random(seed);
        long[] ts = new long[count];
        double[] price = new double[count];
        double[] size = new double[count];
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            long t;
            if (!unique && i > 0 && random.nextInt(5) == 0) {
                t = ts[random.nextInt(i)];
            } else {
                do {
                    t = start + (long) (random.nextDouble() * spanMicros);
                } while (unique && !seen.add(t));
            }
            ts[i] = t;
            price[i] = Math.round((100 + random.nextGaussian() * 2) * 100) / 100.0;
            size[i] = fractionalSizes ? Math.round(random.nextDouble() * 1e5) / 1e5 : 1 + random.nextInt(500);
        }
        return new Trades(ts, price, size, count);
    }

    /** The rows in a new order. */
    public Trades permuted(long seed) {
        Random random = new Random(seed);
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return pick(order);
    }

    /** Rows {@code from} (inclusive) to {@code to}. */
    public Trades slice(int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return pick(rows);
    }

    private Trades pick(int[] rows) {
        long[] t = new long[rows.length];
        double[] p = new double[rows.length];
        double[] s = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            t[i] = ts[rows[i]];
            p[i] = price[rows[i]];
            s[i] = size[rows[i]];
        }
        return new Trades(t, p, s, rows.length);
    }

    /** As CSV with a {@code timestamp,price,size} header and ISO-8601 UTC timestamps. */
    public String csv() {
        StringBuilder text = new StringBuilder("timestamp,price,size\n");
        for (int i = 0; i < count; i++) {
            text.append(Micros.format(ts[i])).append(',').append(price[i]).append(',').append(size[i]).append('\n');
        }
        return text.toString();
    }

    public Path writeCsv(Path file) {
        try {
            Files.writeString(file, csv());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seeds for property tests; each test prints its seed in the display name so failures replay. */
    public static List<Long> seeds(int how, long base) {
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < how; i++) {
            seeds.add(base + i * 7919L);
        }
        return seeds;
    }
}
