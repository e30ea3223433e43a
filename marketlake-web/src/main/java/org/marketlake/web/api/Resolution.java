package org.marketlake.web.api;

import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.LakeFile;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;

/**
 * Which stored timeframe answers a bar request of at most {@code maxPoints} bars: the one asked for when its bars in
 * the range fit, else the finest coarser roll-up the lake holds whose bars fit (1s, 1m, 5m, 15m, 1h, 1d), else the
 * coarsest. Counted from the catalogue's files (rows, first and last stamp), before any file is read, so a month of
 * 1s bars is never read to be thrown away.
 */
record Resolution(List<Timeframe> candidates) {
    Resolution {
        candidates = List.copyOf(candidates);
    }

    /** The stored timeframes of {@code symbol}, from {@code asked} up, in the order to try them. */
    static Resolution of(List<LakeFile> files, Symbol symbol, Timeframe asked) {
        List<Timeframe> stored = new ArrayList<>();
        for (Timeframe timeframe : Timeframe.values()) {
            if (timeframe.ordinal() >= asked.ordinal() && !filesOf(files, symbol, timeframe).isEmpty()) {
                stored.add(timeframe);
            }
        }
        return new Resolution(stored);
    }

    /** The first candidate whose estimated bars in {@code range} are at most {@code maxPoints}, else the coarsest. */
    Timeframe choose(List<LakeFile> files, Symbol symbol, TimeRange range, int maxPoints) {
        for (Timeframe timeframe : candidates) {
            if (estimate(filesOf(files, symbol, timeframe), range) <= maxPoints) {
                return timeframe;
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    /** The next coarser candidate after {@code timeframe}, or null. */
    Timeframe coarserThan(Timeframe timeframe) {
        int at = candidates.indexOf(timeframe);
        return at >= 0 && at + 1 < candidates.size() ? candidates.get(at + 1) : null;
    }

    /** Rows of the files in {@code range}: whole files counted exactly, a file the range cuts in proportion to its span. */
    static long estimate(List<LakeFile> files, TimeRange range) {
        double rows = 0;
        for (LakeFile file : files) {
            if (file.rows() == 0 || file.lastMicros() < range.startMicros() || file.firstMicros() > range.endMicros()) {
                continue;
            }
            long from = Math.max(file.firstMicros(), range.startMicros());
            long to = Math.min(file.lastMicros(), range.endMicros());
            double span = (double) file.lastMicros() - file.firstMicros() + 1;
            rows += file.rows() * Math.min(1.0, ((double) to - from + 1) / span);
        }
        return (long) Math.ceil(rows);
    }

    static List<LakeFile> filesOf(List<LakeFile> files, Symbol symbol, Timeframe timeframe) {
        DataKind kind = DataKind.bars(timeframe);
        return files.stream().filter(f -> f.kind().equals(kind) && f.symbol().equals(symbol)).toList();
    }
}
