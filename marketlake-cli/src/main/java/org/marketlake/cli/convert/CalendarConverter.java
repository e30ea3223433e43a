package org.marketlake.cli.convert;

import org.marketlake.core.calendar.TradingCalendar;
import org.marketlake.core.calendar.TradingCalendars;
import org.marketlake.core.error.MarketLakeException;
import picocli.CommandLine;

/** {@code --calendar}: {@code XNYS}, {@code 24/7} or {@code FX}; the library's message names the known ones. */
public final class CalendarConverter implements CommandLine.ITypeConverter<TradingCalendar> {
    @Override
    public TradingCalendar convert(String value) {
        try {
            return TradingCalendars.of(value);
        } catch (MarketLakeException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
