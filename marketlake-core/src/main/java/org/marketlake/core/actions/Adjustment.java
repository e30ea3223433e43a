package org.marketlake.core.actions;

/**
 * How bars are adjusted for corporate actions when they are read: {@link #RAW} as stored, {@link #SPLIT} for
 * share-count changes (splits, reverse splits, stock dividends), {@link #ALL} for those and cash dividends.
 */
public enum Adjustment {
    RAW,
    SPLIT,
    ALL;

    /** True when an action of this type moves prices under this adjustment. */
    public boolean covers(org.marketlake.core.model.ActionType type) {
        return switch (this) {
            case RAW -> false;
            case SPLIT -> type.changesShares();
            case ALL -> true;
        };
    }
}
