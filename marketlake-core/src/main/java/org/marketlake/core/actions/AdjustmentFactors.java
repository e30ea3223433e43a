package org.marketlake.core.actions;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.model.Column;
import org.marketlake.core.model.ColumnType;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.FactorSpan;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;

/**
 * The back-adjustment of one symbol, CRSP-style: a bar whose trading date is before an action's ex-date has its
 * prices multiplied by that action's cumulative price factor and its volume by the volume factor. The trading date
 * of a daily bar is its UTC date (it is stamped 00:00 UTC); of an intraday bar, its date in {@code zone} (the
 * symbol's calendar). {@code factors} are sorted by ex-date; an empty list adjusts nothing.
 */
public record AdjustmentFactors(Symbol symbol, Adjustment adjustment, ZoneId zone, List<AdjustmentFactor> factors) {
    private static final List<String> PRICES = List.of("open", "high", "low", "close", "vwap");

    public AdjustmentFactors {
        if (symbol == null || adjustment == null || zone == null) {
            throw new IllegalArgumentException("adjustment factors need a symbol, an adjustment and a zone");
        }
        factors = List.copyOf(factors);
    }

    /** The price factor of a bar traded on {@code date}: that of the first action with an ex-date after it, else 1. */
    public double priceFactor(LocalDate date) {
        AdjustmentFactor next = firstAfter(date);
        return next == null ? 1.0 : next.cumulativePrice();
    }

    /** The volume factor of a bar traded on {@code date}. */
    public double volumeFactor(LocalDate date) {
        AdjustmentFactor next = firstAfter(date);
        return next == null ? 1.0 : next.cumulativeVolume();
    }

    private AdjustmentFactor firstAfter(LocalDate date) {
        for (AdjustmentFactor factor : factors) {
            if (factor.action().exDate().isAfter(date)) {
                return factor;
            }
        }
        return null;
    }

    /** The date ranges with one factor each, before the last ex-date (bars after it are as stored), for SQL views. */
    public List<FactorSpan> spans() {
        List<FactorSpan> spans = new ArrayList<>();
        LocalDate from = null;
        for (AdjustmentFactor factor : factors) {
            LocalDate until = factor.action().exDate();
            if (from == null || from.isBefore(until)) {
                spans.add(new FactorSpan(symbol, zone, from, until, factor.cumulativePrice(), factor.cumulativeVolume()));
            }
            from = until;
        }
        return spans;
    }

    /**
     * {@code bars} adjusted: open, high, low, close and vwap times the price factor, volume times the volume factor,
     * notional (price x volume) times both; other columns as they are. A new frame: {@code bars} is not changed.
     */
    public Frame apply(Frame bars) {
        if (!(bars.kind() instanceof DataKind.Bars kind) || factors.isEmpty() || bars.isEmpty()) {
            return bars;
        }
        if (!bars.symbol().equals(symbol)) {
            throw new IllegalArgumentException("factors of " + symbol + " cannot adjust " + bars.symbol() + "'s bars");
        }
        boolean daily = kind.timeframe().isDaily();
        int size = bars.size();
        long[] ts = bars.timestamps();
        double[] price = new double[size];
        double[] volume = new double[size];
        for (int row = 0; row < size; row++) {
            LocalDate date = daily ? Micros.utcDate(ts[row]) : Micros.toInstant(ts[row]).atZone(zone).toLocalDate();
            price[row] = priceFactor(date);
            volume[row] = volumeFactor(date);
        }
        List<Column> columns = bars.columns();
        Object[] data = new Object[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            Object array = bars.array(c);
            if (column.type() == ColumnType.DOUBLE && (PRICES.contains(column.name()) || column.name().equals("volume") || column.name().equals("notional"))) {
                double[] source = (double[]) array;
                double[] adjusted = new double[size];
                for (int row = 0; row < size; row++) {
                    double factor = PRICES.contains(column.name()) ? price[row]
                            : column.name().equals("volume") ? volume[row] : price[row] * volume[row];
                    adjusted[row] = source[row] * factor;
                }
                data[c] = adjusted;
            } else {
                data[c] = array;
            }
        }
        return Frame.of(bars.kind(), bars.symbol(), columns, data, size);
    }
}
