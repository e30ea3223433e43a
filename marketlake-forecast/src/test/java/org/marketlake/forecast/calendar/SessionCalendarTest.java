package org.marketlake.forecast.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marketlake.forecast.TestBars.micros;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Timeframe;
import org.marketlake.forecast.TestBars;

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
}
