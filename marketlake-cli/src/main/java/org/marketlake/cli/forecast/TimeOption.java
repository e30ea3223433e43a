package org.marketlake.cli.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.marketlake.core.UsageException;
import org.marketlake.core.model.Micros;

/** Parses {@code --at}: an instant with offset, or a date-time or date taken as UTC. */
final class TimeOption {
    private TimeOption() {}

    /** {@code 2013-10-07T15:00:00Z}, {@code 2013-10-07T11:00-04:00}, {@code 2013-10-07T15:00} (UTC), {@code 2013-10-07} (00:00 UTC). */
    static long parse(String option, String text) {
        String value = text.strip().replace(' ', 'T');
        try {
            if (value.length() == 10) {
                return Micros.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return Micros.of(OffsetDateTime.parse(value).toInstant());
            }
            return Micros.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            try {
                return Micros.of(Instant.parse(value));
            } catch (DateTimeParseException again) {
                throw new UsageException("cannot read " + option + " [value=" + text + "]: use 2013-10-07T15:00:00Z, 2013-10-07T15:00 (UTC) or 2013-10-07");
            }
        }
    }
}
