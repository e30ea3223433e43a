package org.marketlake.cli.options;

import org.marketlake.cli.convert.AdjustmentConverter;
import org.marketlake.core.actions.Adjustment;
import picocli.CommandLine.Option;

/** {@code --adjust raw|split|all}, for every command that reads bars: {@code @Mixin AdjustOption adjust;}. */
public final class AdjustOption {
    @Option(names = "--adjust", paramLabel = "HOW", converter = AdjustmentConverter.class, defaultValue = "raw",
            description = "Corporate-action adjustment of prices and volumes: raw (as stored, the default), split (splits, reverse "
                    + "splits, stock dividends) or all (also cash dividends); back-adjusted from the lake's actions/ files.")
    Adjustment adjustment = Adjustment.RAW;

    /** The adjustment asked for; {@link Adjustment#RAW} when none was. */
    public Adjustment adjustment() {
        return adjustment;
    }
}
