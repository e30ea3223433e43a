package org.marketlake.cli.convert;

import java.time.ZoneId;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.time.TimestampParser;
import picocli.CommandLine;

/** {@code --tz}: an IANA zone name ({@code America/New_York}) or {@code UTC}, by the lake's one parser. */
public final class ZoneConverter implements CommandLine.ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
        try {
            return TimestampParser.zone(value);
        } catch (InvalidRequestException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
