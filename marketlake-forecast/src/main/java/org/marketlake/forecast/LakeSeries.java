package org.marketlake.forecast;

import org.marketlake.forecast.model.Series;

import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.LakeFile;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.model.TimeRange;

/** Reads the recent bars of one symbol from the lake as a {@link Series}, touching only the files it needs. */
final class LakeSeries {
    /** Bars read beyond what the forecaster needs, so the session calendar sees two weeks of trading. */
    public static final long CALENDAR_SPAN = 14 * Micros.PER_DAY;

    private LakeSeries() {}

    /**
     * The bars of {@code symbol} starting before {@code beforeMicros} ({@link Long#MAX_VALUE} for all): at least
     * the last {@code minimumBars} of them (or all there are), and at least two weeks of them.
     *
     * @throws InvalidDataException when the lake holds no such bars
     */
    public static Series read(Lake lake, Symbol symbol, Timeframe timeframe, String column, long beforeMicros, int minimumBars) {
        DataKind kind = DataKind.bars(timeframe);
        kind.schema().index(column);
        List<LakeFile> files = new ArrayList<>();
        for (LakeFile file : lake.files(kind, symbol)) {
            if (file.firstMicros() < beforeMicros) {
                files.add(file);
            }
        }
        if (files.isEmpty()) {
            throw new InvalidDataException("no " + timeframe.label() + " bars of " + symbol
                    + (beforeMicros == Long.MAX_VALUE ? "" : " before " + Micros.format(beforeMicros))
                    + " in the lake [root=" + lake.root() + "]: ingest some first (or run marketlake demo), or check the lake root").about("lake root");
        }
        // Walk back from the newest file until enough rows and enough time are covered.
        int first = files.size() - 1;
        long rows = files.get(first).rows();
        long newest = Math.min(files.get(first).lastMicros(), beforeMicros);
        while (first > 0 && (rows < minimumBars || newest - files.get(first).firstMicros() < CALENDAR_SPAN)) {
            first--;
            rows += files.get(first).rows();
        }
        long start = files.get(first).period().startMicros();
        long end = beforeMicros == Long.MAX_VALUE ? Long.MAX_VALUE : beforeMicros - 1;
        Frame frame = lake.read(kind, symbol, new TimeRange(start, end), List.of(LakeSchema.TIMESTAMP_COLUMN, column));
        long[] timestamps = frame.timestamps();
        double[] values = frame.doubles(column);
        // Nulls (NaN) in an optional column are skipped: the forecasters see the bars that have a value.
        int kept = 0;
        long[] keptTimestamps = new long[frame.size()];
        double[] keptValues = new double[frame.size()];
        for (int i = 0; i < frame.size(); i++) {
            if (Double.isFinite(values[i])) {
                keptTimestamps[kept] = timestamps[i];
                keptValues[kept++] = values[i];
            }
        }
        if (kept == 0) {
            throw new InvalidDataException("no " + column + " values in the " + timeframe.label() + " bars of " + symbol + " [root=" + lake.root() + "]");
        }
        return new Series(symbol, timeframe, column, java.util.Arrays.copyOf(keptTimestamps, kept), java.util.Arrays.copyOf(keptValues, kept));
    }
}
