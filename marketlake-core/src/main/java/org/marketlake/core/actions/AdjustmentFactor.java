package org.marketlake.core.actions;

import org.marketlake.core.model.CorporateAction;

/**
 * One action's part in the adjustment: its own price and volume factors (a split of ratio r: 1/r and r; a cash
 * dividend D: 1 - D/C with C {@code closeBefore}, the last daily close before the ex-date, and 1), and the
 * cumulative factors that apply to every bar before its ex-date (the product of its own and all later actions').
 */
public record AdjustmentFactor(CorporateAction action, double closeBefore, double price, double volume,
        double cumulativePrice, double cumulativeVolume) {
    public AdjustmentFactor {
        if (action == null) {
            throw new IllegalArgumentException("a factor needs its action");
        }
        for (double factor : new double[] {price, volume, cumulativePrice, cumulativeVolume}) {
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new org.marketlake.core.error.InvalidDataException("adjustment factor " + factor + " of " + action.symbol() + "'s "
                        + action.type().label() + " on " + action.exDate() + " is not above 0"
                        + (Double.isNaN(closeBefore) ? "" : ": the dividend " + action.cashAmount() + " is not below the close " + closeBefore));
            }
        }
    }
}
