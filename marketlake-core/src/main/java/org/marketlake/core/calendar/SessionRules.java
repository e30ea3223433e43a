package org.marketlake.core.calendar;

import java.time.LocalDate;
import java.util.Optional;

/** The rules of one calendar, date by date; {@link SessionTable} evaluates them once over the covered range. */
interface SessionRules {
    Optional<TradingSession> session(LocalDate date);

    Optional<String> note(LocalDate date);
}
