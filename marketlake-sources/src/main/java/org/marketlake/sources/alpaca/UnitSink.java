package org.marketlake.sources.alpaca;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.model.ColumnType;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.ingest.aggregate.QuoteReducer;
import org.marketlake.ingest.aggregate.Rollup;
import org.marketlake.ingest.aggregate.Session;

/**
 * Where one unit's records go until the whole unit is downloaded: nothing reaches the lake before {@link #write},
 * which runs only after the last page arrived (a partial download is closed unwritten). Trades and quotes go
 * through the ingest module's aggregation (its bar and quote rules; nothing is re-implemented here); the API's
 * bars are written as they come.
 */
sealed interface UnitSink extends AutoCloseable permits UnitSink.Trades, UnitSink.Quotes, UnitSink.ApiBars {
    ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Takes record {@code row} of {@code page}; false when the aggregation rejects it. */
    boolean accept(Page page, int row);

    /** Writes the unit to the lake; {@code range} is the unit's span (for roll-ups from stored 1s bars). */
    WriteResult write(Lake lake, TimeRange range);

    @Override
    void close();

    static UnitSink of(ImportTarget target, Symbol symbol) {
        return switch (target) {
            case ImportTarget.TradeBars bars -> new Trades(symbol, bars.timeframe());
            case ImportTarget.Quotes quotes -> new Quotes(symbol);
            case ImportTarget.ApiBars bars -> new ApiBars(symbol, bars.timeframe());
        };
    }

    static long micros(long nanos) {
        return Math.floorDiv(nanos, 1000L);
    }

    /** Trades into 1s bars, then the roll-ups: 1m and 1d for a 1s import, else the timeframe asked for. */
    final class Trades implements UnitSink {
        private final Symbol symbol;
        private final Timeframe timeframe;
        private final org.marketlake.ingest.aggregate.TradeBars bars;

        Trades(Symbol symbol, Timeframe timeframe) {
            this.symbol = symbol;
            this.timeframe = timeframe;
            this.bars = org.marketlake.ingest.aggregate.TradeBars.create(symbol);
        }

        @Override
        public boolean accept(Page page, int row) {
            return bars.add(micros(page.nanos[row]), page.number("p", row), page.number("s", row)) == null;
        }

        @Override
        public WriteResult write(Lake lake, TimeRange range) {
            List<WriteResult> results = new ArrayList<>();
            bars.forEachMonth(frame -> results.add(lake.write(frame)));
            if (!results.isEmpty()) {
                Set<Timeframe> coarser = timeframe == Timeframe.S1 ? Set.of(Timeframe.M1, Timeframe.D1) : Set.of(timeframe);
                if (!coarser.equals(Set.of(Timeframe.S1))) {
                    results.add(Rollup.fromStoredSeconds(lake, symbol, coarser, range, Session.REGULAR));
                }
            }
            return WriteResult.combine(results);
        }

        @Override
        public void close() {
            bars.close();
        }
    }

    /** Quotes into one per second; the lake's {@code exchange} is the bid's exchange ({@code bx}). */
    final class Quotes implements UnitSink {
        private final QuoteReducer quotes;

        Quotes(Symbol symbol) {
            this.quotes = QuoteReducer.create(symbol);
        }

        @Override
        public boolean accept(Page page, int row) {
            return quotes.add(micros(page.nanos[row]), page.number("bp", row), page.number("ap", row), page.number("bs", row),
                    page.number("as", row), page.texts[0][row]) == null;
        }

        @Override
        public WriteResult write(Lake lake, TimeRange range) {
            List<WriteResult> results = new ArrayList<>();
            quotes.forEachMonth(frame -> results.add(lake.write(frame)));
            return WriteResult.combine(results);
        }

        @Override
        public void close() {
            quotes.close();
        }
    }

    /** The API's bars; daily bars (stamped by the API at New York midnight) are stamped at their date 00:00 UTC. */
    final class ApiBars implements UnitSink {
        private final Timeframe timeframe;
        private final Frame.Builder rows;
        private final int vwap;
        private final int tradeCount;

        ApiBars(Symbol symbol, Timeframe timeframe) {
            this.timeframe = timeframe;
            this.rows = Frame.builder(DataKind.bars(timeframe), symbol, 1024);
            LakeSchema schema = DataKind.bars(timeframe).schema();
            this.vwap = schema.indexOf("vwap");
            this.tradeCount = schema.indexOf("trade_count");
        }

        @Override
        public boolean accept(Page page, int row) {
            long stamp = micros(page.nanos[row]);
            if (timeframe.isDaily()) {
                LocalDate date = Instant.ofEpochSecond(0, 0).plusNanos(page.nanos[row]).atZone(NEW_YORK).toLocalDate();
                stamp = date.toEpochDay() * Micros.PER_DAY;
            }
            int at = rows.add(stamp);
            rows.setDouble(LakeSchema.OPEN, at, page.number("o", row)).setDouble(LakeSchema.HIGH, at, page.number("h", row))
                    .setDouble(LakeSchema.LOW, at, page.number("l", row)).setDouble(LakeSchema.CLOSE, at, page.number("c", row))
                    .setDouble(LakeSchema.VOLUME, at, page.number("v", row));
            if (vwap >= 0) {
                rows.setDouble(vwap, at, page.number("vw", row));
            }
            double count = page.number("n", row);
            if (tradeCount >= 0) {
                rows.setInt(tradeCount, at, Double.isNaN(count) ? ColumnType.NULL_INT : (int) count);
            }
            return true;
        }

        @Override
        public WriteResult write(Lake lake, TimeRange range) {
            Frame frame = rows.build();
            // A bar repeated with the same stamp keeps its last version, as a re-sent page would mean.
            return frame.isEmpty() ? new WriteResult(List.of()) : lake.writeLastWins(frame);
        }

        @Override
        public void close() {
            // Nothing held outside the heap.
        }
    }
}
