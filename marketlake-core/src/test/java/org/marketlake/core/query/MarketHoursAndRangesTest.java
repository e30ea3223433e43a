package org.marketlake.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.time.TimestampParser;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.testing.Bars;

/** Daylight-saving days under --market-hours, and month and year edges in ranges. */
class MarketHoursAndRangesTest {
    @TempDir
    Path root;

    private Lake lakeWithMinutes(String fromIso, int minutes) {
        Lake lake = Lake.open(root);
        lake.write(Bars.random(Timeframe.M1, "SPY", Bars.micros(fromIso), 60 * Micros.PER_SECOND, minutes, 11));
        return lake;
    }

    private static String first(Frame frame) {
        return Micros.format(frame.timestamps()[0]);
    }

    private static String last(Frame frame) {
        return Micros.format(frame.timestamps()[frame.size() - 1]);
    }

    @Test
    void springForwardWeekend2024() {
        // Friday 2024-03-08 is EST (UTC-5); the clocks go forward on Sunday 03-10; Monday 03-11 is EDT (UTC-4).
        Lake lake = lakeWithMinutes("2024-03-08T00:00:00Z", 4 * 24 * 60);
        Frame friday = new LakeQuery(DataKind.parse("1m"), Symbol.of("SPY"), new Selection.Date(java.time.LocalDate.parse("2024-03-08"), null), List.of(), true).run(lake);
        assertThat(friday.size()).isEqualTo(390);
        assertThat(first(friday)).isEqualTo("2024-03-08T14:30:00Z");
        assertThat(last(friday)).isEqualTo("2024-03-08T20:59:00Z");
        Frame monday = new LakeQuery(DataKind.parse("1m"), Symbol.of("SPY"), new Selection.Date(java.time.LocalDate.parse("2024-03-11"), null), List.of(), true).run(lake);
        assertThat(monday.size()).isEqualTo(390);
        assertThat(first(monday)).isEqualTo("2024-03-11T13:30:00Z");
        assertThat(last(monday)).isEqualTo("2024-03-11T19:59:00Z");
        // The switch day itself is a Sunday: the calendar has no session, so market hours keep nothing.
        Frame sunday = new LakeQuery(DataKind.parse("1m"), Symbol.of("SPY"), new Selection.Date(java.time.LocalDate.parse("2024-03-10"), null), List.of(), true).run(lake);
        assertThat(sunday.size()).isZero();
    }

    @Test
    void fallBackWeekend2024() {
        // Friday 2024-11-01 is EDT (UTC-4); clocks go back on Sunday 11-03; Monday 11-04 is EST (UTC-5).
        Lake lake = lakeWithMinutes("2024-11-01T00:00:00Z", 4 * 24 * 60);
        Frame friday = new LakeQuery(DataKind.parse("1m"), Symbol.of("SPY"), new Selection.Date(java.time.LocalDate.parse("2024-11-01"), null), List.of(), true).run(lake);
        assertThat(first(friday)).isEqualTo("2024-11-01T13:30:00Z");
        assertThat(friday.size()).isEqualTo(390);
        Frame monday = new LakeQuery(DataKind.parse("1m"), Symbol.of("SPY"), new Selection.Date(java.time.LocalDate.parse("2024-11-04"), null), List.of(), true).run(lake);
        assertThat(first(monday)).isEqualTo("2024-11-04T14:30:00Z");
        assertThat(last(monday)).isEqualTo("2024-11-04T20:59:00Z");
        assertThat(monday.size()).isEqualTo(390);
    }

    @Test
    void dateInNewYorkZoneCoversTheLocalDay() {
        Lake lake = lakeWithMinutes("2024-11-01T00:00:00Z", 4 * 24 * 60);
        Frame day = new LakeQuery(DataKind.parse("1m"), Symbol.of("SPY"), new Selection.Date(java.time.LocalDate.parse("2024-11-03"), java.time.ZoneId.of("America/New_York")), List.of(), false).run(lake);
        // The fall-back Sunday has 25 hours in New York.
        assertThat(day.size()).isEqualTo(25 * 60);
        assertThat(first(day)).isEqualTo("2024-11-03T04:00:00Z");
        assertThat(last(day)).isEqualTo("2024-11-04T04:59:00Z");
    }

    @Test
    void rangeAcrossYearAndMonthEdgesIsInclusive() {
        Lake lake = lakeWithMinutes("2023-12-31T23:00:00Z", 120);
        assertThat(lake.files()).hasSize(2);
        Frame edge = new LakeQuery(DataKind.parse("1m"), Symbol.of("SPY"), Selection.between(TimestampParser.point("2023-12-31T23:58:00Z"), TimestampParser.point("2024-01-01T00:01:00Z"), null), List.of("timestamp"), false).run(lake);
        assertThat(edge.size()).isEqualTo(4);
        assertThat(first(edge)).isEqualTo("2023-12-31T23:58:00Z");
        assertThat(last(edge)).isEqualTo("2024-01-01T00:01:00Z");
        Frame bareEnd = new LakeQuery(DataKind.parse("1m"), Symbol.of("SPY"), Selection.between(TimestampParser.point("2023-12-31"), TimestampParser.point("2023-12-31"), null), List.of("timestamp"), false).run(lake);
        assertThat(bareEnd.size()).isEqualTo(60);
        assertThat(last(bareEnd)).isEqualTo("2023-12-31T23:59:00Z");
        Frame month = new LakeQuery(DataKind.parse("1m"), Symbol.of("SPY"), new Selection.Month(java.time.YearMonth.parse("2024-01")), List.of("timestamp"), false).run(lake);
        assertThat(month.size()).isEqualTo(60);
        assertThat(first(month)).isEqualTo("2024-01-01T00:00:00Z");
    }

    @Test
    void dailyBarsLiveInYearFilesAndRangesCrossYears() {
        Lake lake = Lake.open(root);
        lake.write(Bars.random(Timeframe.D1, "SPY", Bars.micros("2023-12-28T00:00:00Z"), Micros.PER_DAY, 10, 5));
        assertThat(root.resolve("bars/1d/SPY.2023.parquet")).exists();
        assertThat(root.resolve("bars/1d/SPY.2024.parquet")).exists();
        Frame range = new LakeQuery(DataKind.parse("1d"), Symbol.of("SPY"), Selection.between(TimestampParser.point("2023-12-30"), TimestampParser.point("2024-01-02"), null), List.of("timestamp"), false).run(lake);
        assertThat(range.size()).isEqualTo(4);
    }

    @Test
    void marketHoursFollowTheCalendarOnAHolidayAnEarlyCloseAndForHourBars() {
        // 2024-07-03 closes at 13:00 New York (17:00 UTC); 2024-07-04 is Independence Day.
        Lake lake = lakeWithMinutes("2024-07-03T00:00:00Z", 2 * 24 * 60);
        Frame early = new LakeQuery(DataKind.parse("1m"), Symbol.of("SPY"), new Selection.Date(java.time.LocalDate.parse("2024-07-03"), null), List.of(), true).run(lake);
        assertThat(early.size()).isEqualTo(210);
        assertThat(first(early)).isEqualTo("2024-07-03T13:30:00Z");
        assertThat(last(early)).isEqualTo("2024-07-03T16:59:00Z");
        Frame holiday = new LakeQuery(DataKind.parse("1m"), Symbol.of("SPY"), new Selection.Date(java.time.LocalDate.parse("2024-07-04"), null), List.of(), true).run(lake);
        assertThat(holiday.size()).isZero();
        // The same day around the clock under the 24/7 calendar.
        Frame always = new LakeQuery(DataKind.parse("1m"), Symbol.of("SPY"), new Selection.Date(java.time.LocalDate.parse("2024-07-04"), null), List.of(),
                org.marketlake.core.calendar.TradingCalendars.of("24/7")).run(lake);
        assertThat(always.size()).isEqualTo(1440);
    }

    @Test
    void anHourBarThatHoldsTheOpenIsKept() {
        Lake lake = Lake.open(root.resolve("hours"));
        lake.write(Bars.random(Timeframe.H1, "SPY", Bars.micros("2024-03-11T00:00:00Z"), 3_600 * Micros.PER_SECOND, 24, 5));
        Frame hours = new LakeQuery(DataKind.parse("1h"), Symbol.of("SPY"), new Selection.Date(java.time.LocalDate.parse("2024-03-11"), null), List.of(), true).run(lake);
        // 09:00-10:00 EDT (13:00Z) holds the 09:30 open; 15:00-16:00 (19:00Z) the close; 16:00 (20:00Z) is after it.
        assertThat(first(hours)).isEqualTo("2024-03-11T13:00:00Z");
        assertThat(last(hours)).isEqualTo("2024-03-11T19:00:00Z");
        assertThat(hours.size()).isEqualTo(7);
    }
}
