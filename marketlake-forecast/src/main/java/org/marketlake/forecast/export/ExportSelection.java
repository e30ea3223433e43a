package org.marketlake.forecast.export;

import java.time.Duration;
import java.util.List;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.ColumnType;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;

/**
 * Which bars become training series: {@code column} of the {@code timeframe} bars of {@code symbols} (every symbol
 * of that timeframe when empty) inside {@code range}, one series per symbol or one per continuous session.
 */
public record ExportSelection(List<Symbol> symbols, Timeframe timeframe, String column, TimeRange range, Segmentation segmentation) {
    /** How a symbol's bars are cut into series. */
    public enum Segmentation {
        /** One series per symbol on the bar grid from its first to its last bar, NaN where no bar is. */
        PER_SYMBOL,
        /** A new series wherever bars are further apart than {@link #sessionGap()}; short holes inside stay NaN. */
        PER_SESSION
    }

    public ExportSelection {
        symbols = List.copyOf(symbols);
        LakeSchema schema = LakeSchema.of(DataKind.bars(timeframe));
        int index = schema.index(column);
        if (schema.column(index).type() != ColumnType.DOUBLE) {
            throw new InvalidRequestException("column " + column + " is not numeric; use one of open, high, low, close, volume");
        }
    }

    /**
     * Bars further apart than this start a new session: four days for daily bars (so weekends and holidays do not
     * split a run), otherwise an hour or one bar, whichever is longer (so the overnight close does).
     */
    public Duration sessionGap() {
        if (timeframe.isDaily()) {
            return Duration.ofDays(4);
        }
        Duration hour = Duration.ofHours(1);
        return timeframe.duration().compareTo(hour) > 0 ? timeframe.duration() : hour;
    }
}
