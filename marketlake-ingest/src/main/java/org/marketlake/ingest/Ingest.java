package org.marketlake.ingest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.ingest.aggregate.QuoteReducer;
import org.marketlake.ingest.aggregate.Rollup;
import org.marketlake.ingest.aggregate.TradeBars;
import org.marketlake.ingest.input.InputPlan;
import org.marketlake.ingest.input.RecordLayout;

/**
 * The ingest entry point: files of trades into 1s bars and their roll-ups, files of quotes into one quote per
 * second, all written through the lake (validated, merged, published atomically).
 *
 * <pre>{@code
 * IngestReport report = Ingest.trades(lake, IngestOptions.of(Symbol.of("IBM"), List.of(Path.of("trades.csv")))
 *         .timeframes(Set.of(Timeframe.M1, Timeframe.D1)));
 * }</pre>
 *
 * Every input row is read before anything is written, so within one call the result does not depend on input
 * order or on how the input is split into files; across calls the lake's merge applies (a later call's 1s bar
 * or quote replaces an earlier one with the same timestamp).
 */
public final class Ingest {
    private Ingest() {}

    /** Trades into 1s bars (one lake write per UTC month), then the coarser timeframes from the stored 1s bars. */
    public static IngestReport trades(Lake lake, IngestOptions options) {
        return trades(lake, options, InputPlan.defaultPartBytes());
    }

    /** As {@link #trades(Lake, IngestOptions)}, cutting plain CSV files into ranges of {@code partBytes} (tests use small ones). */
    static IngestReport trades(Lake lake, IngestOptions options, long partBytes) {
        Reading<TradeBars> reading = new Reading<>(new Reading.Accumulators<>(
                budget -> TradeBars.withBudget(options.symbol(), budget),
                (bars, timestamp, numbers, text) -> bars.add(timestamp, numbers[0], numbers[1]),
                TradeBars::mergeLater, TradeBars.defaultBudget()));
        Map<String, WriteResult> written = new LinkedHashMap<>();
        try (TradeBars bars = reading.readAll(options.files(), RecordLayout.TRADES, options, partBytes)) {
            reading.failIfStrict(options);
            // One commit: the 1s months and every roll-up of them become visible together, or none does.
            lake.commit(commit -> {
                List<WriteResult> seconds = new ArrayList<>();
                long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
                bars.forEachMonth(frame -> {
                    seconds.add(commit.write(frame));
                    long[] ts = frame.timestamps();
                    span[0] = Math.min(span[0], ts[0]);
                    span[1] = Math.max(span[1], ts[frame.size() - 1]);
                });
                written.put(Timeframe.S1.label(), WriteResult.combine(seconds));
                Set<Timeframe> coarser = EnumSet.copyOf(options.timeframes());
                coarser.remove(Timeframe.S1);
                if (!seconds.isEmpty()) {
                    TimeRange touched = new TimeRange(span[0], span[1]);
                    for (Timeframe timeframe : coarser) {
                        written.put(timeframe.label(), Rollup.fromStoredSeconds(commit, options.symbol(), Set.of(timeframe), touched, options.session()));
                    }
                }
                return null;
            });
        }
        return new IngestReport(options.files().size(), reading.rows(), reading.accepted(), reading.rejections(), written);
    }

    /** Quotes into one quote per second (one lake write per UTC month). */
    public static IngestReport quotes(Lake lake, IngestOptions options) {
        return quotes(lake, options, InputPlan.defaultPartBytes());
    }

    static IngestReport quotes(Lake lake, IngestOptions options, long partBytes) {
        Reading<QuoteReducer> reading = new Reading<>(new Reading.Accumulators<>(
                budget -> QuoteReducer.withBudget(options.symbol(), budget),
                (quotes, timestamp, numbers, text) -> quotes.add(timestamp, numbers[0], numbers[1], numbers[2], numbers[3], text),
                QuoteReducer::mergeLater, QuoteReducer.defaultBudget()));
        Map<String, WriteResult> written = new LinkedHashMap<>();
        try (QuoteReducer quotes = reading.readAll(options.files(), RecordLayout.QUOTES, options, partBytes)) {
            reading.failIfStrict(options);
            List<WriteResult> results = new ArrayList<>();
            lake.commit(commit -> {
                quotes.forEachMonth((Frame frame) -> results.add(commit.write(frame)));
                return null;
            });
            written.put("quotes", WriteResult.combine(results));
        }
        return new IngestReport(options.files().size(), reading.rows(), reading.accepted(), reading.rejections(), written);
    }
}
