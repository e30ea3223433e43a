package org.marketlake.cli.convert;

import org.marketlake.core.error.MarketLakeException;
import org.marketlake.core.model.Timeframe;
import picocli.CommandLine;

/** {@code --timeframe}: {@code 1s 1m 5m 15m 1h 1d}; the library's own message when it refuses the text. */
public final class TimeframeConverter implements CommandLine.ITypeConverter<Timeframe> {
    @Override
    public Timeframe convert(String value) {
        try {
            return Timeframe.parse(value);
        } catch (MarketLakeException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
