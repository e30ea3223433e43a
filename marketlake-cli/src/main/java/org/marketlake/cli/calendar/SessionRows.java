package org.marketlake.cli.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marketlake.core.calendar.TradingCalendar;
import org.marketlake.core.calendar.TradingSession;
import org.marketlake.core.format.Rows;
import org.marketlake.core.model.Micros;

/** Sessions as rows to print: open and close in UTC and in the calendar's zone, the early-close flag and the note. */
final class SessionRows {
    private static final List<String> SESSION_COLUMNS = List.of("date", "open_utc", "close_utc", "open_local", "close_local", "early_close", "note");
    private static final List<String> DATE_COLUMNS = List.of("date", "trades", "open_utc", "close_utc", "open_local", "close_local", "early_close", "note");

    private SessionRows() {}

    static Rows ofSessions(TradingCalendar calendar, List<TradingSession> sessions) {
        List<Object[]> rows = new ArrayList<>(sessions.size());
        for (TradingSession session : sessions) {
            Object[] hours = hours(calendar.zone(), session);
            rows.add(new Object[] {session.date().toString(), hours[0], hours[1], hours[2], hours[3], session.earlyClose(),
                calendar.note(session.date()).orElse(null)});
        }
        return Rows.table(SESSION_COLUMNS, rows);
    }

    /** One row: whether {@code date} trades, its hours when it does, and its note (the holiday on a closed day). */
    static Rows ofDate(TradingCalendar calendar, LocalDate date) {
        Optional<TradingSession> session = calendar.session(date);
        String note = calendar.note(date).orElse(null);
        Object[] row = session.map(s -> {
            Object[] hours = hours(calendar.zone(), s);
            return new Object[] {date.toString(), true, hours[0], hours[1], hours[2], hours[3], s.earlyClose(), note};
        }).orElseGet(() -> new Object[] {date.toString(), false, null, null, null, null, null, note == null ? "closed" : note});
        List<Object[]> rows = new ArrayList<>();
        rows.add(row);
        return Rows.table(DATE_COLUMNS, rows);
    }

    /** Open and close in UTC (instants), then as local text with the zone's offset. */
    private static Object[] hours(ZoneId zone, TradingSession session) {
        return new Object[] {session.open(), session.close(), Micros.format(session.openMicros(), zone), Micros.format(session.closeMicros(), zone)};
    }
}
