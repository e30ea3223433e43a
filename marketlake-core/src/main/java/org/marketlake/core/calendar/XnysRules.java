package org.marketlake.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;

/**
 * The New York Stock Exchange (ISO 10383 code XNYS; Nasdaq keeps the same days and hours): 09:30-16:00
 * America/New_York on weekdays, except the holidays and closures below, and 13:00 (14:00 before 1993) on the
 * early-close days. The rules follow exchange_calendars' XNYS, which the tests compare with day by day.
 *
 * <p>Regular holidays and how they are observed: New Year's Day (Jan 1; a Sunday moves to Monday, a Saturday is
 * not made up on the Friday before), Martin Luther King Jr. Day (third Monday of January, from 1998),
 * Washington's Birthday (third Monday of February), Good Friday (two days before Easter Sunday), Memorial Day (last
 * Monday of May), Juneteenth (June 19, from 2022), Independence Day (July 4), Labor Day (first Monday of
 * September), Thanksgiving (fourth Thursday of November), Christmas (Dec 25). Juneteenth, Independence Day and
 * Christmas falling on a Saturday are observed on the Friday before, on a Sunday on the Monday after.
 *
 * <p>Early closes: July 3 when it is a Monday, Tuesday or Thursday (from 1995) or a Wednesday (from 2013); July 5
 * when it is a Friday (1995 to 2012); the day after Thanksgiving (from 1992); Christmas Eve from Monday to
 * Thursday; and 1997-12-26, 1999-12-31, 2003-12-26.
 */
final class XnysRules implements SessionRules {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDate FIRST = LocalDate.of(1990, 1, 1);
    static final LocalDate LAST = LocalDate.of(2035, 12, 31);

    private static final LocalTime OPEN = LocalTime.of(9, 30);
    private static final LocalTime CLOSE = LocalTime.of(16, 0);
    private static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);
    /** The early close before 1993. */
    private static final LocalTime EARLY_CLOSE_BEFORE_1993 = LocalTime.of(14, 0);

    /** Closures that no yearly rule gives, 1990 to 2035. */
    private static final Map<LocalDate, String> SPECIAL_CLOSURES = Map.ofEntries(
            Map.entry(LocalDate.of(1994, 4, 27), "national day of mourning for Richard Nixon"),
            Map.entry(LocalDate.of(2001, 9, 11), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 12), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 13), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 14), "September 11 attacks"),
            Map.entry(LocalDate.of(2004, 6, 11), "national day of mourning for Ronald Reagan"),
            Map.entry(LocalDate.of(2007, 1, 2), "national day of mourning for Gerald Ford"),
            Map.entry(LocalDate.of(2012, 10, 29), "Hurricane Sandy"),
            Map.entry(LocalDate.of(2012, 10, 30), "Hurricane Sandy"),
            Map.entry(LocalDate.of(2018, 12, 5), "national day of mourning for George H. W. Bush"),
            Map.entry(LocalDate.of(2025, 1, 9), "national day of mourning for Jimmy Carter"));

    /** Early closes that no yearly rule gives. */
    private static final Map<LocalDate, String> SPECIAL_EARLY_CLOSES = Map.of(
            LocalDate.of(1997, 12, 26), "day after Christmas",
            LocalDate.of(1999, 12, 31), "New Year's Eve 1999",
            LocalDate.of(2003, 12, 26), "day after Christmas");

    @Override
    public Optional<TradingSession> session(LocalDate date) {
        if (isWeekend(date) || closure(date) != null) {
            return Optional.empty();
        }
        boolean early = earlyClose(date) != null;
        LocalTime close = !early ? CLOSE : date.getYear() < 1993 ? EARLY_CLOSE_BEFORE_1993 : EARLY_CLOSE;
        return Optional.of(new TradingSession(date, date.atTime(OPEN).atZone(NEW_YORK).toInstant(),
                date.atTime(close).atZone(NEW_YORK).toInstant(), early));
    }

    @Override
    public Optional<String> note(LocalDate date) {
        if (isWeekend(date)) {
            return Optional.of("weekend");
        }
        String closure = closure(date);
        if (closure != null) {
            return Optional.of(closure);
        }
        return Optional.ofNullable(earlyClose(date));
    }

    /** The name of the holiday or closure that shuts a weekday, or null when it trades. */
    static String closure(LocalDate date) {
        String special = SPECIAL_CLOSURES.get(date);
        if (special != null) {
            return special;
        }
        int year = date.getYear();
        if (date.equals(sundayToMonday(LocalDate.of(year, 1, 1)))) {
            return "New Year's Day";
        }
        if (year >= 1998 && date.equals(nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY))) {
            return "Martin Luther King Jr. Day";
        }
        if (date.equals(nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY))) {
            return "Washington's Birthday";
        }
        if (date.equals(easterSunday(year).minusDays(2))) {
            return "Good Friday";
        }
        if (date.equals(LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))) {
            return "Memorial Day";
        }
        if (year >= 2022 && date.equals(nearestWeekday(LocalDate.of(year, 6, 19)))) {
            return "Juneteenth";
        }
        if (date.equals(nearestWeekday(LocalDate.of(year, 7, 4)))) {
            return "Independence Day";
        }
        if (date.equals(nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY))) {
            return "Labor Day";
        }
        if (date.equals(thanksgiving(year))) {
            return "Thanksgiving";
        }
        if (date.equals(nearestWeekday(LocalDate.of(year, 12, 25)))) {
            return "Christmas";
        }
        return null;
    }

    /** Why a trading weekday closes early, or null when it closes at 16:00. */
    static String earlyClose(LocalDate date) {
        String special = SPECIAL_EARLY_CLOSES.get(date);
        if (special != null) {
            return special;
        }
        int year = date.getYear();
        DayOfWeek day = date.getDayOfWeek();
        if (date.getMonth() == Month.JULY && date.getDayOfMonth() == 3 && year >= 1995
                && (day == DayOfWeek.MONDAY || day == DayOfWeek.TUESDAY || day == DayOfWeek.THURSDAY
                        || (day == DayOfWeek.WEDNESDAY && year >= 2013))) {
            return "day before Independence Day";
        }
        if (date.getMonth() == Month.JULY && date.getDayOfMonth() == 5 && day == DayOfWeek.FRIDAY && year >= 1995 && year < 2013) {
            return "day after Independence Day";
        }
        if (year >= 1992 && date.equals(thanksgiving(year).plusDays(1))) {
            return "day after Thanksgiving";
        }
        if (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 24 && day != DayOfWeek.FRIDAY) {
            return "Christmas Eve";
        }
        return null;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate thanksgiving(int year) {
        return nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY);
    }

    /** The {@code n}th {@code day} of {@code month}. */
    private static LocalDate nth(int year, Month month, int n, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** A Sunday holiday is observed on the Monday after; a Saturday one is not observed. */
    private static LocalDate sundayToMonday(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SUNDAY ? date.plusDays(1) : date;
    }

    /** A Saturday holiday is observed on the Friday before, a Sunday one on the Monday after. */
    private static LocalDate nearestWeekday(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.minusDays(1);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous computus of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
