package org.marketlake.core.calendar;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** {@code 24/7} (crypto): every day is a session, 00:00 to 24:00 UTC; there are no holidays. */
final class AlwaysOpenRules implements SessionRules {
    @Override
    public Optional<TradingSession> session(LocalDate date) {
        return Optional.of(new TradingSession(date, date.atStartOfDay(ZoneOffset.UTC).toInstant(),
                date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), false));
    }

    @Override
    public Optional<String> note(LocalDate date) {
        return Optional.empty();
    }
}
