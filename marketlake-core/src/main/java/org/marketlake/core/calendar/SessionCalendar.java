package org.marketlake.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Timeframe;

/**
 * When a symbol trades, as its own bars show it: the bar slots of the day that are open, and the weekdays.
 * Future forecast steps are the next open slots, so an equity gets no steps at night or on a weekend and a
 * crypto pair gets every minute.
 *
 * <p>Read from the data (all in UTC, so an exchange's daylight-saving switch moves the hours; the recent bars
 * a forecast reads reflect the current offset):
 * <ul>
 *   <li><b>Hours</b> (intraday bars): every bar slot of the day (time of day, at the timeframe's step) that holds
 *       a bar on some day is open; stretches of the day without any bar are closed when they last at least
 *       {@value #CLOSED_HOURS} hours (a market's night), and open when shorter (a quiet spell in pre-market
 *       trading). A day with no closed stretch is traded around the clock. The trading day starts where the
 *       longest closed stretch ends, so a session that crosses midnight UTC belongs to one day.</li>
 *   <li><b>Weekdays</b>: Monday to Friday, plus every weekday on which the data shows trading (a trading day
 *       whose weekend bars appear, such as crypto's, gets its weekends). A market with no closed hours whose
 *       data spans less than two weeks is taken to trade every day: its weekends are not in the data yet.</li>
 * </ul>
 * Holidays and early closes come from an exchange calendar ({@link #onDatesOf}): without one, a holiday is forecast as a
 * trading day. Forecasts and {@code dataset context} step through open time with it.
 */
public final class SessionCalendar {
    static final int CLOSED_HOURS = 2;
    private static final long DAY = Micros.PER_DAY;
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final Timeframe timeframe;
    /** Per slot of the day (intraday only): open or not. */
    private final boolean[] openSlots;
    /** Start of the trading day, micros after midnight UTC. */
    private final long dayStart;
    private final Set<DayOfWeek> tradingDays;
    /** The exchange calendar whose sessions decide which dates trade (holidays included), or null: the weekdays above. */
    private final TradingCalendar exchange;

    private SessionCalendar(Timeframe timeframe, boolean[] openSlots, long dayStart, Set<DayOfWeek> tradingDays, TradingCalendar exchange) {
        this.timeframe = timeframe;
        this.openSlots = openSlots;
        this.dayStart = dayStart;
        this.tradingDays = tradingDays;
        this.exchange = exchange;
    }

    /**
     * This calendar with its trading dates taken from {@code exchange}: the hours of the day stay those the bars
     * show (an equity's pre- and after-market bars included), but a date the exchange does not trade (a weekend, a
     * holiday, a special closure) gets no step.
     */
    public SessionCalendar onDatesOf(TradingCalendar exchange) {
        return new SessionCalendar(timeframe, openSlots, dayStart, tradingDays, exchange);
    }

    /**
     * This calendar on the dates of {@code asked}, or, when none was asked for (null), of XNYS when the bars trade on
     * weekdays only (an equity); bars that trade on weekends keep the dates they show, so a crypto pair is not put on
     * an exchange's days.
     */
    public SessionCalendar onDatesOfOrDefault(TradingCalendar asked) {
        if (asked != null) {
            return onDatesOf(asked);
        }
        return tradingDays.equals(WEEKDAYS) ? onDatesOf(TradingCalendars.of(TradingCalendars.XNYS)) : this;
    }

    /** The exchange calendar that decides the trading dates, if one was given. */
    public java.util.Optional<TradingCalendar> exchange() {
        return java.util.Optional.ofNullable(exchange);
    }

    /** Every slot of every day. */
    public static SessionCalendar aroundTheClock(Timeframe timeframe) {
        boolean[] open = new boolean[slotsPerDay(timeframe)];
        java.util.Arrays.fill(open, true);
        return new SessionCalendar(timeframe, open, 0, EnumSet.allOf(DayOfWeek.class), null);
    }

    /** The calendar the bars at {@code timestamps[0..size)} (sorted, bar starts in epoch micros) show. */
    public static SessionCalendar fromData(Timeframe timeframe, long[] timestamps, int size) {
        if (size == 0) {
            throw new IllegalArgumentException("a session calendar needs at least one bar");
        }
        long spanDays = (timestamps[size - 1] - timestamps[0]) / DAY;
        if (timeframe.isDaily()) {
            Set<DayOfWeek> days = EnumSet.copyOf(WEEKDAYS);
            for (int i = 0; i < size; i++) {
                days.add(dayOfWeek(timestamps[i]));
            }
            return new SessionCalendar(timeframe, new boolean[] {true}, 0, days, null);
        }
        int slots = slotsPerDay(timeframe);
        long step = timeframe.micros();
        boolean[] open = new boolean[slots];
        for (int i = 0; i < size; i++) {
            open[(int) (Math.floorMod(timestamps[i], DAY) / step)] = true;
        }
        // Close the long stretches without bars; remember where the longest one ends.
        int minimumClosed = (int) Math.max(2, CLOSED_HOURS * 3_600_000_000L / step);
        int longestLength = 0;
        int longestEnd = 0;
        boolean[] closed = new boolean[slots];
        int start = firstOpen(open);
        for (int offset = 0; offset < slots; ) {
            int slot = (start + offset) % slots;
            if (open[slot]) {
                offset++;
                continue;
            }
            int length = 0;
            while (length < slots && !open[(slot + length) % slots]) {
                length++;
            }
            if (length >= minimumClosed) {
                for (int k = 0; k < length; k++) {
                    closed[(slot + k) % slots] = true;
                }
                if (length > longestLength) {
                    longestLength = length;
                    longestEnd = (slot + length) % slots;
                }
            }
            offset += length;
        }
        boolean[] openHours = new boolean[slots];
        for (int slot = 0; slot < slots; slot++) {
            openHours[slot] = !closed[slot];
        }
        long dayStart = longestLength == 0 ? 0 : longestEnd * step;
        Set<DayOfWeek> days = EnumSet.copyOf(WEEKDAYS);
        for (int i = 0; i < size; i++) {
            days.add(dayOfWeek(timestamps[i] - dayStart));
        }
        if (longestLength == 0 && spanDays < 14) {
            days = EnumSet.allOf(DayOfWeek.class);
        }
        return new SessionCalendar(timeframe, openHours, dayStart, days, null);
    }

    private static int firstOpen(boolean[] open) {
        for (int slot = 0; slot < open.length; slot++) {
            if (open[slot]) {
                return slot;
            }
        }
        throw new IllegalStateException("no bar in the data");
    }

    private static int slotsPerDay(Timeframe timeframe) {
        return timeframe.isDaily() ? 1 : (int) (DAY / timeframe.micros());
    }

    private static DayOfWeek dayOfWeek(long micros) {
        return LocalDate.ofEpochDay(Math.floorDiv(micros, DAY)).getDayOfWeek();
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    /** Every slot of the day open and every weekday a trading day. */
    public boolean aroundTheClock() {
        for (boolean open : openSlots) {
            if (!open) {
                return false;
            }
        }
        return tradingDays.size() == 7;
    }

    public Set<DayOfWeek> tradingDays() {
        return EnumSet.copyOf(tradingDays);
    }

    /** Whether a bar starting at {@code micros} (a slot start) falls in trading time. */
    public boolean isOpen(long micros) {
        if (exchange != null) {
            LocalDate date = Micros.utcDate(micros - dayStart);
            java.util.Optional<TradingSession> session = exchange.session(date);
            if (session.isEmpty()) {
                return false;
            }
            // An early close ends the day's trading, extended hours included: no step at or after it.
            if (!timeframe.isDaily() && session.get().earlyClose() && micros >= session.get().closeMicros()) {
                return false;
            }
        } else if (!tradingDays.contains(dayOfWeek(micros - dayStart))) {
            return false;
        }
        return timeframe.isDaily() || openSlots[(int) (Math.floorMod(micros, DAY) / timeframe.micros())];
    }

    /** The first {@code steps} open slots after the bar starting at {@code lastBar}. */
    public long[] after(long lastBar, int steps) {
        return from(Math.floorDiv(lastBar, timeframe.micros()) * timeframe.micros() + timeframe.micros(), steps);
    }

    /** The first {@code steps} open slots at or after {@code micros}. */
    public long[] from(long micros, int steps) {
        long step = timeframe.micros();
        long slot = Math.floorDiv(micros + step - 1, step) * step;
        long[] out = new long[steps];
        for (int i = 0; i < steps; i++) {
            long limit = slot + 8 * DAY;
            while (!isOpen(slot)) {
                slot += step;
                if (slot > limit + (exchange == null ? 0 : 7 * DAY)) {
                    throw new IllegalStateException("no open slot in a week after " + Micros.format(micros) + ": " + this);
                }
            }
            out[i] = slot;
            slot += step;
        }
        return out;
    }

    /** For example {@code Mon-Fri, 08:00-23:59 UTC} or {@code every day, around the clock}. */
    @Override
    public String toString() {
        String days = exchange != null ? exchange.name() + " trading days"
                : tradingDays.size() == 7 ? "every day"
                : tradingDays.equals(WEEKDAYS) ? "Mon-Fri"
                : tradingDays.stream().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
        if (timeframe.isDaily()) {
            return days;
        }
        if (aroundTheClock() || java.util.stream.IntStream.range(0, openSlots.length).allMatch(s -> openSlots[s])) {
            return days + ", around the clock";
        }
        StringBuilder hours = new StringBuilder();
        long step = timeframe.micros();
        int slots = openSlots.length;
        int startSlot = (int) (dayStart / step);
        for (int offset = 0; offset < slots; ) {
            int slot = (startSlot + offset) % slots;
            if (!openSlots[slot]) {
                offset++;
                continue;
            }
            int length = 0;
            while (offset + length < slots && openSlots[(slot + length) % slots]) {
                length++;
            }
            if (!hours.isEmpty()) {
                hours.append(',');
            }
            hours.append(clock(slot * step)).append('-').append(clock(((slot + length) % slots) * step));
            offset += length;
        }
        return days + ", " + hours + " UTC";
    }

    private static String clock(long microsOfDay) {
        long seconds = microsOfDay / Micros.PER_SECOND;
        return seconds % 60 == 0
                ? String.format("%02d:%02d", seconds / 3600, seconds / 60 % 60)
                : String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
