package org.marketlake.cli.convert;

import org.marketlake.core.time.TimePoint;
import org.marketlake.core.time.TimestampParser;
import picocli.CommandLine;

/**
 * {@code --at}, {@code --start}, {@code --end}: a date, an instant with {@code Z} or an offset, or a time without
 * one (which the command reads in {@code --tz}, and refuses without it), by the lake's one parser.
 */
public final class TimePointConverter implements CommandLine.ITypeConverter<TimePoint> {
    @Override
    public TimePoint convert(String value) {
        try {
            return TimestampParser.point(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage()
                    + " (use 2024-01-02, 2024-01-02T14:30:00Z, 2024-01-02T09:30-05:00, or 2024-01-02T09:30 with --tz ZONE)");
        }
    }
}
