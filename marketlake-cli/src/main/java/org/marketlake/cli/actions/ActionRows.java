package org.marketlake.cli.actions;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.actions.AdjustmentFactor;
import org.marketlake.core.actions.AdjustmentFactors;
import org.marketlake.core.format.Rows;
import org.marketlake.core.model.ActionsWrite;
import org.marketlake.core.model.CorporateAction;

/** The printed forms of corporate actions: a write's summary line, and the actions with their adjustment factors. */
final class ActionRows {
    private ActionRows() {}

    static void printWrite(PrintWriter out, Path root, ActionsWrite result) {
        Path base = root.toAbsolutePath().normalize();
        Path path = result.file().toAbsolutePath().normalize();
        String name = path.startsWith(base) ? base.relativize(path).toString() : path.toString();
        out.printf("%s: %d added, %d replaced, %d unchanged (%d action%s)%n", name, result.added(), result.replaced(), result.unchanged(),
                result.total(), result.total() == 1 ? "" : "s");
    }

    /**
     * One row per action: what it is, the close its dividend factor uses, its own factors, and the cumulative factors
     * that bars traded before its ex-date are multiplied by.
     */
    static Rows of(AdjustmentFactors factors) {
        List<Object[]> rows = new ArrayList<>();
        for (AdjustmentFactor factor : factors.factors()) {
            CorporateAction action = factor.action();
            rows.add(new Object[] {action.symbol().value(), action.exDate().toString(), action.type().label(), number(action.ratio()),
                number(action.cashAmount()), action.source(), number(factor.closeBefore()), factor.price(), factor.volume(),
                factor.cumulativePrice(), factor.cumulativeVolume()});
        }
        return Rows.table(List.of("symbol", "ex_date", "type", "ratio", "cash_amount", "source", "close_before", "price_factor",
                "volume_factor", "cumulative_price_factor", "cumulative_volume_factor"), rows);
    }

    private static Double number(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
