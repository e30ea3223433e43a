package org.marketlake.cli.forecast;

import java.time.ZoneOffset;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.time.TimestampParser;

/** Parses {@code --at}: an instant with offset, or a date-time or date taken as UTC. */
final class TimeOption {
    private static final TimestampParser UTC = TimestampParser.allowingDates(ZoneOffset.UTC, null);

    private TimeOption() {}

    /** {@code 2013-10-07T15:00:00Z}, {@code 2013-10-07T11:00-04:00}, {@code 2013-10-07T15:00} (UTC), {@code 2013-10-07} (00:00 UTC). */
    static long parse(String option, String text) {
        try {
            return UTC.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("cannot read " + option + " [value=" + text + "]: use 2013-10-07T15:00:00Z, 2013-10-07T15:00 (UTC) or 2013-10-07");
        }
    }
}
