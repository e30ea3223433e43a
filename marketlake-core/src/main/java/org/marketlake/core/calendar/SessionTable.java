package org.marketlake.core.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Timeframe;

/**
 * A calendar as a sorted table of its sessions over the covered dates, computed once from its rules; every
 * question is a binary search. Sessions never overlap and are in date order, so opens and closes both ascend.
 */
final class SessionTable implements TradingCalendar {
    private final String name;
    private final ZoneId zone;
    private final LocalDate first;
    private final LocalDate last;
    private final SessionRules rules;
    private final TradingSession[] sessions;
    private final long[] dates;
    private final long[] opens;
    private final long[] closes;
    private final long coverStart;
    private final long coverEnd;

    SessionTable(String name, ZoneId zone, LocalDate first, LocalDate last, SessionRules rules) {
        this.name = name;
        this.zone = zone;
        this.first = first;
        this.last = last;
        this.rules = rules;
        this.coverStart = first.atStartOfDay(zone).toEpochSecond() * Micros.PER_SECOND;
        this.coverEnd = last.plusDays(1).atStartOfDay(zone).toEpochSecond() * Micros.PER_SECOND;
        List<TradingSession> all = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            rules.session(date).ifPresent(all::add);
        }
        sessions = all.toArray(TradingSession[]::new);
        dates = new long[sessions.length];
        opens = new long[sessions.length];
        closes = new long[sessions.length];
        for (int i = 0; i < sessions.length; i++) {
            dates[i] = sessions[i].date().toEpochDay();
            opens[i] = sessions[i].openMicros();
            closes[i] = sessions[i].closeMicros();
            if (i > 0 && opens[i] < closes[i - 1]) {
                throw new IllegalStateException(name + " sessions overlap: " + sessions[i - 1] + " and " + sessions[i]);
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public LocalDate firstDate() {
        return first;
    }

    @Override
    public LocalDate lastDate() {
        return last;
    }

    @Override
    public Optional<TradingSession> session(LocalDate date) {
        requireCovered(date);
        int i = Arrays.binarySearch(dates, date.toEpochDay());
        return i >= 0 ? Optional.of(sessions[i]) : Optional.empty();
    }

    @Override
    public Optional<String> note(LocalDate date) {
        requireCovered(date);
        return rules.note(date);
    }

    @Override
    public List<TradingSession> sessions(LocalDate from, LocalDate to) {
        requireCovered(from);
        requireCovered(to);
        if (to.isBefore(from)) {
            throw new InvalidRequestException("date range is empty: start " + from + " is after end " + to);
        }
        int start = insertionPoint(dates, from.toEpochDay());
        int end = insertionPoint(dates, to.toEpochDay() + 1);
        return List.of(Arrays.copyOfRange(sessions, start, end));
    }

    @Override
    public List<TradingSession> sessionsAfter(LocalDate date, int count) {
        requireCovered(date);
        requireCount(count);
        int start = insertionPoint(dates, date.toEpochDay() + 1);
        if (start + count > sessions.length) {
            throw beyondCoverage(count + " sessions after " + date);
        }
        return List.of(Arrays.copyOfRange(sessions, start, start + count));
    }

    @Override
    public Optional<TradingSession> sessionAt(long micros) {
        int i = sessionOpenAt(micros);
        return i >= 0 ? Optional.of(sessions[i]) : Optional.empty();
    }

    @Override
    public boolean isOpen(long micros) {
        return sessionOpenAt(micros) >= 0;
    }

    @Override
    public TradingSession currentOrNextSession(long micros) {
        requireCovered(micros);
        int i = firstClosingAfter(micros);
        if (i == sessions.length) {
            throw beyondCoverage("the session after " + Micros.format(micros));
        }
        return sessions[i];
    }

    @Override
    public List<TradingSession> sessionsOverlapping(long startMicros, long endMicros) {
        if (endMicros < startMicros) {
            throw new InvalidRequestException("interval ends before it starts [start=" + Micros.format(startMicros) + ", end=" + Micros.format(endMicros) + "]");
        }
        requireCovered(startMicros);
        if (startMicros == endMicros) {
            return List.of();
        }
        requireCovered(endMicros - 1);
        int from = firstClosingAfter(startMicros);
        int to = from;
        while (to < sessions.length && opens[to] < endMicros) {
            to++;
        }
        return List.of(Arrays.copyOfRange(sessions, from, Math.max(from, to)));
    }

    /** Without building a list: this is asked once per bar when a query keeps market hours. */
    @Override
    public boolean overlapsSession(long startMicros, long endMicros) {
        requireCovered(startMicros);
        int i = firstClosingAfter(startMicros);
        return i < sessions.length && opens[i] < endMicros && startMicros < endMicros;
    }

    @Override
    public long[] barsAfter(long barMicros, Timeframe timeframe, int count) {
        requireCount(count);
        long[] bars = new long[count];
        if (timeframe.isDaily()) {
            LocalDate date = Micros.utcDate(barMicros);
            List<TradingSession> next = sessionsAfter(date, count);
            for (int k = 0; k < count; k++) {
                bars[k] = next.get(k).date().toEpochDay() * Micros.PER_DAY;
            }
            return bars;
        }
        long step = timeframe.micros();
        long bar = Math.floorDiv(barMicros, step) * step;
        for (int k = 0; k < count; k++) {
            bar += step;
            requireCovered(bar);
            int i = firstClosingAfter(bar);
            if (i == sessions.length) {
                throw beyondCoverage(count + " " + timeframe + " bars after " + Micros.format(barMicros));
            }
            if (opens[i] >= bar + step) {
                // Closed from here to the next open: jump to the bar that holds the open.
                bar = Math.floorDiv(opens[i], step) * step;
            }
            bars[k] = bar;
        }
        return bars;
    }

    /** The index of the session that holds {@code micros}, or -1 when none does. */
    private int sessionOpenAt(long micros) {
        requireCovered(micros);
        int i = firstClosingAfter(micros);
        return i < sessions.length && opens[i] <= micros ? i : -1;
    }

    /** The index of the first session that closes after {@code micros} (sessions.length when none does). */
    private int firstClosingAfter(long micros) {
        int i = Arrays.binarySearch(closes, micros);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The index of the first element not less than {@code key}. */
    private static int insertionPoint(long[] sorted, long key) {
        int i = Arrays.binarySearch(sorted, key);
        return i >= 0 ? i : -i - 1;
    }

    private void requireCovered(LocalDate date) {
        if (date.isBefore(first) || date.isAfter(last)) {
            throw new InvalidRequestException(name + " calendar covers " + first + " to " + last + " [date=" + date
                    + "]: ask for a date in that range");
        }
    }

    private void requireCovered(long micros) {
        if (micros < coverStart || micros >= coverEnd) {
            throw new InvalidRequestException(name + " calendar covers " + first + " to " + last + " [time=" + Micros.format(micros)
                    + "]: ask for a time in that range");
        }
    }

    private InvalidRequestException beyondCoverage(String what) {
        return new InvalidRequestException(name + " calendar covers " + first + " to " + last + ": " + what + " run past its last date");
    }

    private static void requireCount(int count) {
        if (count < 0) {
            throw new InvalidRequestException("count is negative [value=" + count + "]");
        }
    }
}
