package org.marketlake.ingest.aggregate;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Period;
import org.marketlake.core.model.Symbol;

/**
 * One {@link SecondTable} per UTC month, with bounded memory whatever the input's size or density.
 *
 * <p>While reading: when the tables together hold more than {@code budget} seconds, every table is appended to
 * spill files, one per UTC day (each run sorted by second), and dropped. Finishing a spilled month reads it back
 * one day at a time, in the order the runs were written (so the result is the same as if nothing had spilled),
 * and appends each finished day to the month's rows. Memory is thus about the budget while reading, and the
 * month's finished rows plus one day's table while finishing: a month holds at most 2,678,400 seconds, so the
 * peak does not grow with the input.
 */
final class MonthlyTables<T extends SecondTable> implements AutoCloseable {
    /** Bytes a table spends per second, for turning a heap share into a budget. */
    private static final long BYTES_PER_ENTRY = 140;
    private static final long CHECK_EVERY = 1 << 16;
    private static final long SECONDS_PER_DAY = 86_400;

    private final Supplier<T> factory;
    private final long budget;
    private final long checkEvery;
    private final TreeMap<Long, T> tables = new TreeMap<>();
    /** Spilled UTC days (epoch days), and per month (start micros) how many entries went to disk. */
    private final TreeSet<Long> spilledDays = new TreeSet<>();
    private final TreeMap<Long, Long> spilledEntries = new TreeMap<>();
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
        currentStart = monthStart(month);
        currentEnd = monthStart(month.plusMonths(1));
        current = tables.computeIfAbsent(currentStart, start -> factory.get());
        return current;
    }

    /** Merges tables built from later input into these (spilled or not), month by month; {@code later} ends empty. */
    void mergeLater(MonthlyTables<T> later) {
        forgetCurrent();
        later.forgetCurrent();
        if (!later.spilledDays.isEmpty()) {
            // Runs of one day must stay in input order: ours on disk, ours in memory, later's on disk, later's in memory.
            spillAll();
            appendSpills(later);
        }
        for (Map.Entry<Long, T> entry : later.tables.entrySet()) {
            T mine = tables.get(entry.getKey());
            if (mine == null) {
                tables.put(entry.getKey(), entry.getValue());
            } else {
                mine.mergeLater(entry.getValue());
            }
            spillIfOverBudget();
        }
        later.tables.clear();
        later.close();
    }

    long spills() {
        return spills;
    }

    boolean isEmpty() {
        return tables.isEmpty() && spilledDays.isEmpty();
    }

    /** Each month's finished rows, sorted, in month order; partial results are released as they are handed over. */
    void finish(Symbol symbol, BiConsumer<Period.Month, Frame> action) {
        TreeSet<Long> months = new TreeSet<>(tables.keySet());
        months.addAll(spilledEntries.keySet());
        forgetCurrent();
        for (long start : months) {
            YearMonth month = YearMonth.from(LocalDate.ofEpochDay(Math.floorDiv(start, Micros.PER_DAY)));
            T inMemory = tables.remove(start);
            Frame rows;
            if (!spilledEntries.containsKey(start)) {
                rows = inMemory.toFrame(symbol);
            } else {
                if (inMemory != null) {
                    spill(start, inMemory);
                }
                rows = readSpilledMonth(symbol, month, start);
            }
            action.accept(new Period.Month(month), rows);
        }
        spilledDays.clear();
        spilledEntries.clear();
        deleteSpills();
    }

    private Frame readSpilledMonth(Symbol symbol, YearMonth month, long start) {
        long secondsInMonth = (monthStart(month.plusMonths(1)) - start) / Micros.PER_SECOND;
        int capacity = (int) Math.min(secondsInMonth, spilledEntries.get(start));
        Frame.Builder rows = null;
        long firstDay = month.atDay(1).toEpochDay();
        NavigableSet<Long> days = spilledDays.subSet(firstDay, true, month.atEndOfMonth().toEpochDay(), true);
        for (long day : days) {
            T table = factory.get();
            readSpill(spillFile(day), table);
            if (rows == null) {
                rows = Frame.builder(table.kind(), symbol, capacity);
            }
            table.appendSorted(rows);
        }
        return rows.build();
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
        if (held > budget) {
            spillAll();
        }
    }

    private void spillAll() {
        if (tables.isEmpty()) {
            return;
        }
        for (Map.Entry<Long, T> entry : tables.entrySet()) {
            spill(entry.getKey(), entry.getValue());
        }
        spills++;
        tables.clear();
        forgetCurrent();
    }

    /** Appends one month's table to its days' spill files, one sorted run per day. */
    private void spill(long monthStart, T table) {
        int[] ids = table.index.sortedIds();
        try {
            int from = 0;
            while (from < ids.length) {
                long day = Math.floorDiv(table.index.key(ids[from]), SECONDS_PER_DAY);
                int to = from + 1;
                while (to < ids.length && Math.floorDiv(table.index.key(ids[to]), SECONDS_PER_DAY) == day) {
                    to++;
                }
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(append(dayFile(day)), 1 << 16))) {
                    table.write(out, ids, from, to);
                }
                spilledDays.add(day);
                from = to;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill partial results to " + spillFolder, e);
        }
        spilledEntries.merge(monthStart, (long) ids.length, Long::sum);
    }

    /** Moves {@code later}'s spilled runs to the end of ours, day by day. */
    private void appendSpills(MonthlyTables<T> later) {
        try {
            for (long day : later.spilledDays) {
                try (InputStream in = Files.newInputStream(later.spillFile(day)); OutputStream out = append(dayFile(day))) {
                    in.transferTo(out);
                }
                spilledDays.add(day);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge spill files into " + spillFolder, e);
        }
        later.spilledEntries.forEach((month, entries) -> spilledEntries.merge(month, entries, Long::sum));
        spills += later.spills;
        later.spilledDays.clear();
        later.spilledEntries.clear();
    }

    private OutputStream append(Path file) throws IOException {
        return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The spill file of a UTC day, making the spill folder on first use. */
    private Path dayFile(long epochDay) throws IOException {
        if (spillFolder == null) {
            spillFolder = Files.createTempDirectory("marketlake-ingest-spill");
        }
        return spillFile(epochDay);
    }

    private Path spillFile(long epochDay) {
        return spillFolder.resolve(epochDay + ".bin");
    }

    private void readSpill(Path file, T into) {
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

    private static long monthStart(YearMonth month) {
        return month.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * Micros.PER_SECOND;
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
        spilledDays.clear();
        spilledEntries.clear();
        forgetCurrent();
        deleteSpills();
    }
}
