package org.marketlake.forecast;

import org.marketlake.core.calendar.SessionCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketlake.forecast.TestBars.micros;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Timeframe;

class SessionCalendarTest {
    private static final long MINUTE = 60_000_000L;

    private static String[] format(long[] micros) {
        return Arrays.stream(micros).mapToObj(Micros::format).toArray(String[]::new);
    }

    /** Minute bars every minute from {@code start} for {@code minutes}. */
    private static long[] minutes(String start, int minutes) {
        long first = micros(start);
        return LongStream.range(0, minutes).map(i -> first + i * MINUTE).toArray();
    }

    @Test
    void anEquityDayOfMinuteBarsContinuesNextMorningAtTheFirstHourItTraded() {
        // IBM, Monday 2013-10-07, 04:00-19:26 New York (08:00-23:26 UTC) with quiet pre-market spells.
        Frame ibm = TestBars.csv("ibm-2013-10-07/reference-bars-1m.csv", Timeframe.M1, "IBM");
        SessionCalendar calendar = SessionCalendar.fromData(Timeframe.M1, ibm.timestamps(), ibm.size());

        assertThat(calendar.aroundTheClock()).isFalse();
        assertThat(calendar.toString()).isEqualTo("Mon-Fri, 08:00-23:27 UTC");
        assertThat(format(calendar.after(micros("2013-10-07T23:26:00Z"), 3)))
                .containsExactly("2013-10-08T08:00:00Z", "2013-10-08T08:01:00Z", "2013-10-08T08:02:00Z");
        // An 84-minute gap in pre-market trading (08:46-10:09 UTC) is a quiet spell, not a closure.
        assertThat(calendar.isOpen(micros("2013-10-08T09:30:00Z"))).isTrue();
        assertThat(calendar.isOpen(micros("2013-10-08T03:00:00Z"))).isFalse();
    }

    @Test
    void fridayEveningContinuesOnMonday() {
        long[] friday = minutes("2024-03-08T14:30:00Z", 390);
        SessionCalendar calendar = SessionCalendar.fromData(Timeframe.M1, friday, friday.length);
        assertThat(format(calendar.after(friday[friday.length - 1], 2)))
                .containsExactly("2024-03-11T14:30:00Z", "2024-03-11T14:31:00Z");
    }

    @Test
    void aSessionCrossingMidnightUtcBelongsToOneTradingDay() {
        // Winter extended hours, 04:00-20:00 New York = 09:00-01:00 UTC; Friday's session ends early Saturday UTC.
        long[] friday = minutes("2024-01-12T09:00:00Z", 960);
        SessionCalendar calendar = SessionCalendar.fromData(Timeframe.M1, friday, friday.length);
        assertThat(Micros.format(friday[friday.length - 1])).isEqualTo("2024-01-13T00:59:00Z");
        assertThat(calendar.isOpen(micros("2024-01-13T00:30:00Z"))).isTrue();
        assertThat(calendar.isOpen(micros("2024-01-14T00:30:00Z"))).isFalse();
        assertThat(format(calendar.after(micros("2024-01-12T23:58:00Z"), 3)))
                .containsExactly("2024-01-12T23:59:00Z", "2024-01-13T00:00:00Z", "2024-01-13T00:01:00Z");
        assertThat(format(calendar.after(friday[friday.length - 1], 1))).containsExactly("2024-01-15T09:00:00Z");
    }

    @Test
    void cryptoTradesEveryMinuteOfEveryDay() {
        Frame btc = TestBars.csv("btcusd-2016-10-07/reference-bars-1m.csv", Timeframe.M1, "BTCUSD");
        SessionCalendar calendar = SessionCalendar.fromData(Timeframe.M1, btc.timestamps(), btc.size());
        assertThat(calendar.aroundTheClock()).isTrue();
        assertThat(calendar.toString()).isEqualTo("every day, around the clock");
        // Friday 23:59 is followed by Saturday 00:00.
        assertThat(format(calendar.after(micros("2016-10-07T23:59:00Z"), 2)))
                .containsExactly("2016-10-08T00:00:00Z", "2016-10-08T00:01:00Z");
    }

    @Test
    void dailyBarsSkipWeekendsUnlessTheDataShowsWeekendTrading() {
        Frame ibm = TestBars.csv("ibm-2013-10-07/reference-bars-1d.csv", Timeframe.D1, "IBM");
        SessionCalendar equity = SessionCalendar.fromData(Timeframe.D1, ibm.timestamps(), ibm.size());
        assertThat(equity.aroundTheClock()).isFalse();
        assertThat(equity.tradingDays()).doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        // Friday 2013-10-18 -> Monday 21, Tuesday 22.
        assertThat(format(equity.after(micros("2013-10-18T00:00:00Z"), 2)))
                .containsExactly("2013-10-21T00:00:00Z", "2013-10-22T00:00:00Z");

        Frame btc = TestBars.csv("btcusd-2016-10-07/reference-bars-1d.csv", Timeframe.D1, "BTCUSD");
        SessionCalendar crypto = SessionCalendar.fromData(Timeframe.D1, btc.timestamps(), btc.size());
        assertThat(crypto.aroundTheClock()).isTrue();
        assertThat(format(crypto.after(micros("2016-10-09T00:00:00Z"), 1))).containsExactly("2016-10-10T00:00:00Z");
        assertThat(format(crypto.after(micros("2016-10-07T00:00:00Z"), 1))).containsExactly("2016-10-08T00:00:00Z");
    }

    @Test
    void fromStartsAtTheGivenInstantWhenItIsOpen() {
        long[] day = minutes("2024-03-08T14:30:00Z", 390);
        SessionCalendar calendar = SessionCalendar.fromData(Timeframe.M1, day, day.length);
        assertThat(format(calendar.from(micros("2024-03-11T15:00:30Z"), 1))).containsExactly("2024-03-11T15:01:00Z");
        assertThat(format(calendar.from(micros("2024-03-11T12:00:00Z"), 1))).containsExactly("2024-03-11T14:30:00Z");
    }

    static LongStream seeds() {
        return LongStream.of(5, 77, 1_234, 2_718_281);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void stepsAreIncreasingOpenSlotsOfTheSessionTheDataShows(long seed) {
        // A random session (open hour, length 3..14 h) traded on random weekdays over four weeks of minute bars.
        Random random = new Random(seed);
        int openMinute = random.nextInt(24) * 60;
        int length = (3 + random.nextInt(12)) * 60;
        List<Long> bars = new ArrayList<>();
        long monday = micros("2024-04-01T00:00:00Z");
        for (int day = 0; day < 28; day++) {
            if (day % 7 >= 5) {
                continue;
            }
            for (int minute = 0; minute < length; minute++) {
                bars.add(monday + day * Micros.PER_DAY + (openMinute + minute) * MINUTE);
            }
        }
        long[] timestamps = bars.stream().mapToLong(Long::longValue).toArray();
        SessionCalendar calendar = SessionCalendar.fromData(Timeframe.M1, timestamps, timestamps.length);
        Set<Long> seen = new HashSet<>();
        for (long ts : timestamps) {
            seen.add(Math.floorMod(ts - monday, 7 * Micros.PER_DAY));
        }
        long[] steps = calendar.after(timestamps[timestamps.length - 1], 3 * length);
        for (int i = 0; i < steps.length; i++) {
            assertThat(seen).as("step %d at %s", i, Micros.format(steps[i])).contains(Math.floorMod(steps[i] - monday, 7 * Micros.PER_DAY));
            if (i > 0) {
                assertThat(steps[i]).isGreaterThan(steps[i - 1]);
            }
        }
        // Three sessions of steps after a Friday: Monday, Tuesday, Wednesday, each starting at the open.
        assertThat(Micros.format(steps[0])).isEqualTo(Micros.format(monday + 28 * Micros.PER_DAY + openMinute * MINUTE));
        assertThat(Micros.format(steps[2 * length])).isEqualTo(Micros.format(monday + 30 * Micros.PER_DAY + openMinute * MINUTE));
    }
}
