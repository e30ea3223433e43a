package org.marketlake.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.calendar.TradingCalendar;
import org.marketlake.core.calendar.TradingCalendars;
import org.marketlake.core.error.DataNotFoundException;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.store.Lake;
import org.marketlake.core.testing.Bars;
import org.marketlake.core.testing.PlantedGaps;

/** Coverage per trading day: planted gaps, a holiday, an early close, a DST week, a 24/7 symbol, daily bars. */
class CoverageTest {
    private static final Symbol IBM = Symbol.of("IBM");
    private static final TradingCalendar XNYS = TradingCalendars.of("XNYS");

    @TempDir
    Path dir;

    @Test
    void aWeekWithAMissingHourAMissingDayAHolidayAndAnEarlyClose() {
        Lake lake = PlantedGaps.week(dir);
        CoverageReport report = Coverage.of(lake, IBM, Timeframe.M1, XNYS, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 5));

        assertThat(report.days()).extracting(CoverageReport.Day::date).containsExactly(LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 7, 2), LocalDate.of(2024, 7, 3), LocalDate.of(2024, 7, 5)); // the 4th is a holiday, not a gap
        CoverageReport.Day monday = report.days().get(0);
        assertThat(monday.expected()).isEqualTo(390);
        assertThat(monday.present()).isEqualTo(390);
        assertThat(monday.longestGap()).isEmpty();
        assertThat(monday.coverage()).contains(1.0);

        CoverageReport.Day tuesday = report.days().get(1);
        assertThat(tuesday.missing()).isEqualTo(60);
        assertThat(tuesday.longestGap()).contains(new CoverageReport.Gap(Bars.micros("2024-07-02T15:00:00Z"), Bars.micros("2024-07-02T15:59:00Z"), 60));
        assertThat(tuesday.coverage()).contains(330 / 390.0);

        CoverageReport.Day earlyClose = report.days().get(2);
        assertThat(earlyClose.expected()).isEqualTo(210);
        assertThat(earlyClose.present()).isEqualTo(210);
        assertThat(earlyClose.note()).isPresent();

        CoverageReport.Day friday = report.days().get(3);
        assertThat(friday.present()).isZero();
        assertThat(friday.missingDay()).isTrue();
        assertThat(friday.longestGap()).contains(new CoverageReport.Gap(Bars.micros("2024-07-05T13:30:00Z"), Bars.micros("2024-07-05T19:59:00Z"), 390));

        CoverageReport.Totals totals = report.totals();
        assertThat(totals.days()).isEqualTo(4);
        assertThat(totals.expected()).isEqualTo(390 + 390 + 210 + 390);
        assertThat(totals.present()).isEqualTo(390 + 330 + 210);
        assertThat(totals.missing()).isEqualTo(60 + 390);
        assertThat(totals.missingDays()).isEqualTo(1);
        assertThat(totals.closedDaysWithBars()).isZero();
        assertThat(totals.longestGap()).map(CoverageReport.Gap::bars).contains(390L);
    }

    @Test
    void withoutDatesTheStoredRangeIsUsedAndTheCalendarComesFromTheLake() {
        Lake lake = PlantedGaps.week(dir);
        CoverageReport report = Coverage.of(lake, IBM, Timeframe.M1);
        assertThat(report.calendar()).isEqualTo("XNYS");
        assertThat(report.first()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(report.last()).isEqualTo(LocalDate.of(2024, 7, 3));
        assertThat(report.totals().days()).isEqualTo(3);
        assertThat(report.totals().missing()).isEqualTo(60);
    }

    @Test
    void barsOnAClosedDayAreListedAndFlaggedButExpectNothing() {
        Lake lake = PlantedGaps.week(dir);
        lake.write(PlantedGaps.minutes("2024-07-04T14:00:00Z", 5, 9));
        lake.write(PlantedGaps.minutes("2024-07-01T12:00:00Z", 30, 10)); // pre-market on a trading day
        CoverageReport report = Coverage.of(lake, IBM, Timeframe.M1, XNYS, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 5));

        CoverageReport.Day holiday = report.days().get(3);
        assertThat(holiday.date()).isEqualTo(LocalDate.of(2024, 7, 4));
        assertThat(holiday.trades()).isFalse();
        assertThat(holiday.expected()).isZero();
        assertThat(holiday.outside()).isEqualTo(5);
        assertThat(holiday.note()).contains("Independence Day");
        assertThat(holiday.missingDay()).isFalse();
        assertThat(report.days().get(0).outside()).isEqualTo(30);
        assertThat(report.days().get(0).present()).isEqualTo(390);
        assertThat(report.totals().closedDaysWithBars()).isEqualTo(1);
        assertThat(report.totals().outside()).isEqualTo(35);
        assertThat(report.totals().days()).isEqualTo(4);
        assertThat(report.totals().missingDays()).isEqualTo(1);
    }

    @Test
    void aDstWeekExpectsTheSessionInItsOwnUtcHours() {
        Lake lake = Lake.open(dir);
        lake.write(Frame.concat(List.of(PlantedGaps.minutes("2024-03-08T14:30:00Z", 390, 1),
                PlantedGaps.minutes("2024-03-11T13:30:00Z", 390, 2),
                PlantedGaps.minutes("2024-03-12T14:30:00Z", 390, 3)))); // Tuesday written on winter hours: an hour late
        CoverageReport report = Coverage.of(lake, IBM, Timeframe.M1, XNYS, LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 12));

        assertThat(report.days()).extracting(CoverageReport.Day::date)
                .containsExactly(LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 12));
        assertThat(report.days().get(0).missing()).isZero();
        assertThat(report.days().get(1).missing()).isZero();
        CoverageReport.Day late = report.days().get(2);
        assertThat(late.present()).isEqualTo(330);
        assertThat(late.outside()).isEqualTo(60);
        assertThat(late.longestGap()).contains(new CoverageReport.Gap(Bars.micros("2024-03-12T13:30:00Z"), Bars.micros("2024-03-12T14:29:00Z"), 60));
    }

    @Test
    void aSymbolOnTwentyFourSevenHasNoClosedDays() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("symbols.yaml"), "symbols:\n  BTCUSD: 24/7\n");
        Lake lake = Lake.open(dir);
        lake.write(Frame.concat(List.of(PlantedGaps.bars(Timeframe.H1, "BTCUSD", "2024-07-06T00:00:00Z", 24, 1),
                PlantedGaps.bars(Timeframe.H1, "BTCUSD", "2024-07-07T00:00:00Z", 20, 2))));
        CoverageReport report = Coverage.of(lake, Symbol.of("BTCUSD"), Timeframe.H1);

        assertThat(report.calendar()).isEqualTo("24/7");
        assertThat(report.days()).extracting(CoverageReport.Day::date).containsExactly(LocalDate.of(2024, 7, 6), LocalDate.of(2024, 7, 7));
        assertThat(report.days()).extracting(CoverageReport.Day::expected).containsExactly(24L, 24L);
        assertThat(report.days().get(1).longestGap()).contains(new CoverageReport.Gap(Bars.micros("2024-07-07T20:00:00Z"), Bars.micros("2024-07-07T23:00:00Z"), 4));
        assertThat(report.totals().missing()).isEqualTo(4);
    }

    @Test
    void theStoredRangeLeavesOutASessionThatClosedBeforeTheFirstBar() {
        Lake lake = Lake.open(dir);
        lake.write(Frame.concat(List.of(PlantedGaps.minutes("2024-07-01T21:00:00Z", 60, 1), // Monday after hours
                PlantedGaps.minutes("2024-07-02T13:30:00Z", 390, 2),
                PlantedGaps.minutes("2024-07-03T11:00:00Z", 30, 3)))); // Wednesday before the open
        CoverageReport report = Coverage.of(lake, IBM, Timeframe.M1);
        assertThat(report.first()).isEqualTo(LocalDate.of(2024, 7, 2));
        assertThat(report.last()).isEqualTo(LocalDate.of(2024, 7, 2));
        assertThat(report.totals().missing()).isZero();
        assertThat(report.totals().outside()).isZero();
    }

    @Test
    void hourBarsExpectTheBarThatHoldsTheOpen() {
        Lake lake = PlantedGaps.week(dir);
        CoverageReport report = Coverage.of(lake, IBM, Timeframe.H1, XNYS, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 3));
        assertThat(report.days()).extracting(CoverageReport.Day::expected).containsExactly(7L, 7L, 4L); // 09:00..15:00, 09:00..12:00
        assertThat(report.totals().missingDays()).isEqualTo(3);
        assertThat(report.totals().longestGap()).contains(new CoverageReport.Gap(Bars.micros("2024-07-01T13:00:00Z"), Bars.micros("2024-07-03T16:00:00Z"), 18));
    }

    @Test
    void dailyBarsExpectOnePerSession() {
        Lake lake = Lake.open(dir);
        lake.write(Frame.concat(List.of(PlantedGaps.bars(Timeframe.D1, "IBM", "2024-07-01T00:00:00Z", 2, 1),
                PlantedGaps.bars(Timeframe.D1, "IBM", "2024-07-04T00:00:00Z", 2, 2))));
        CoverageReport report = Coverage.of(lake, IBM, Timeframe.D1, XNYS, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 5));

        assertThat(report.days()).extracting(CoverageReport.Day::date).containsExactly(LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 7, 2), LocalDate.of(2024, 7, 3), LocalDate.of(2024, 7, 4), LocalDate.of(2024, 7, 5));
        assertThat(report.days()).extracting(CoverageReport.Day::present).containsExactly(1L, 1L, 0L, 0L, 1L);
        assertThat(report.days().get(3).trades()).isFalse();
        assertThat(report.days().get(3).outside()).isEqualTo(1);
        assertThat(report.days().get(2).longestGap()).contains(new CoverageReport.Gap(Bars.micros("2024-07-03T00:00:00Z"), Bars.micros("2024-07-03T00:00:00Z"), 1));
        assertThat(report.totals().days()).isEqualTo(4);
        assertThat(report.totals().expected()).isEqualTo(4);
        assertThat(report.totals().missingDays()).isEqualTo(1);
        assertThat(report.totals().closedDaysWithBars()).isEqualTo(1);
    }

    @Test
    void secondBarsOnAnEarlyCloseAndAnFxMondayThatOpensOnSunday() {
        Lake lake = PlantedGaps.week(dir);
        CoverageReport seconds = Coverage.of(lake, IBM, Timeframe.S1, XNYS, LocalDate.of(2024, 7, 3), LocalDate.of(2024, 7, 3));
        assertThat(seconds.days()).extracting(CoverageReport.Day::expected).containsExactly(210L * 60);
        assertThat(seconds.totals().missingDays()).isEqualTo(1);

        lake.write(PlantedGaps.bars(Timeframe.M5, "EURUSD", "2024-07-07T21:00:00Z", 12, 1)); // Sunday 17:00-18:00 New York
        CoverageReport fx = Coverage.of(lake, Symbol.of("EURUSD"), Timeframe.M5, TradingCalendars.of("FX"),
                LocalDate.of(2024, 7, 6), LocalDate.of(2024, 7, 8));
        assertThat(fx.days()).extracting(CoverageReport.Day::date).containsExactly(LocalDate.of(2024, 7, 8)); // the weekend has no session
        CoverageReport.Day monday = fx.days().get(0);
        assertThat(monday.expected()).isEqualTo(24 * 12);
        assertThat(monday.present()).isEqualTo(12);
        assertThat(monday.outside()).isZero();
        assertThat(monday.longestGap()).contains(new CoverageReport.Gap(Bars.micros("2024-07-07T22:00:00Z"), Bars.micros("2024-07-08T20:55:00Z"), 23 * 12));
    }

    @Test
    void refusals() {
        Lake lake = PlantedGaps.week(dir);
        assertThatThrownBy(() -> Coverage.of(lake, Symbol.of("AAPL"), Timeframe.M1))
                .isInstanceOf(DataNotFoundException.class).hasMessageContaining("no 1m bars of AAPL");
        assertThatThrownBy(() -> Coverage.of(lake, IBM, Timeframe.M1, XNYS, LocalDate.of(2024, 7, 5), LocalDate.of(2024, 7, 1)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(Coverage.of(lake, IBM, Timeframe.M1, XNYS, LocalDate.of(2024, 7, 6), LocalDate.of(2024, 7, 7)).days()).isEmpty();
    }
}
