package org.marketlake.forecast;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.marketlake.core.Lake;
import org.marketlake.core.LakeFile;
import org.marketlake.core.WriteResult;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Period;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.sql.LakeSql;

/**
 * A hand-written fake of the lake for library tests: frames held in memory, split into month (or year) "files"
 * as the real lake splits them. It counts reads so tests can check that only recent files are touched.
 */
public final class InMemoryLake implements Lake {
    private final Map<String, Frame> frames = new HashMap<>();
    final List<TimeRange> reads = new ArrayList<>();

    public InMemoryLake put(Frame frame) {
        frames.put(key(frame.kind(), frame.symbol()), frame);
        return this;
    }

    private static String key(DataKind kind, Symbol symbol) {
        return kind.label() + "/" + symbol.value();
    }

    @Override
    public Path root() {
        return Path.of("memory");
    }

    @Override
    public Path pathOf(DataKind kind, Symbol symbol, Period period) {
        return Path.of("memory", kind.label(), symbol.value() + "." + period.label());
    }

    @Override
    public Frame read(DataKind kind, Symbol symbol, TimeRange range, List<String> columns, java.util.function.Consumer<String> skipped) {
        return read(kind, symbol, range, columns);
    }

    @Override
    public <T> T commit(java.util.function.Function<Lake, T> work) {
        return work.apply(this);
    }

    @Override
    public WriteResult write(Frame frame) {
        throw new UnsupportedOperationException("read-only fake");
    }

    @Override
    public WriteResult writeLastWins(Frame frame) {
        throw new UnsupportedOperationException("read-only fake");
    }

    @Override
    public Frame read(DataKind kind, Symbol symbol, TimeRange range, List<String> columns) {
        reads.add(range);
        Frame frame = frames.get(key(kind, symbol));
        if (frame == null) {
            return Frame.empty(kind, symbol).project(columns);
        }
        long[] timestamps = frame.timestamps();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < frame.size(); i++) {
            if (range.contains(timestamps[i])) {
                rows.add(i);
            }
        }
        return frame.select(rows.stream().mapToInt(Integer::intValue).toArray()).project(columns);
    }

    @Override
    public List<LakeFile> files() {
        throw new UnsupportedOperationException("not needed");
    }

    @Override
    public List<LakeFile> files(DataKind kind, Symbol symbol) {
        Frame frame = frames.get(key(kind, symbol));
        if (frame == null) {
            return List.of();
        }
        TreeMap<Period, long[]> periods = new TreeMap<>();
        long[] timestamps = frame.timestamps();
        for (int i = 0; i < frame.size(); i++) {
            long ts = timestamps[i];
            long[] stats = periods.computeIfAbsent(Period.containing(kind, ts), p -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
            stats[0]++;
            stats[1] = Math.min(stats[1], ts);
            stats[2] = Math.max(stats[2], ts);
        }
        List<LakeFile> files = new ArrayList<>();
        periods.forEach((period, stats) -> files.add(new LakeFile(kind, symbol, period, pathOf(kind, symbol, period), stats[0], 0, stats[1], stats[2])));
        return files;
    }

    @Override
    public List<Symbol> symbols(DataKind kind) {
        throw new UnsupportedOperationException("not needed");
    }

    @Override
    public List<String> validate(List<Path> paths) {
        throw new UnsupportedOperationException("not needed");
    }

    @Override
    public org.marketlake.core.Catalogue catalogue() {
        throw new UnsupportedOperationException("not needed");
    }

    @Override
    public LakeSql sql(org.marketlake.core.Catalogue catalogue, Path output) {
        throw new UnsupportedOperationException("not needed");
    }

    @Override
    public LakeSql unsafeSql(org.marketlake.core.Catalogue catalogue) {
        throw new UnsupportedOperationException("not needed");
    }
}
