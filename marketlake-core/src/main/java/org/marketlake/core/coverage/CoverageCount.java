package org.marketlake.core.coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.marketlake.core.calendar.TradingCalendar;
import org.marketlake.core.calendar.TradingSession;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.store.Lake;

/** One coverage count: reads the bars of the range's window once and sorts them into sessions. */
final class CoverageCount {
    private final Lake lake;
    private final Symbol symbol;
    private final Timeframe timeframe;
    private final TradingCalendar calendar;
    private final LocalDate first;
    private final LocalDate last;
    private final List<TradingSession> sessions;
    private final long step;

    CoverageCount(Lake lake, Symbol symbol, Timeframe timeframe, TradingCalendar calendar, LocalDate first, LocalDate last,
            List<TradingSession> sessions) {
        this.lake = lake;
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.calendar = calendar;
        this.first = first;
        this.last = last;
        this.sessions = sessions;
        this.step = timeframe.micros();
    }

    /** The trading date a bar stamped {@code micros} counts for: its session's, else its date in the calendar's zone. */
    private static LocalDate dateOf(TradingCalendar calendar, Timeframe timeframe, long micros) {
        if (timeframe.isDaily()) {
            return utcDate(micros);
        }
        List<TradingSession> overlapping = calendar.sessionsOverlapping(micros, micros + timeframe.micros());
        return overlapping.isEmpty() ? LocalDate.ofInstant(Micros.toInstant(micros), calendar.zone()) : overlapping.get(0).date();
    }

    /**
     * The dates of the stored range whose first and last bars are stamped {@code min} and {@code max}: their
     * trading dates, without a session wholly before the first bar or wholly after the last.
     */
    static LocalDate[] storedDates(TradingCalendar calendar, Timeframe timeframe, long min, long max) {
        LocalDate first = dateOf(calendar, timeframe, min);
        LocalDate last = dateOf(calendar, timeframe, max);
        if (timeframe.isDaily()) {
            return new LocalDate[] {first, last};
        }
        LocalDate from = calendar.session(first).filter(s -> s.closeMicros() <= min).isPresent() ? first.plusDays(1) : first;
        LocalDate to = calendar.session(last).filter(s -> s.openMicros() >= max + timeframe.micros()).isPresent() ? last.minusDays(1) : last;
        return to.isBefore(from) ? new LocalDate[] {first, last} : new LocalDate[] {from, to};
    }

    /** The first and last stamps of the stored bars, from the first and last files that hold rows. */
    static long[] storedRange(Lake lake, DataKind kind, Symbol symbol, List<org.marketlake.core.model.LakeFile> files) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < files.size() && min == Long.MAX_VALUE; i++) {
            long[] stamps = stamps(lake.read(kind, symbol, TimeRange.of(files.get(i).period()), List.of(LakeSchema.TIMESTAMP_COLUMN)));
            if (stamps.length > 0) {
                min = stamps[0];
            }
        }
        for (int i = files.size() - 1; i >= 0 && max == Long.MIN_VALUE; i--) {
            long[] stamps = stamps(lake.read(kind, symbol, TimeRange.of(files.get(i).period()), List.of(LakeSchema.TIMESTAMP_COLUMN)));
            if (stamps.length > 0) {
                max = stamps[stamps.length - 1];
            }
        }
        return new long[] {min, max};
    }

    CoverageReport report() {
        long[] stamps = read();
        TreeMap<LocalDate, CoverageReport.Day> days = new TreeMap<>();
        Map<LocalDate, Long> outside = new HashMap<>();
        GapTracker total = new GapTracker();
        if (timeframe.isDaily()) {
            daily(stamps, days, outside, total);
        } else {
            intraday(stamps, days, outside, total);
        }
        int closedWithBars = 0;
        for (Map.Entry<LocalDate, Long> entry : outside.entrySet()) {
            CoverageReport.Day day = days.get(entry.getKey());
            if (day == null) {
                closedWithBars++;
                days.put(entry.getKey(), new CoverageReport.Day(entry.getKey(), false, 0, 0, entry.getValue(), Optional.empty(),
                        Optional.of(calendar.note(entry.getKey()).orElse("closed"))));
            } else {
                days.put(entry.getKey(), new CoverageReport.Day(day.date(), true, day.expected(), day.present(), entry.getValue(),
                        day.longestGap(), day.note()));
            }
        }
        long expected = 0;
        long present = 0;
        long outsideBars = 0;
        int missingDays = 0;
        for (CoverageReport.Day day : days.values()) {
            expected += day.expected();
            present += day.present();
            outsideBars += day.outside();
            missingDays += day.missingDay() ? 1 : 0;
        }
        CoverageReport.Totals totals = new CoverageReport.Totals(sessions.size(), expected, present, outsideBars, missingDays,
                closedWithBars, total.longest());
        return new CoverageReport(symbol, timeframe, calendar.name(), first, last, List.copyOf(days.values()), totals);
    }

    /** The sorted stamps of the bars that can count for {@code first..last}: their sessions and their whole dates. */
    private long[] read() {
        long low;
        long high;
        if (timeframe.isDaily()) {
            low = midnightUtc(first);
            high = midnightUtc(last);
        } else {
            low = Micros.of(first.atStartOfDay(calendar.zone()).toInstant());
            high = Micros.of(last.plusDays(1).atStartOfDay(calendar.zone()).toInstant()) - 1;
            if (!sessions.isEmpty()) {
                low = Math.min(low, gridStart(sessions.get(0)));
                high = Math.max(high, gridEnd(sessions.get(sessions.size() - 1)) - 1);
            }
        }
        return stamps(lake.read(DataKind.bars(timeframe), symbol, new TimeRange(low, high), List.of(LakeSchema.TIMESTAMP_COLUMN)));
    }

    private static long[] stamps(Frame frame) {
        long[] stamps = frame.timestamps();
        return stamps.length == frame.size() ? stamps : java.util.Arrays.copyOf(stamps, frame.size());
    }

    private void intraday(long[] stamps, TreeMap<LocalDate, CoverageReport.Day> days, Map<LocalDate, Long> outside, GapTracker total) {
        boolean[] inSession = new boolean[stamps.length];
        for (TradingSession session : sessions) {
            long gridStart = gridStart(session);
            long gridEnd = gridEnd(session);
            // Bars overlapping [open, close): stamped in (open - step, close).
            int from = lowerBound(stamps, session.openMicros() - step + 1);
            int to = lowerBound(stamps, session.closeMicros());
            GapTracker day = new GapTracker();
            long previous = gridStart - step;
            long present = 0;
            for (int i = from; i < to; i++) {
                inSession[i] = true;
                long slot = Math.floorDiv(stamps[i], step) * step;
                if (slot <= previous) {
                    continue;
                }
                present++;
                missing(day, total, previous + step, slot - step);
                day.present();
                total.present();
                previous = slot;
            }
            missing(day, total, previous + step, gridEnd - step);
            long expected = (gridEnd - gridStart) / step;
            days.put(session.date(), new CoverageReport.Day(session.date(), true, expected, present, 0, day.longest(),
                    calendar.note(session.date())));
        }
        for (int i = 0; i < stamps.length; i++) {
            if (!inSession[i]) {
                countOutside(outside, LocalDate.ofInstant(Micros.toInstant(stamps[i]), calendar.zone()));
            }
        }
    }

    private void daily(long[] stamps, TreeMap<LocalDate, CoverageReport.Day> days, Map<LocalDate, Long> outside, GapTracker total) {
        Map<LocalDate, Boolean> stored = new HashMap<>();
        for (long stamp : stamps) {
            stored.put(utcDate(stamp), true);
        }
        for (TradingSession session : sessions) {
            boolean present = stored.remove(session.date()) != null;
            GapTracker day = new GapTracker();
            long stamp = midnightUtc(session.date());
            if (present) {
                total.present();
            } else {
                day.missing(stamp, stamp, 1);
                total.missing(stamp, stamp, 1);
            }
            days.put(session.date(), new CoverageReport.Day(session.date(), true, 1, present ? 1 : 0, 0, day.longest(),
                    calendar.note(session.date())));
        }
        stored.keySet().forEach(date -> countOutside(outside, date));
    }

    /** The expected bars stamped {@code from..to} (inclusive) are missing; nothing when {@code to < from}. */
    private void missing(GapTracker day, GapTracker total, long from, long to) {
        if (to < from) {
            return;
        }
        long bars = (to - from) / step + 1;
        day.missing(from, to, bars);
        total.missing(from, to, bars);
    }

    private void countOutside(Map<LocalDate, Long> outside, LocalDate date) {
        if (!date.isBefore(first) && !date.isAfter(last)) {
            outside.merge(date, 1L, Long::sum);
        }
    }

    /** The stamp of the first bar whose interval overlaps the session. */
    private long gridStart(TradingSession session) {
        return Math.floorDiv(session.openMicros(), step) * step;
    }

    /** The end of the last bar whose interval overlaps the session. */
    private long gridEnd(TradingSession session) {
        return Math.ceilDiv(session.closeMicros(), step) * step;
    }

    /** The first index whose stamp is at least {@code micros} (the lake's stamps are sorted and unique). */
    private static int lowerBound(long[] stamps, long micros) {
        int found = java.util.Arrays.binarySearch(stamps, micros);
        return found >= 0 ? found : -found - 1;
    }

    private static long midnightUtc(LocalDate date) {
        return Micros.of(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static LocalDate utcDate(long micros) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(Math.floorDiv(micros, Micros.PER_SECOND)), ZoneOffset.UTC);
    }
}
