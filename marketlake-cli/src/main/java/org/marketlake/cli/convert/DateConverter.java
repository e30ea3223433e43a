package org.marketlake.cli.convert;

import java.time.LocalDate;
import org.marketlake.core.time.TimestampParser;
import picocli.CommandLine;

/** A calendar date {@code YYYY-MM-DD}, strictly (no February 30), by the lake's one parser. */
public final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        try {
            return TimestampParser.date(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage() + " (use YYYY-MM-DD)");
        }
    }
}
