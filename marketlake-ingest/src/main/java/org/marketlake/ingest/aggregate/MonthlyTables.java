package org.marketlake.ingest.aggregate;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Period;

/**
 * One {@link SecondTable} per UTC month, with bounded memory: when the tables together hold more than
 * {@code budget} seconds, each is appended to its month's spill file and dropped. Finishing a month merges its
 * spilled parts in the order they were written, then what is still in memory, so the result is the same as if
 * nothing had spilled. Memory is thus about the budget while reading, and one month's table while finishing.
 */
final class MonthlyTables<T extends SecondTable> implements AutoCloseable {
    /** Bytes a table spends per second, for turning a heap share into a budget. */
    private static final long BYTES_PER_ENTRY = 140;
    private static final long CHECK_EVERY = 1 << 16;

    private final Supplier<T> factory;
    private final long budget;
    private final long checkEvery;
    private final TreeMap<Long, T> tables = new TreeMap<>();
    private final TreeSet<Long> spilled = new TreeSet<>();
    private Path spillFolder;
    private long currentStart = 1;
    private long currentEnd = 0;
    private T current;
    private long sinceCheck;
    private long spills;

    MonthlyTables(Supplier<T> factory, long budget) {
        this.factory = factory;
        this.budget = budget;
        this.checkEvery = Math.max(1, Math.min(CHECK_EVERY, budget / 4));
    }

    /** A quarter of the heap's limit, in seconds of partial results. */
    static long defaultBudget() {
        return Math.max(100_000, Runtime.getRuntime().maxMemory() / 4 / BYTES_PER_ENTRY);
    }

    /** The table of the month holding {@code micros}; checks the memory budget now and then. */
    T tableFor(long micros) {
        if (++sinceCheck >= checkEvery) {
            sinceCheck = 0;
            spillIfOverBudget();
        }
        if (micros >= currentStart && micros < currentEnd) {
            return current;
        }
        YearMonth month = YearMonth.from(LocalDate.ofEpochDay(Math.floorDiv(micros, Micros.PER_DAY)));
        currentStart = month.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * Micros.PER_SECOND;
        currentEnd = month.plusMonths(1).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * Micros.PER_SECOND;
        current = tables.computeIfAbsent(currentStart, start -> factory.get());
        return current;
    }

    /** Merges tables built from later input into these (spilled or not), month by month; {@code later} ends empty. */
    void mergeLater(MonthlyTables<T> later) {
        forgetCurrent();
        later.finish((month, table) -> {
            long start = month.startMicros();
            T mine = tables.get(start);
            if (mine == null) {
                tables.put(start, table);
            } else {
                mine.mergeLater(table);
            }
            spillIfOverBudget();
        });
        forgetCurrent();
    }

    long spills() {
        return spills;
    }

    boolean isEmpty() {
        return tables.isEmpty() && spilled.isEmpty();
    }

    /** Each month's complete table, in month order; tables are released as they are handed over. */
    void finish(BiConsumer<Period.Month, T> action) {
        TreeSet<Long> months = new TreeSet<>(tables.keySet());
        months.addAll(spilled);
        forgetCurrent();
        for (long start : months) {
            T inMemory = tables.remove(start);
            T whole = inMemory;
            if (spilled.contains(start)) {
                whole = factory.get();
                readSpill(start, whole);
                if (inMemory != null) {
                    whole.mergeLater(inMemory);
                }
            }
            YearMonth month = YearMonth.from(LocalDate.ofEpochDay(Math.floorDiv(start, Micros.PER_DAY)));
            action.accept(new Period.Month(month), whole);
        }
        spilled.clear();
        deleteSpills();
    }

    private void forgetCurrent() {
        current = null;
        currentStart = 1;
        currentEnd = 0;
    }

    private void spillIfOverBudget() {
        long held = 0;
        for (T table : tables.values()) {
            held += table.size();
        }
        if (held <= budget) {
            return;
        }
        try {
            if (spillFolder == null) {
                spillFolder = Files.createTempDirectory("marketlake-ingest-spill");
            }
            for (Map.Entry<Long, T> entry : tables.entrySet()) {
                Path file = spillFolder.resolve(entry.getKey() + ".bin");
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16))) {
                    entry.getValue().write(out);
                }
                spilled.add(entry.getKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill partial results to " + spillFolder, e);
        }
        spills++;
        tables.clear();
        forgetCurrent();
    }

    private void readSpill(long start, T into) {
        Path file = spillFolder.resolve(start + ".bin");
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                in.mark(4);
                if (in.read() < 0) {
                    break;
                }
                in.reset();
                into.readLater(in);
            }
        } catch (EOFException e) {
            throw new UncheckedIOException("spill file ends early: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spill file " + file, e);
        }
    }

    private void deleteSpills() {
        if (spillFolder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(spillFolder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete spill folder " + spillFolder, e);
        }
        spillFolder = null;
    }

    /** Drops everything, spill files included; safe to call twice. */
    @Override
    public void close() {
        tables.clear();
        spilled.clear();
        forgetCurrent();
        deleteSpills();
    }
}
