package org.marketlake.loader.convert;

import java.time.ZoneId;
import org.marketlake.ingest.input.InputTimestamps;

/**
 * Datetime texts to UTC epoch microseconds, by the same rules as the lake's ingest: ISO-8601 with or without an
 * offset ({@code 2014-03-03T09:30:00Z}, {@code 2014-03-03T09:30:00.5+01:00}), a space instead of {@code T}
 * ({@code 2014-03-03 09:30:00}, pandas' text form), and a bare date ({@code 2014-03-03}, midnight). A text
 * without an offset is in {@code zone}. The common forms take ingest's allocation-free path
 * ({@link InputTimestamps}); dates and rarer forms the lake's general parser.
 */
public final class TimestampParser {
    private final InputTimestamps fast;
    private final org.marketlake.core.time.TimestampParser general;

    public TimestampParser(ZoneId zone) {
        this.fast = InputTimestamps.of(zone, null);
        this.general = org.marketlake.core.time.TimestampParser.allowingDates(zone, null);
    }

    /** Epoch microseconds, or {@link Long#MIN_VALUE} when {@code text} is not a timestamp. */
    public long parse(String text) {
        String trimmed = text.strip();
        if (!realDate(trimmed)) {
            return Long.MIN_VALUE;
        }
        try {
            // A bare date is not ingest's business (it refuses dates); send it straight to the general parser.
            return trimmed.length() == 10 ? general.parse(trimmed) : fast.parse(trimmed);
        } catch (RuntimeException notATimestamp) {
            return Long.MIN_VALUE;
        }
    }

    /**
     * False for a {@code YYYY-MM-DD} start naming a day its month lacks: java.time's lenient resolver (behind the
     * general parser) would turn 2015-02-29 into 2015-02-28, and a wrong date must be refused, not moved.
     */
    static boolean realDate(String text) {
        if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return true;
        }
        try {
            int year = Integer.parseInt(text, 0, 4, 10);
            int month = Integer.parseInt(text, 5, 7, 10);
            int day = Integer.parseInt(text, 8, 10, 10);
            return month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth();
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
