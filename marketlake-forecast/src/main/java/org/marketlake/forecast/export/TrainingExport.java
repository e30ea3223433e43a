package org.marketlake.forecast.export;

import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;

/**
 * Lake bars as the series Chronos trains on (GluonTS's {@code start} + {@code target}): each series lies on the
 * regular grid of its timeframe, so a missing bar is a NaN at its place rather than a silent shift of what follows.
 */
final class TrainingExport {
    private TrainingExport() {}

    /** The series of {@code selection}, by symbol then start; an error when the selection has no bars at all. */
    public static List<TrainingSeries> series(Lake lake, ExportSelection selection) {
        DataKind kind = DataKind.bars(selection.timeframe());
        List<Symbol> symbols = selection.symbols().isEmpty() ? lake.symbols(kind) : selection.symbols();
        List<TrainingSeries> result = new ArrayList<>();
        for (Symbol symbol : symbols.stream().sorted().toList()) {
            Frame bars = lake.read(kind, symbol, selection.range(),
                    List.of(LakeSchema.TIMESTAMP_COLUMN, selection.column()));
            result.addAll(cut(symbol, bars.timestamps(), bars.doubles(selection.column()), bars.size(), selection));
        }
        if (result.isEmpty()) {
            throw new InvalidDataException("no " + selection.timeframe().label() + " bars to export [symbols="
                    + (symbols.isEmpty() ? "none in the lake" : symbols) + ", range="
                    + Micros.format(Math.max(selection.range().startMicros(), Long.MIN_VALUE + 1)) + ".."
                    + Micros.format(Math.min(selection.range().endMicros(), Long.MAX_VALUE - 1)) + "]");
        }
        return result;
    }

    /** One symbol's sorted bars as series on the bar grid, cut at session gaps when asked. */
    static List<TrainingSeries> cut(Symbol symbol, long[] timestamps, double[] values, int size, ExportSelection selection) {
        long step = selection.timeframe().micros();
        long gap = selection.segmentation() == ExportSelection.Segmentation.PER_SESSION
                ? selection.sessionGap().toNanos() / 1000
                : Long.MAX_VALUE;
        List<TrainingSeries> series = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= size; i++) {
            if (i == size || timestamps[i] - timestamps[i - 1] > gap) {
                TrainingSeries piece = onGrid(symbol, timestamps, values, from, i, step);
                if (piece.observed() > 0) {
                    series.add(piece);
                }
                from = i;
            }
        }
        return series;
    }

    private static TrainingSeries onGrid(Symbol symbol, long[] timestamps, double[] values, int from, int to, long step) {
        long start = timestamps[from];
        long span = Math.floorDiv(timestamps[to - 1] - start, step) + 1;
        if (span > Integer.MAX_VALUE - 8) {
            throw new InvalidDataException("series too long for one training row [symbol=" + symbol + ", steps=" + span
                    + "]; narrow the range or split the series at gaps").about("start", "end", "split gaps");
        }
        float[] target = new float[(int) span];
        java.util.Arrays.fill(target, Float.NaN);
        for (int i = from; i < to; i++) {
            target[(int) Math.floorDiv(timestamps[i] - start, step)] = (float) values[i];
        }
        return new TrainingSeries(symbol, start, target);
    }
}
