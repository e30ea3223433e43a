package org.marketlake.cli.options;

import java.time.ZoneId;
import org.marketlake.cli.convert.TimePointConverter;
import org.marketlake.core.query.Selection;
import org.marketlake.core.time.TimePoint;
import picocli.CommandLine.Option;

/**
 * {@code --start T --end T}, both inclusive and given together (an {@code @ArgGroup(exclusive = false)} inside a
 * command's time selection). A bare date as the end covers that whole day.
 */
public final class TimeRangeOptions {
    @Option(names = "--start", required = true, paramLabel = "T", converter = TimePointConverter.class,
            description = "Range start (inclusive): a date, or an ISO-8601 instant with Z or an offset (a time without one needs --tz).")
    TimePoint start;

    @Option(names = "--end", required = true, paramLabel = "T", converter = TimePointConverter.class,
            description = "Range end (inclusive); a bare date covers that whole day.")
    TimePoint end;

    public Selection.Range selection(ZoneId zone) {
        return Selection.between(start, end, zone);
    }
}
