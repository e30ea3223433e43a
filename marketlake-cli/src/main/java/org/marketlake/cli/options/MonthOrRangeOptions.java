package org.marketlake.cli.options;

import java.time.YearMonth;
import java.time.ZoneId;
import org.marketlake.cli.convert.YearMonthConverter;
import org.marketlake.core.query.Selection;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * {@code --month} or {@code --start} with {@code --end}, for commands that rework whole stored days
 * ({@code resample}); used as {@code @ArgGroup(exclusive = true) MonthOrRangeOptions time;} (null: no range given).
 */
public final class MonthOrRangeOptions {
    @Option(names = "--month", paramLabel = "YYYY-MM", converter = YearMonthConverter.class, description = "One UTC month instead of --start/--end.")
    YearMonth month;

    @ArgGroup(exclusive = false)
    TimeRangeOptions range;

    public Selection selection(ZoneId zone) {
        return month != null ? new Selection.Month(month) : range.selection(zone);
    }
}
