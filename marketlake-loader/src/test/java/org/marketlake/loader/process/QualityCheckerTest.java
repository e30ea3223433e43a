package org.marketlake.loader.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlake.core.model.Micros;

class QualityCheckerTest {
    private static final long MINUTE = 60_000_000L;

    private static long at(String iso) {
        return Micros.of(Instant.parse(iso));
    }

    private static long[] toArray(List<Long> times) {
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    /** Every minute of the weekdays between two instants (FX: around the clock, closed at weekends). */
    private static List<Long> weekdays(String from, String to) {
        List<Long> times = new ArrayList<>();
        for (long t = at(from); t < at(to); t += MINUTE) {
            int day = java.time.LocalDate.ofEpochDay(Math.floorDiv(t, Micros.PER_DAY)).getDayOfWeek().getValue();
            if (day <= 5) {
                times.add(t);
            }
        }
        return times;
    }

    @Test
    void aWeekendIsAClosureAndMissingMinutesInsideTheSessionAreAGap() {
        // 2014-01-06 (Monday) to 2014-01-18: two weeks with the weekend between them, and 15 minutes missing on a Wednesday.
        List<Long> times = weekdays("2014-01-06T00:00:00Z", "2014-01-18T00:00:00Z");
        times.removeIf(t -> t >= at("2014-01-08T10:00:00Z") && t < at("2014-01-08T10:15:00Z"));

        QualityReport.Temporal temporal = QualityChecker.temporal(toArray(times), MINUTE);

        assertThat(temporal.closures()).isEqualTo(1);
        assertThat(temporal.gaps()).isEqualTo(1);
        assertThat(temporal.rowsMissingInGaps()).isEqualTo(15);
        assertThat(temporal.largestGaps()).singleElement()
                .isEqualTo(new QualityReport.Gap("2014-01-08T09:59:00Z", "2014-01-08T10:15:00Z", 15, false));
    }

    @Test
    void nightsOfAnExchangeAreClosuresWhereTheDataShowsSessions() {
        // An equity session 14:30 to 21:00 UTC on five days; one day starts 10 minutes late.
        List<Long> times = new ArrayList<>();
        for (int day = 6; day <= 10; day++) {
            long open = at(String.format("2014-01-%02dT14:30:00Z", day));
            for (long t = open; t < open + 390 * MINUTE; t += MINUTE) {
                times.add(t);
            }
        }
        times.removeIf(t -> t >= at("2014-01-09T14:30:00Z") && t < at("2014-01-09T14:40:00Z"));

        QualityReport.Temporal temporal = QualityChecker.temporal(toArray(times), MINUTE);

        assertThat(temporal.closures()).isEqualTo(3);
        assertThat(temporal.gaps()).isEqualTo(1);
        assertThat(temporal.rowsMissingInGaps()).isEqualTo(10);
    }

    @Test
    void orderAndDuplicatesAreCounted() {
        QualityReport.Temporal temporal = QualityChecker.temporal(new long[] {0, MINUTE, MINUTE, 3 * MINUTE, 2 * MINUTE}, MINUTE);

        assertThat(temporal.duplicates()).isEqualTo(1);
        assertThat(temporal.outOfOrder()).isEqualTo(1);
    }
}
