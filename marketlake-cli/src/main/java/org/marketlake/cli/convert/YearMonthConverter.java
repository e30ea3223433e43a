package org.marketlake.cli.convert;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** {@code --month}: {@code YYYY-MM}, a UTC calendar month. */
public final class YearMonthConverter implements CommandLine.ITypeConverter<YearMonth> {
    @Override
    public YearMonth convert(String value) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("not a month [value=" + value + "]: use YYYY-MM");
        }
    }
}
