package org.marketlake.core.query;

import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.store.Lake;
import org.marketlake.core.calendar.TradingCalendar;
import org.marketlake.core.calendar.TradingCalendars;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Symbol;

/**
 * A query over one kind and symbol: a selection of time, optionally only the sessions of a trading calendar, and the columns to
 * read (only those are read; row groups that cannot match are skipped).
 */
public record LakeQuery(DataKind kind, Symbol symbol, Selection selection, List<String> columns, TradingCalendar hours) {
    public LakeQuery {
        columns = columns == null ? List.of() : List.copyOf(columns);
        kind.schema().select(columns); // unknown columns fail here, before any file is opened
    }

    /** With {@code marketHours}, only the sessions of XNYS (the New York exchanges' calendar). */
    public LakeQuery(DataKind kind, Symbol symbol, Selection selection, List<String> columns, boolean marketHours) {
        this(kind, symbol, selection, columns, marketHours ? TradingCalendars.of(TradingCalendars.XNYS) : null);
    }

    public Frame run(Lake lake) {
        return run(lake, null);
    }

    /** As {@link #run(Lake)}, skipping files that fail their check and naming each to {@code skipped} (null: stop at the first). */
    public Frame run(Lake lake, java.util.function.Consumer<String> skipped) {
        return run(lake, skipped, null);
    }

    /**
     * As {@link #run(Lake, java.util.function.Consumer)}, with {@code transform} (null: none) applied to the rows read,
     * which then include the timestamp column, before they are cut to the asked columns: an adjustment of prices.
     */
    public Frame run(Lake lake, java.util.function.Consumer<String> skipped, java.util.function.UnaryOperator<Frame> transform) {
        List<String> reading = new ArrayList<>(columns);
        boolean addedTimestamp = false;
        boolean marketHours = hours != null;
        if ((marketHours || transform != null) && !reading.isEmpty() && !reading.contains(LakeSchema.TIMESTAMP_COLUMN)) {
            reading.add(LakeSchema.TIMESTAMP_COLUMN);
            addedTimestamp = true;
        }
        Frame frame = skipped == null ? lake.read(kind, symbol, selection.range(), reading)
                : lake.read(kind, symbol, selection.range(), reading, skipped);
        if (marketHours) {
            frame = SessionFilter.filter(frame, hours);
        }
        if (transform != null) {
            frame = transform.apply(frame);
        }
        return addedTimestamp ? frame.project(columns) : frame;
    }
}
