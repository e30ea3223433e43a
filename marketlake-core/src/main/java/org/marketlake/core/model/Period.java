package org.marketlake.core.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The stretch of UTC time one lake file covers: a calendar month (intraday bars, quotes) or a calendar year
 * (daily bars). Boundaries are in epoch microseconds, start inclusive, end exclusive.
 */
public sealed interface Period extends Comparable<Period> permits Period.Month, Period.Year {

    record Month(YearMonth month) implements Period {
        public Month {
            if (month == null || month.getYear() < 1 || month.getYear() > 9999) {
                throw new IllegalArgumentException("month out of range: " + month);
            }
        }

        @Override
        public long startMicros() {
            return month.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        }

        @Override
        public long endMicros() {
            return month.plusMonths(1).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        }

        /** {@code 2024-01}, as in file names. */
        @Override
        public String label() {
            return month.toString();
        }
    }

    record Year(int year) implements Period {
        public Year {
            if (year < 1 || year > 9999) {
                throw new IllegalArgumentException("year out of range: " + year);
            }
        }

        @Override
        public long startMicros() {
            return LocalDate.of(year, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        }

        @Override
        public long endMicros() {
            return LocalDate.of(year + 1, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        }

        @Override
        public String label() {
            return Integer.toString(year);
        }
    }

    long startMicros();

    long endMicros();

    String label();

    default boolean contains(long micros) {
        return micros >= startMicros() && micros < endMicros();
    }

    /** The period of {@code kind}'s file that holds the instant {@code micros}. */
    static Period containing(DataKind kind, long micros) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(micros, 86_400_000_000L));
        return kind.yearly() ? new Year(date.getYear()) : new Month(YearMonth.from(date));
    }

    /** The next period of the same sort. */
    default Period next() {
        return switch (this) {
            case Month m -> new Month(m.month().plusMonths(1));
            case Year y -> new Year(y.year() + 1);
        };
    }

    @Override
    default int compareTo(Period other) {
        return Long.compare(startMicros(), other.startMicros());
    }
}
