package org.marketlake.ingest.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.marketlake.core.model.Micros;

/** The daily bars' sessions follow the XNYS calendar: early closes end at 13:00, holidays have none, DST moves the hours. */
class SessionCalendarTest {
    private static String utc(long micros) {
        return Micros.format(micros);
    }

    @Test
    void theRegularSessionOfAnEarlyCloseEndsAt1300NewYork() {
        Session.Window window = Session.REGULAR.window(LocalDate.of(2024, 7, 3)).orElseThrow();
        assertThat(utc(window.startMicros())).isEqualTo("2024-07-03T13:30:00Z");
        assertThat(utc(window.endMicros())).isEqualTo("2024-07-03T17:00:00Z");
        Session.Window extended = Session.EXTENDED.window(LocalDate.of(2024, 11, 29)).orElseThrow();
        assertThat(utc(extended.startMicros())).isEqualTo("2024-11-29T09:00:00Z");
        assertThat(utc(extended.endMicros())).isEqualTo("2024-11-29T22:00:00Z");
    }

    @Test
    void holidaysAndWeekendsHaveNoSessionButTheUtcDayAlwaysDoes() {
        assertThat(Session.REGULAR.window(LocalDate.of(2024, 7, 4))).isEmpty();
        assertThat(Session.EXTENDED.window(LocalDate.of(2024, 12, 25))).isEmpty();
        assertThat(Session.REGULAR.window(LocalDate.of(2024, 3, 9))).isEmpty();
        Session.Window christmas = Session.UTC.window(LocalDate.of(2024, 12, 25)).orElseThrow();
        assertThat(christmas.endMicros() - christmas.startMicros()).isEqualTo(Micros.PER_DAY);
    }

    @Test
    void daylightSavingMovesTheSessionInUtc() {
        assertThat(utc(Session.REGULAR.window(LocalDate.of(2024, 3, 8)).orElseThrow().startMicros())).isEqualTo("2024-03-08T14:30:00Z");
        assertThat(utc(Session.REGULAR.window(LocalDate.of(2024, 3, 11)).orElseThrow().startMicros())).isEqualTo("2024-03-11T13:30:00Z");
        assertThat(Micros.of(Instant.parse("2024-11-04T21:00:00Z"))).isEqualTo(Session.REGULAR.window(LocalDate.of(2024, 11, 4)).orElseThrow().endMicros());
    }
}
