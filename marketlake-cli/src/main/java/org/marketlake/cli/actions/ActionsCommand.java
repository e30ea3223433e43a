package org.marketlake.cli.actions;

import java.util.concurrent.Callable;
import org.marketlake.cli.convert.SymbolConverter;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.cli.output.Output;
import org.marketlake.cli.output.OutputOptions;
import org.marketlake.cli.output.OutputTarget;
import org.marketlake.core.actions.Adjustment;
import org.marketlake.core.actions.AdjustmentFactors;
import org.marketlake.core.actions.Adjustments;
import org.marketlake.core.model.Symbol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marketlake actions --symbol SYM}: the stored corporate actions and the adjustment factors they give. */
@Command(name = "actions", mixinStandardHelpOptions = true,
        description = {"A symbol's corporate actions and their back-adjustment factors, to check against a vendor's.",
                "Per ex-date: the action, the close before it (for a dividend: factor 1 - cash_amount / close_before), its own",
                "price and volume factors, and the cumulative factors every bar traded before the ex-date is multiplied by (--adjust all)."})
public final class ActionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--symbol", required = true, paramLabel = "SYM", converter = SymbolConverter.class, description = "The symbol to show.")
    Symbol symbol;

    @Mixin
    CommonOptions common;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        OutputTarget target = output.target(common.root(), false);
        AdjustmentFactors factors = Adjustments.factors(common.lake(), symbol, Adjustment.ALL);
        if (factors.factors().isEmpty() && target.format() == org.marketlake.core.format.OutputFormat.TABLE && target.file() == null) {
            spec.commandLine().getOut().println("No corporate actions of " + symbol + " in the lake. Add some: marketlake ingest actions --symbol "
                    + symbol + " FILE, or marketlake import-api actions " + symbol + " START END");
            return 0;
        }
        Output.print(ActionRows.of(factors), target.format(), target.file(), null, spec.commandLine().getOut());
        return 0;
    }
}
