package org.marketlake.cli.convert;

import java.util.Locale;
import org.marketlake.core.actions.Adjustment;
import picocli.CommandLine;

/** {@code --adjust}: {@code raw}, {@code split} or {@code all}. */
public final class AdjustmentConverter implements CommandLine.ITypeConverter<Adjustment> {
    @Override
    public Adjustment convert(String value) {
        try {
            return Adjustment.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("unknown adjustment '" + value + "': use raw (as stored), split (splits, reverse splits,"
                    + " stock dividends) or all (those and cash dividends)");
        }
    }
}
