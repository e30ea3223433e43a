package org.marketlake.ingest.aggregate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.marketlake.core.store.Lake;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Period;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;

/**
 * Coarser bars from 1-second bars. Intraday bars ({@code 1m}, {@code 5m}, {@code 15m}, {@code 1h}) cover
 * {@code [t, t + interval)} in UTC and are stamped {@code t}; a daily bar covers one trading date's
 * {@link Session} window and is stamped at that date 00:00 UTC. No bar for an interval without 1s bars.
 * open = first 1s bar's open, close = last one's close, high/low = extremes, volume = sum, {@code trade_count}
 * = sum, {@code vwap} = sum(notional) / volume (null when a 1s bar lacks notional or volume is 0).
 *
 * <p>{@link #fromStoredSeconds} derives them from the 1s bars stored in the lake, so a coarser bar reflects
 * every trade stored for it, whichever ingest brought it.
 */
public final class Rollup {
    private static final DataKind SECONDS = DataKind.bars(Timeframe.S1);
    private static final List<String> COLUMNS = List.of("timestamp", "open", "high", "low", "close", "volume", "trade_count", "notional");
    /** UTC days (or trading dates) read from the lake at a time: a week of 1s bars is at most ~700k rows. */
    private static final int DAYS_PER_READ = 7;

    private Rollup() {}

    /** Rolls sorted 1s bars (the lake's 1s schema) up to {@code timeframe}; {@code session} matters for 1d only. */
    public static Frame roll(Frame seconds, Timeframe timeframe, Session session) {
        requireCoarser(timeframe);
        Frame.Builder out = builder(seconds.symbol(), timeframe, 1024);
        Frame sorted = seconds.isSortedByTimestamp() ? seconds : seconds.select(seconds.sortOrder());
        if (timeframe.isDaily()) {
            if (sorted.isEmpty()) {
                return out.build();
            }
            long[] ts = sorted.timestamps();
            LocalDate first = LocalDate.ofEpochDay(Math.floorDiv(ts[0], Micros.PER_DAY)).minusDays(1);
            LocalDate last = LocalDate.ofEpochDay(Math.floorDiv(ts[sorted.size() - 1], Micros.PER_DAY));
            for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
                rollDate(sorted, date, session, out);
            }
        } else {
            rollIntraday(sorted, 0, sorted.size(), timeframe, out);
        }
        return out.build();
    }

    /** Recomputes {@code timeframes} over the stored 1s bars of {@code periods} (UTC months) and writes them. */
    public static WriteResult fromStoredSeconds(Lake lake, Symbol symbol, Collection<Timeframe> timeframes,
            Collection<? extends Period> periods, Session session) {
        return lake.commit(commit -> {
            List<WriteResult> results = new ArrayList<>();
            for (Period period : new TreeSet<>(periods)) {
                results.add(fromStoredSeconds(commit, symbol, timeframes, TimeRange.of(period), session));
            }
            return WriteResult.combine(results);
        });
    }

    /**
     * Recomputes {@code timeframes} from the stored 1s bars and writes them: intraday bars of every UTC day the
     * range touches, daily bars of every trading date whose session window it touches (whole days and dates,
     * so each bar written is complete).
     */
    public static WriteResult fromStoredSeconds(Lake lake, Symbol symbol, Collection<Timeframe> timeframes, TimeRange range,
            Session session) {
        return lake.commit(commit -> rollStored(commit, symbol, timeframes, range, session));
    }

    private static WriteResult rollStored(Lake lake, Symbol symbol, Collection<Timeframe> timeframes, TimeRange range, Session session) {
        List<WriteResult> results = new ArrayList<>();
        derive(lake, symbol, timeframes, range, session, frame -> results.add(lake.write(frame)));
        return WriteResult.combine(results);
    }

    /**
     * What {@link #fromStoredSeconds} would write, handed to {@code sink} one frame per month (year for daily
     * bars) instead of written: the roll-up check compares it with what is stored.
     */
    static void derive(Lake lake, Symbol symbol, Collection<Timeframe> timeframes, TimeRange range, Session session,
            Consumer<Frame> sink) {
        List<Timeframe> intraday = new ArrayList<>();
        boolean daily = false;
        for (Timeframe timeframe : new TreeSet<>(timeframes)) {
            if (timeframe == Timeframe.S1) {
                continue;
            }
            if (timeframe.isDaily()) {
                daily = true;
            } else {
                intraday.add(timeframe);
            }
        }
        LocalDate firstDay = LocalDate.ofEpochDay(Math.floorDiv(range.startMicros(), Micros.PER_DAY));
        LocalDate lastDay = LocalDate.ofEpochDay(Math.floorDiv(range.endMicros(), Micros.PER_DAY));
        if (!intraday.isEmpty()) {
            intradayFromLake(lake, symbol, intraday, firstDay, lastDay, sink);
        }
        if (daily) {
            dailyFromLake(lake, symbol, range, session, firstDay.minusDays(1), lastDay, sink);
        }
    }

    private static void intradayFromLake(Lake lake, Symbol symbol, List<Timeframe> timeframes, LocalDate firstDay, LocalDate lastDay,
            Consumer<Frame> sink) {
        Map<Timeframe, Frame.Builder> builders = new EnumMap<>(Timeframe.class);
        YearMonth month = YearMonth.from(firstDay);
        LocalDate day = firstDay;
        while (!day.isAfter(lastDay)) {
            LocalDate chunkEnd = day.plusDays(DAYS_PER_READ - 1);
            LocalDate monthEnd = YearMonth.from(day).atEndOfMonth();
            if (chunkEnd.isAfter(monthEnd)) {
                chunkEnd = monthEnd;
            }
            if (chunkEnd.isAfter(lastDay)) {
                chunkEnd = lastDay;
            }
            if (!YearMonth.from(day).equals(month)) {
                flush(builders, sink);
                month = YearMonth.from(day);
            }
            Frame seconds = read(lake, symbol, startOf(day), startOf(chunkEnd.plusDays(1)));
            for (Timeframe timeframe : timeframes) {
                Frame.Builder out = builders.computeIfAbsent(timeframe, tf -> builder(symbol, tf, 1024));
                rollIntraday(seconds, 0, seconds.size(), timeframe, out);
            }
            day = chunkEnd.plusDays(1);
        }
        flush(builders, sink);
    }

    private static void dailyFromLake(Lake lake, Symbol symbol, TimeRange range, Session session, LocalDate firstDate, LocalDate lastDate,
            Consumer<Frame> sink) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date = firstDate; !date.isAfter(lastDate); date = date.plusDays(1)) {
            java.util.Optional<Session.Window> window = session.window(date);
            // A date the market does not trade has no daily bar, whatever trades a feed reports on it.
            if (window.isPresent() && range.overlaps(window.get().startMicros(), window.get().endMicros() - 1)) {
                dates.add(date);
            }
        }
        Frame.Builder out = builder(symbol, Timeframe.D1, dates.size());
        int year = dates.isEmpty() ? 0 : dates.get(0).getYear();
        for (int from = 0; from < dates.size(); from += DAYS_PER_READ) {
            List<LocalDate> chunk = dates.subList(from, Math.min(dates.size(), from + DAYS_PER_READ));
            Frame seconds = read(lake, symbol, session.window(chunk.get(0)).orElseThrow().startMicros(),
                    session.window(chunk.get(chunk.size() - 1)).orElseThrow().endMicros());
            for (LocalDate date : chunk) {
                if (date.getYear() != year) {
                    emit(out.build(), sink);
                    out = builder(symbol, Timeframe.D1, dates.size());
                    year = date.getYear();
                }
                rollDate(seconds, date, session, out);
            }
        }
        emit(out.build(), sink);
    }

    /** The stored 1s bars in {@code [start, end)}. */
    private static Frame read(Lake lake, Symbol symbol, long start, long end) {
        return lake.read(SECONDS, symbol, new TimeRange(start, end - 1), COLUMNS);
    }

    private static void flush(Map<Timeframe, Frame.Builder> builders, Consumer<Frame> sink) {
        for (Frame.Builder builder : builders.values()) {
            emit(builder.build(), sink);
        }
        builders.clear();
    }

    private static void emit(Frame frame, Consumer<Frame> sink) {
        if (!frame.isEmpty()) {
            sink.accept(frame);
        }
    }

    private static void rollIntraday(Frame seconds, int from, int to, Timeframe timeframe, Frame.Builder out) {
        long width = timeframe.micros();
        long[] ts = seconds.timestamps();
        Columns in = new Columns(seconds);
        int vwap = out.indexOf("vwap");
        int tradeCount = out.indexOf("trade_count");
        BarBucket bucket = new BarBucket();
        long current = Long.MIN_VALUE;
        for (int row = from; row < to; row++) {
            long start = Math.floorDiv(ts[row], width) * width;
            if (start != current && !bucket.isEmpty()) {
                bucket.emit(current, out, vwap, tradeCount);
            }
            current = start;
            in.addTo(bucket, row);
        }
        if (!bucket.isEmpty()) {
            bucket.emit(current, out, vwap, tradeCount);
        }
    }

    /** The daily bar of {@code date} from the sorted 1s bars, if any fall in its session window. */
    private static void rollDate(Frame seconds, LocalDate date, Session session, Frame.Builder out) {
        java.util.Optional<Session.Window> trading = session.window(date);
        if (trading.isEmpty()) {
            return; // the market does not trade that date: no daily bar
        }
        Session.Window window = trading.get();
        long[] ts = seconds.timestamps();
        int from = lowerBound(ts, seconds.size(), window.startMicros());
        int to = lowerBound(ts, seconds.size(), window.endMicros());
        if (from >= to) {
            return;
        }
        Columns in = new Columns(seconds);
        BarBucket bucket = new BarBucket();
        for (int row = from; row < to; row++) {
            in.addTo(bucket, row);
        }
        bucket.emit(startOf(date), out, out.indexOf("vwap"), out.indexOf("trade_count"));
    }

    private static int lowerBound(long[] ts, int size, long value) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ts[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The 1s columns a roll-up reads; trade_count and notional may be absent (all null). */
    private record Columns(double[] open, double[] high, double[] low, double[] close, double[] volume, int[] trades, double[] notional) {
        Columns(Frame seconds) {
            this(seconds.doubles("open"), seconds.doubles("high"), seconds.doubles("low"), seconds.doubles("close"),
                    seconds.doubles("volume"), seconds.hasColumn("trade_count") ? seconds.ints("trade_count") : null,
                    seconds.hasColumn("notional") ? seconds.doubles("notional") : null);
        }

        void addTo(BarBucket bucket, int row) {
            bucket.add(open[row], high[row], low[row], close[row], volume[row],
                    trades == null ? org.marketlake.core.model.ColumnType.NULL_INT : trades[row],
                    notional == null ? Double.NaN : notional[row]);
        }
    }

    private static Frame.Builder builder(Symbol symbol, Timeframe timeframe, int capacity) {
        return Frame.builder(DataKind.bars(timeframe), symbol, capacity);
    }

    private static long startOf(LocalDate date) {
        return date.toEpochDay() * Micros.PER_DAY;
    }

    private static void requireCoarser(Timeframe timeframe) {
        if (timeframe == Timeframe.S1) {
            throw new InvalidRequestException("roll-ups go from 1s to a coarser timeframe: 1m, 5m, 15m, 1h or 1d").about("to");
        }
    }
}
