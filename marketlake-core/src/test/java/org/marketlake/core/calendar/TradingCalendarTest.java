package org.marketlake.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Timeframe;

/** The built-in calendars on the days that are easy to get wrong. */
class TradingCalendarTest {
    private static final TradingCalendar XNYS = TradingCalendars.of("XNYS");
    private static final TradingCalendar ALWAYS_OPEN = TradingCalendars.of("24/7");
    private static final TradingCalendar FX = TradingCalendars.of("FX");

    private static long micros(String instant) {
        return Micros.of(Instant.parse(instant));
    }

    private static String[] texts(long[] micros) {
        return Arrays.stream(micros).mapToObj(Micros::format).toArray(String[]::new);
    }

    @Test
    void aRegularXnysSessionRunsFrom0930To1600NewYork() {
        TradingSession session = XNYS.session(LocalDate.of(2024, 1, 2)).orElseThrow();
        assertThat(session.open()).isEqualTo(Instant.parse("2024-01-02T14:30:00Z"));
        assertThat(session.close()).isEqualTo(Instant.parse("2024-01-02T21:00:00Z"));
        assertThat(session.earlyClose()).isFalse();
        assertThat(XNYS.note(LocalDate.of(2024, 1, 2))).isEmpty();
    }

    @Test
    void daylightSavingSwitchesMoveTheSessionInUtc() {
        // Spring forward on Sunday 2024-03-10: Friday is 14:30-21:00 UTC (EST), Monday 13:30-20:00 UTC (EDT).
        assertThat(XNYS.session(LocalDate.of(2024, 3, 8)).orElseThrow().open()).isEqualTo(Instant.parse("2024-03-08T14:30:00Z"));
        assertThat(XNYS.session(LocalDate.of(2024, 3, 10))).isEmpty();
        assertThat(XNYS.session(LocalDate.of(2024, 3, 11)).orElseThrow().open()).isEqualTo(Instant.parse("2024-03-11T13:30:00Z"));
        assertThat(XNYS.session(LocalDate.of(2024, 3, 11)).orElseThrow().close()).isEqualTo(Instant.parse("2024-03-11T20:00:00Z"));
        // Fall back on Sunday 2024-11-03: Friday 13:30 UTC, Monday 14:30 UTC.
        assertThat(XNYS.session(LocalDate.of(2024, 11, 1)).orElseThrow().open()).isEqualTo(Instant.parse("2024-11-01T13:30:00Z"));
        assertThat(XNYS.session(LocalDate.of(2024, 11, 4)).orElseThrow().open()).isEqualTo(Instant.parse("2024-11-04T14:30:00Z"));
        // The same local instant 14:00 UTC is closed before the switch and open after it.
        assertThat(XNYS.isOpen(micros("2024-03-08T14:00:00Z"))).isFalse();
        assertThat(XNYS.isOpen(micros("2024-03-11T14:00:00Z"))).isTrue();
    }

    @Test
    void holidaysAreClosedAndNamed() {
        assertThat(XNYS.session(LocalDate.of(2024, 12, 25))).isEmpty();
        assertThat(XNYS.note(LocalDate.of(2024, 12, 25))).contains("Christmas");
        assertThat(XNYS.note(LocalDate.of(2024, 3, 29))).contains("Good Friday");
        assertThat(XNYS.note(LocalDate.of(2024, 6, 19))).contains("Juneteenth");
        assertThat(XNYS.note(LocalDate.of(2021, 6, 18))).as("Juneteenth before 2022 trades").isEmpty();
        assertThat(XNYS.note(LocalDate.of(2024, 12, 28))).contains("weekend");
        assertThat(XNYS.note(LocalDate.of(2025, 1, 9))).contains("national day of mourning for Jimmy Carter");
        assertThat(XNYS.session(LocalDate.of(2001, 9, 14))).isEmpty();
        assertThat(XNYS.session(LocalDate.of(2001, 9, 17))).isPresent();
    }

    @Test
    void newYearsDayOnASaturdayIsNotMadeUpOnTheFridayBefore() {
        // 2022-01-01 was a Saturday: 2021-12-31 traded the whole day.
        TradingSession friday = XNYS.session(LocalDate.of(2021, 12, 31)).orElseThrow();
        assertThat(friday.earlyClose()).isFalse();
        // 2023-01-01 was a Sunday: Monday 2023-01-02 was closed.
        assertThat(XNYS.note(LocalDate.of(2023, 1, 2))).contains("New Year's Day");
        // Christmas 2021 was a Saturday: observed on Friday 2021-12-24.
        assertThat(XNYS.note(LocalDate.of(2021, 12, 24))).contains("Christmas");
    }

    @Test
    void earlyClosesAreAt1300NewYorkAnd1400Before1993() {
        TradingSession blackFriday = XNYS.session(LocalDate.of(2024, 11, 29)).orElseThrow();
        assertThat(blackFriday.earlyClose()).isTrue();
        assertThat(blackFriday.close()).isEqualTo(Instant.parse("2024-11-29T18:00:00Z"));
        assertThat(XNYS.note(LocalDate.of(2024, 11, 29))).contains("day after Thanksgiving");
        assertThat(XNYS.session(LocalDate.of(2024, 7, 3)).orElseThrow().close()).isEqualTo(Instant.parse("2024-07-03T17:00:00Z"));
        assertThat(XNYS.session(LocalDate.of(1991, 12, 24)).orElseThrow().close()).isEqualTo(Instant.parse("1991-12-24T19:00:00Z"));
        // 2013 moved the early close from Friday July 5 to Wednesday July 3.
        assertThat(XNYS.session(LocalDate.of(2002, 7, 5)).orElseThrow().earlyClose()).isTrue();
        assertThat(XNYS.session(LocalDate.of(2019, 7, 5)).orElseThrow().earlyClose()).isFalse();
        assertThat(XNYS.isOpen(micros("2024-11-29T18:00:00Z"))).as("the close is not in the session").isFalse();
        assertThat(XNYS.isOpen(micros("2024-11-29T17:59:59Z"))).isTrue();
    }

    @Test
    void twentyTwentyFourHas252XnysSessions() {
        List<TradingSession> sessions = XNYS.sessions(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        assertThat(sessions).hasSize(252);
        assertThat(sessions).filteredOn(TradingSession::earlyClose).extracting(TradingSession::date)
                .containsExactly(LocalDate.of(2024, 7, 3), LocalDate.of(2024, 11, 29), LocalDate.of(2024, 12, 24));
    }

    @Test
    void datesOutsideTheCoveredRangeAreRefused() {
        assertThat(XNYS.firstDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(XNYS.lastDate()).isEqualTo(LocalDate.of(2035, 12, 31));
        assertThatThrownBy(() -> XNYS.session(LocalDate.of(1989, 12, 29)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("XNYS calendar covers 1990-01-01 to 2035-12-31 [date=1989-12-29]: ask for a date in that range");
        assertThatThrownBy(() -> XNYS.isOpen(micros("2036-01-02T15:00:00Z"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("[time=2036-01-02T15:00:00Z]");
        assertThatThrownBy(() -> XNYS.sessionsAfter(LocalDate.of(2035, 12, 28), 5)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("run past its last date");
    }

    @Test
    void anUnknownCalendarNamesTheKnownOnes() {
        assertThatThrownBy(() -> TradingCalendars.of("LSE")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("unknown calendar [value=LSE]: use one of XNYS, 24/7, FX")
                .satisfies(e -> assertThat(((InvalidRequestException) e).parameters()).containsExactly("calendar"));
        assertThat(TradingCalendars.of("xnys")).isSameAs(XNYS);
    }

    @Test
    void twentyFourSevenIsEveryUtcDay() {
        TradingSession christmas = ALWAYS_OPEN.session(LocalDate.of(2024, 12, 25)).orElseThrow();
        assertThat(christmas.open()).isEqualTo(Instant.parse("2024-12-25T00:00:00Z"));
        assertThat(christmas.close()).isEqualTo(Instant.parse("2024-12-26T00:00:00Z"));
        assertThat(ALWAYS_OPEN.sessions(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))).hasSize(366);
        assertThat(ALWAYS_OPEN.isOpen(micros("2024-03-10T07:00:00Z"))).isTrue();
        assertThat(texts(ALWAYS_OPEN.barsAfter(micros("2024-12-31T23:00:00Z"), Timeframe.H1, 2)))
                .containsExactly("2025-01-01T00:00:00Z", "2025-01-01T01:00:00Z");
    }

    @Test
    void fxSessionOfADateRunsFrom1700NewYorkTheDayBefore() {
        // Monday 2024-01-08's session opens on Sunday at 17:00 New York (22:00 UTC in winter).
        TradingSession monday = FX.session(LocalDate.of(2024, 1, 8)).orElseThrow();
        assertThat(monday.open()).isEqualTo(Instant.parse("2024-01-07T22:00:00Z"));
        assertThat(monday.close()).isEqualTo(Instant.parse("2024-01-08T22:00:00Z"));
        assertThat(FX.session(LocalDate.of(2024, 1, 6))).isEmpty();
        assertThat(FX.session(LocalDate.of(2024, 1, 7))).isEmpty();
        assertThat(FX.note(LocalDate.of(2024, 1, 7))).contains("weekend");
        // Friday closes at 17:00 New York; Saturday is closed; Sunday opens at 17:00.
        assertThat(FX.isOpen(micros("2024-01-12T21:59:59Z"))).isTrue();
        assertThat(FX.isOpen(micros("2024-01-12T22:00:00Z"))).isFalse();
        assertThat(FX.isOpen(micros("2024-01-13T12:00:00Z"))).isFalse();
        assertThat(FX.isOpen(micros("2024-01-14T22:00:00Z"))).isTrue();
        // Summer time: 17:00 New York is 21:00 UTC; the Sunday of the switch opens at 21:00 UTC.
        assertThat(FX.session(LocalDate.of(2024, 3, 11)).orElseThrow().open()).isEqualTo(Instant.parse("2024-03-10T21:00:00Z"));
        assertThat(FX.sessions(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))).hasSize(262);
        assertThat(FX.note(LocalDate.of(2024, 12, 25))).as("no holidays").isEmpty();
    }

    @Test
    void aBarOverlappingTheOpenIsInTheSession() {
        // The 09:00-10:00 New York bar (13:00-14:00 UTC in summer) holds the 09:30 open.
        assertThat(XNYS.overlapsSession(micros("2024-07-01T13:00:00Z"), micros("2024-07-01T14:00:00Z"))).isTrue();
        assertThat(XNYS.overlapsSession(micros("2024-07-01T12:00:00Z"), micros("2024-07-01T13:00:00Z"))).isFalse();
        // An empty interval overlaps nothing, even inside a session.
        assertThat(XNYS.sessionsOverlapping(micros("2024-07-01T15:00:00Z"), micros("2024-07-01T15:00:00Z"))).isEmpty();
        assertThat(XNYS.overlapsSession(micros("2024-07-01T15:00:00Z"), micros("2024-07-01T15:00:00Z"))).isFalse();
        // A bar that starts at the close is after it.
        assertThat(XNYS.overlapsSession(micros("2024-07-01T20:00:00Z"), micros("2024-07-01T21:00:00Z"))).isFalse();
        assertThat(XNYS.overlapsSession(micros("2024-12-25T14:00:00Z"), micros("2024-12-25T15:00:00Z"))).isFalse();
        // A week of Christmas 2024: four sessions (the 25th closed).
        assertThat(XNYS.sessionsOverlapping(micros("2024-12-23T00:00:00Z"), micros("2024-12-28T00:00:00Z")))
                .extracting(TradingSession::date)
                .containsExactly(LocalDate.of(2024, 12, 23), LocalDate.of(2024, 12, 24), LocalDate.of(2024, 12, 26), LocalDate.of(2024, 12, 27));
    }

    @Test
    void sessionAtAndTheNextSession() {
        assertThat(XNYS.sessionAt(micros("2024-12-24T15:00:00Z")).orElseThrow().date()).isEqualTo(LocalDate.of(2024, 12, 24));
        assertThat(XNYS.sessionAt(micros("2024-12-24T19:00:00Z"))).as("after the 13:00 early close").isEmpty();
        assertThat(XNYS.currentOrNextSession(micros("2024-12-24T19:00:00Z")).date()).isEqualTo(LocalDate.of(2024, 12, 26));
        assertThat(XNYS.currentOrNextSession(micros("2024-12-24T15:00:00Z")).date()).isEqualTo(LocalDate.of(2024, 12, 24));
    }

    @Test
    void steppingForwardSkipsNightsWeekendsAndHolidays() {
        // From the last hourly bar of Tuesday 2024-12-24 (early close 13:00 = 18:00 UTC; its last bar is 17:00 UTC):
        // the next bar is Thursday's 09:00 New York bar (14:00 UTC), which holds the 09:30 open.
        assertThat(texts(XNYS.barsAfter(micros("2024-12-24T17:00:00Z"), Timeframe.H1, 3)))
                .containsExactly("2024-12-26T14:00:00Z", "2024-12-26T15:00:00Z", "2024-12-26T16:00:00Z");
        // 1m bars from Friday's last minute to Monday's first.
        assertThat(texts(XNYS.barsAfter(micros("2024-12-27T20:59:00Z"), Timeframe.M1, 2)))
                .containsExactly("2024-12-30T14:30:00Z", "2024-12-30T14:31:00Z");
        // Daily bars (stamped 00:00 UTC of the trading date) skip the weekend and New Year's Day.
        assertThat(texts(XNYS.barsAfter(micros("2024-12-27T00:00:00Z"), Timeframe.D1, 3)))
                .containsExactly("2024-12-30T00:00:00Z", "2024-12-31T00:00:00Z", "2025-01-02T00:00:00Z");
        // Over the spring-forward weekend: Friday's last 1h bar is 20:00 UTC (15:00 EST), Monday's first 13:00 UTC (09:00 EDT).
        assertThat(texts(XNYS.barsAfter(micros("2024-03-08T20:00:00Z"), Timeframe.H1, 1))).containsExactly("2024-03-11T13:00:00Z");
        // FX: from Friday's last 1h bar to Sunday evening.
        assertThat(texts(FX.barsAfter(micros("2024-01-12T21:00:00Z"), Timeframe.H1, 2)))
                .containsExactly("2024-01-14T22:00:00Z", "2024-01-14T23:00:00Z");
        assertThat(XNYS.barsAfter(micros("2024-12-27T00:00:00Z"), Timeframe.M5, 0)).isEmpty();
    }

    @Test
    void theQuestionsAgreeWithEachOtherAtRandomInstants() {
        long seed = System.nanoTime();
        System.out.println("TradingCalendarTest seed " + seed);
        java.util.Random random = new java.util.Random(seed);
        for (TradingCalendar calendar : List.of(XNYS, ALWAYS_OPEN, FX)) {
            long from = micros("1995-01-01T00:00:00Z");
            long to = micros("2035-06-01T00:00:00Z");
            for (int n = 0; n < 2_000; n++) {
                long t = from + Math.floorMod(random.nextLong(), to - from);
                boolean open = calendar.isOpen(t);
                assertThat(calendar.sessionAt(t).isPresent()).as("seed %d, %s at %s", seed, calendar.name(), Micros.format(t)).isEqualTo(open);
                assertThat(calendar.overlapsSession(t, t + 1)).as("seed %d", seed).isEqualTo(open);
                TradingSession next = calendar.currentOrNextSession(t);
                assertThat(next.closeMicros()).isGreaterThan(t);
                assertThat(open ? next.contains(t) : next.openMicros() > t).as("seed %d", seed).isTrue();
                long[] bars = calendar.barsAfter(t, Timeframe.M15, 40);
                for (int k = 0; k < bars.length; k++) {
                    assertThat(bars[k]).isGreaterThan(k == 0 ? t - Timeframe.M15.micros() : bars[k - 1]);
                    assertThat(calendar.overlapsSession(bars[k], bars[k] + Timeframe.M15.micros())).as("seed %d, bar %s", seed, Micros.format(bars[k])).isTrue();
                    long skippedFrom = (k == 0 ? Math.floorDiv(t, Timeframe.M15.micros()) * Timeframe.M15.micros() : bars[k - 1]) + Timeframe.M15.micros();
                    assertThat(calendar.sessionsOverlapping(skippedFrom, bars[k])).as("seed %d: open time skipped before %s", seed, Micros.format(bars[k])).isEmpty();
                }
            }
        }
    }

    @Test
    void aSessionIsValidatedAtBirth() {
        Instant open = Instant.parse("2024-01-02T14:30:00Z");
        assertThatThrownBy(() -> new TradingSession(LocalDate.of(2024, 1, 2), open, open, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closes before it opens");
    }
}
