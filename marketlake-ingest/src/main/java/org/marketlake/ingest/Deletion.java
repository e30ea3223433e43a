package org.marketlake.ingest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.marketlake.core.layout.LakeLayout;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.DeleteResult;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.store.Lake;
import org.marketlake.ingest.aggregate.Rollup;
import org.marketlake.ingest.aggregate.Session;

/**
 * Deleting stored rows, as one commit that keeps the lake's roll-ups true: deleting 1s bars also rebuilds the
 * coarser bars of the days around the range from the 1s bars that remain.
 */
public final class Deletion {
    private Deletion() {}

    /** What a range delete did: the rows removed from the kind asked for, and the derived bars rebuilt. */
    public record RangeDelete(DeleteResult removed, DeleteResult derivedRemoved, WriteResult derivedRebuilt) {}

    /** Removes {@code kind}'s rows of {@code symbol} in {@code range}; for 1s bars, rebuilds the stored coarser bars (daily over {@code session}). */
    public static RangeDelete range(Lake lake, DataKind kind, Symbol symbol, TimeRange range, Session session) {
        return lake.commit(commit -> {
            DeleteResult removed = commit.delete(kind, symbol, range);
            if (!(kind instanceof DataKind.Bars bars) || bars.timeframe() != Timeframe.S1 || removed.removed() == 0) {
                return new RangeDelete(removed, new DeleteResult(List.of()), new WriteResult(List.of()));
            }
            // The UTC days, and the trading dates, that the range touches, with a day either side: the derived bars
            // of these days are removed and rebuilt from the 1s bars left, so a bar never outlives its trades.
            long start = Math.floorDiv(range.startMicros(), Micros.PER_DAY) * Micros.PER_DAY - Micros.PER_DAY;
            long end = (Math.floorDiv(range.endMicros(), Micros.PER_DAY) + 2) * Micros.PER_DAY - 1;
            TimeRange around = new TimeRange(start, end);
            Set<Timeframe> derived = EnumSet.noneOf(Timeframe.class);
            List<DeleteResult> derivedRemoved = new ArrayList<>();
            for (Timeframe timeframe : Timeframe.values()) {
                if (timeframe != Timeframe.S1 && !commit.files(DataKind.bars(timeframe), symbol).isEmpty()) {
                    derived.add(timeframe);
                    derivedRemoved.add(commit.delete(DataKind.bars(timeframe), symbol, around));
                }
            }
            WriteResult rebuilt = derived.isEmpty() ? new WriteResult(List.of())
                    : Rollup.fromStoredSeconds(commit, symbol, derived, around, session);
            return new RangeDelete(removed, DeleteResult.combine(derivedRemoved), rebuilt);
        });
    }

    /** Removes every file of {@code symbol}, every kind and timeframe, as one commit. */
    public static DeleteResult symbol(Lake lake, Symbol symbol) {
        return lake.commit(commit -> {
            List<DeleteResult> results = new ArrayList<>();
            for (DataKind kind : LakeLayout.kinds()) {
                results.add(commit.delete(kind, symbol, TimeRange.ALL));
            }
            return DeleteResult.combine(results);
        });
    }
}
