package org.marketlake.ingest.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Symbol;

/** What {@link TradeBars} and {@link QuoteReducer} share: per-month tables of one symbol, merging, handing over. */
abstract class SecondsAccumulator<T extends SecondTable, A extends SecondsAccumulator<T, A>> implements AutoCloseable {
    private final Symbol symbol;
    private final DataKind kind;
    final MonthlyTables<T> months;
    long accepted;

    SecondsAccumulator(Symbol symbol, DataKind kind, MonthlyTables<T> months) {
        this.symbol = symbol;
        this.kind = kind;
        this.months = months;
    }

    public Symbol symbol() {
        return symbol;
    }

    /** Rows taken so far. */
    public long accepted() {
        return accepted;
    }

    /** Takes over the rows of {@code later}, as if they had been added to this one after its own. */
    public void mergeLater(A later) {
        SecondsAccumulator<T, A> other = later;
        months.mergeLater(other.months);
        accepted += other.accepted;
        other.accepted = 0;
    }

    /** Hands over the finished rows one UTC month at a time, in month order, sorted, and empties this accumulator. */
    public void forEachMonth(Consumer<Frame> action) {
        months.finish(symbol, (month, rows) -> action.accept(rows));
    }

    /** All rows in one sorted frame (for inputs that fit in memory). */
    public Frame toFrame() {
        List<Frame> frames = new ArrayList<>();
        forEachMonth(frames::add);
        return frames.isEmpty() ? Frame.empty(kind, symbol) : Frame.concat(frames);
    }

    /** How many times partial results went to disk (for tests). */
    long spills() {
        return months.spills();
    }

    /** Deletes any spill files; safe to call twice. */
    @Override
    public void close() {
        months.close();
    }
}
