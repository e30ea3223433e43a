package org.marketlake.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * {@code FX}: trading runs from Sunday 17:00 to Friday 17:00 America/New_York without a break. It is cut into one
 * session per trading date, the way FX desks roll the value date at 17:00 New York: the session of date D (Monday
 * to Friday) runs from 17:00 New York on D-1 to 17:00 on D. So Monday's session opens on Sunday evening, and
 * Saturday and Sunday have none. No holidays (the interbank market trades on Christmas and New Year's Day, thinly).
 */
final class FxRules implements SessionRules {
    private static final ZoneId NEW_YORK = XnysRules.NEW_YORK;
    private static final LocalTime ROLL = LocalTime.of(17, 0);

    @Override
    public Optional<TradingSession> session(LocalDate date) {
        if (isWeekend(date)) {
            return Optional.empty();
        }
        return Optional.of(new TradingSession(date, date.minusDays(1).atTime(ROLL).atZone(NEW_YORK).toInstant(),
                date.atTime(ROLL).atZone(NEW_YORK).toInstant(), false));
    }

    @Override
    public Optional<String> note(LocalDate date) {
        return isWeekend(date) ? Optional.of("weekend") : Optional.empty();
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
