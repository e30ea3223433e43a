package org.marketlake.core.actions;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.calendar.SymbolCalendars;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.model.CorporateAction;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.FactorSpan;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.store.Lake;

/**
 * Corporate-action adjustment of bars as they are read: the lake's stored files never change.
 *
 * <pre>{@code
 * AdjustmentFactors factors = Adjustments.factors(lake, Symbol.of("IBM"), Adjustment.ALL);
 * Frame adjusted = factors.apply(bars);
 * }</pre>
 */
public final class Adjustments {
    private Adjustments() {}

    /**
     * The factors of {@code symbol}'s stored actions that {@code adjustment} covers (none for {@link Adjustment#RAW}).
     * A cash dividend needs the last daily close before its ex-date from the lake's 1d bars; without one it is
     * refused, naming the symbol and the date.
     */
    public static AdjustmentFactors factors(Lake lake, Symbol symbol, Adjustment adjustment) {
        ZoneId zone = SymbolCalendars.of(lake.root()).of(symbol).zone();
        if (adjustment == Adjustment.RAW) {
            return new AdjustmentFactors(symbol, adjustment, zone, List.of());
        }
        List<CorporateAction> actions = lake.actions(symbol).stream().filter(action -> adjustment.covers(action.type())).toList();
        return compute(symbol, adjustment, zone, actions, closesBefore(lake, symbol, actions));
    }

    /** The factors of {@code actions} (one symbol's, sorted by ex-date) given each action's close before its ex-date. */
    static AdjustmentFactors compute(Symbol symbol, Adjustment adjustment, ZoneId zone, List<CorporateAction> actions, double[] closes) {
        List<AdjustmentFactor> factors = new ArrayList<>();
        double cumulativePrice = 1.0;
        double cumulativeVolume = 1.0;
        for (int i = actions.size() - 1; i >= 0; i--) {
            CorporateAction action = actions.get(i);
            double price;
            double volume;
            if (action.type().changesShares()) {
                price = 1.0 / action.ratio();
                volume = action.ratio();
            } else {
                price = 1.0 - action.cashAmount() / closes[i];
                volume = 1.0;
            }
            cumulativePrice *= price;
            cumulativeVolume *= volume;
            factors.add(0, new AdjustmentFactor(action, closes[i], price, volume, cumulativePrice, cumulativeVolume));
        }
        return new AdjustmentFactors(symbol, adjustment, zone, factors);
    }

    /** For each cash dividend the raw close of the last daily bar before its ex-date; NaN for the other actions. */
    private static double[] closesBefore(Lake lake, Symbol symbol, List<CorporateAction> actions) {
        double[] closes = new double[actions.size()];
        java.util.Arrays.fill(closes, Double.NaN);
        LocalDate last = actions.stream().filter(a -> !a.type().changesShares()).map(CorporateAction::exDate).max(LocalDate::compareTo).orElse(null);
        if (last == null) {
            return closes;
        }
        long end = Micros.of(last.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()) - 1;
        Frame daily = lake.read(DataKind.bars(Timeframe.D1), symbol, new TimeRange(Long.MIN_VALUE, end), List.of("timestamp", "close"));
        long[] ts = daily.timestamps();
        double[] close = daily.doubles("close");
        for (int i = 0; i < actions.size(); i++) {
            CorporateAction action = actions.get(i);
            if (action.type().changesShares()) {
                continue;
            }
            long before = Micros.of(action.exDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            int row = lastBefore(ts, before);
            if (row < 0) {
                throw new InvalidDataException("cannot adjust " + symbol + " for its cash dividend on " + action.exDate()
                        + ": the lake has no daily bar of " + symbol + " before " + action.exDate()
                        + " to take the close from; ingest its 1d bars, or adjust for splits only").about("adjust");
            }
            closes[i] = close[row];
        }
        return closes;
    }

    private static int lastBefore(long[] sorted, long micros) {
        int low = 0;
        int high = sorted.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < micros) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    /** The rows of {@code query}, adjusted as {@code adjustment} says (see {@link org.marketlake.core.query.LakeQuery#run}). */
    public static Frame run(Lake lake, org.marketlake.core.query.LakeQuery query, Adjustment adjustment, java.util.function.Consumer<String> skipped) {
        if (adjustment == Adjustment.RAW || !(query.kind() instanceof DataKind.Bars)) {
            return query.run(lake, skipped);
        }
        AdjustmentFactors factors = factors(lake, query.symbol(), adjustment);
        return query.run(lake, skipped, factors::apply);
    }

    /**
     * {@code lake} as readers of adjusted bars see it: every read of bars through the view is adjusted as
     * {@code adjustment} says (the lake itself for {@link Adjustment#RAW}); quotes, writes and the rest are the lake's.
     * For forecasts, backtests, training exports and datasets, which read bars through a {@link Lake}.
     */
    public static Lake adjusting(Lake lake, Adjustment adjustment) {
        return adjustment == Adjustment.RAW ? lake : AdjustedLake.of(lake, adjustment);
    }

    /** {@code bars} as {@code adjustment} says (the same frame for {@link Adjustment#RAW}). */
    public static Frame adjust(Lake lake, Frame bars, Adjustment adjustment) {
        if (adjustment == Adjustment.RAW || !(bars.kind() instanceof DataKind.Bars)) {
            return bars;
        }
        return factors(lake, bars.symbol(), adjustment).apply(bars);
    }

    /** The factor spans of every symbol with stored actions, for adjusted SQL views. */
    public static List<FactorSpan> spans(Lake lake, org.marketlake.core.model.Catalogue catalogue, Adjustment adjustment) {
        List<FactorSpan> spans = new ArrayList<>();
        if (adjustment == Adjustment.RAW) {
            return spans;
        }
        for (var file : catalogue.actions()) {
            spans.addAll(factors(lake, file.symbol(), adjustment).spans());
        }
        return spans;
    }

    /**
     * Read-only DuckDB over the catalogue's files (as {@link Lake#sql(org.marketlake.core.model.Catalogue, java.nio.file.Path)})
     * whose bars views are adjusted as {@code adjustment} says, with a view {@code adjustment_factors} of the spans.
     */
    public static org.marketlake.core.sql.LakeSql sql(Lake lake, org.marketlake.core.model.Catalogue catalogue, Adjustment adjustment,
            java.nio.file.Path output) {
        return org.marketlake.core.sql.LakeSql.readOnlyOverLake(catalogue.pathsByKind(), spans(lake, catalogue, adjustment), output);
    }

    /** As {@link #sql}, with full DuckDB access ({@code sql --unsafe}). */
    public static org.marketlake.core.sql.LakeSql unsafeSql(Lake lake, org.marketlake.core.model.Catalogue catalogue, Adjustment adjustment) {
        return org.marketlake.core.sql.LakeSql.overLake(catalogue.pathsByKind(), spans(lake, catalogue, adjustment));
    }

    /** The CREATE VIEW statements of {@link #sql}, one per line ending in ';'. */
    public static List<String> viewText(Lake lake, org.marketlake.core.model.Catalogue catalogue, Adjustment adjustment) {
        return org.marketlake.core.sql.LakeViewText.of(catalogue, spans(lake, catalogue, adjustment));
    }
}
