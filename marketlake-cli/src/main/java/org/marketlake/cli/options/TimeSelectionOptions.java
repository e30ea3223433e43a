package org.marketlake.cli.options;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.marketlake.cli.convert.DateConverter;
import org.marketlake.cli.convert.YearMonthConverter;
import org.marketlake.core.query.Selection;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Which rows a reading command asks for: exactly one of {@code --month}, {@code --date}, or {@code --start} with
 * {@code --end}. Picocli enforces the choice, so every command refuses a mix with the same message.
 * Used as {@code @ArgGroup(exclusive = true, multiplicity = "1") TimeSelectionOptions time;}.
 */
public final class TimeSelectionOptions {
    @Option(names = "--month", paramLabel = "YYYY-MM", converter = YearMonthConverter.class, description = "A UTC month.")
    YearMonth month;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = DateConverter.class, description = "One date (UTC, or in --tz).")
    LocalDate date;

    @ArgGroup(exclusive = false)
    TimeRangeOptions range;

    /** The selection, with {@code zone} for a date and for times without an offset (null: UTC dates, such times refused). */
    public Selection selection(ZoneId zone) {
        if (month != null) {
            return new Selection.Month(month);
        }
        if (date != null) {
            return new Selection.Date(date, zone);
        }
        return range.selection(zone);
    }
}
