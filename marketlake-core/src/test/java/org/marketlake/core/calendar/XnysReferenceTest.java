package org.marketlake.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * XNYS against exchange_calendars' XNYS, every session from 1990-01-01 to 2035-12-31: the same dates, the same
 * open and close to the minute, and an early close exactly where its close is before 16:00 New York. The
 * reference file was written once by src/test/python/xnys_reference.py; its header names the version.
 */
class XnysReferenceTest {
    private static final String REFERENCE = "/calendar/xnys-exchange-calendars.csv";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    record Hours(String open, String close) {}

    @Test
    void everySessionFrom1990To2035EqualsExchangeCalendars() throws IOException {
        Map<LocalDate, Hours> expected = reference();
        TradingCalendar xnys = TradingCalendars.of("XNYS");
        Map<LocalDate, Hours> actual = new TreeMap<>();
        List<String> earlyFlagDifferences = new ArrayList<>();
        for (TradingSession session : xnys.sessions(LocalDate.of(1990, 1, 1), LocalDate.of(2035, 12, 31))) {
            actual.put(session.date(), new Hours(utc(session.open().atOffset(ZoneOffset.UTC).toLocalTime()),
                    utc(session.close().atOffset(ZoneOffset.UTC).toLocalTime())));
            boolean closesBefore16 = session.close().atZone(NEW_YORK).toLocalTime().isBefore(LocalTime.of(16, 0));
            if (session.earlyClose() != closesBefore16) {
                earlyFlagDifferences.add(session.date() + " earlyClose=" + session.earlyClose() + " but closes " + session.close());
            }
        }

        List<String> differences = new ArrayList<>();
        for (LocalDate date : new TreeSet<>(union(expected, actual))) {
            Hours want = expected.get(date);
            Hours got = actual.get(date);
            if (want == null || !want.equals(got)) {
                differences.add(date + ": exchange_calendars " + describe(want) + ", ours " + describe(got));
            }
        }
        if (!differences.isEmpty()) {
            System.out.println(differences.size() + " differences from exchange_calendars; the first ones:");
            differences.stream().limit(20).forEach(line -> System.out.println("  " + line));
        }
        assertThat(expected).as("reference sessions").hasSizeGreaterThan(11_500);
        assertThat(differences).as("sessions that differ from exchange_calendars (first 20)").isEmpty();
        assertThat(earlyFlagDifferences).isEmpty();
        assertThat(actual).hasSameSizeAs(expected);
    }

    private static java.util.Set<LocalDate> union(Map<LocalDate, Hours> a, Map<LocalDate, Hours> b) {
        java.util.Set<LocalDate> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private static String describe(Hours hours) {
        return hours == null ? "closed" : hours.open() + "-" + hours.close() + " UTC";
    }

    private static String utc(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

    private static Map<LocalDate, Hours> reference() throws IOException {
        Map<LocalDate, Hours> sessions = new TreeMap<>();
        try (InputStream in = XnysReferenceTest.class.getResourceAsStream(REFERENCE)) {
            assertThat(in).as(REFERENCE).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = reader.readLine();
            while (line != null && line.startsWith("#")) {
                line = reader.readLine();
            }
            assertThat(line).isEqualTo("date,open_utc,close_utc");
            for (line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",");
                sessions.put(LocalDate.parse(cells[0]), new Hours(cells[1], cells[2]));
            }
        }
        return sessions;
    }
}
