package org.marketlake.core.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of corporate action the lake keeps. Splits, reverse splits and stock dividends change the share count
 * by {@code ratio} (new shares per old); a cash dividend pays {@code cash_amount} per share.
 */
public enum ActionType {
    SPLIT("split"),
    REVERSE_SPLIT("reverse_split"),
    CASH_DIVIDEND("cash_dividend"),
    STOCK_DIVIDEND("stock_dividend");

    private final String label;

    ActionType(String label) {
        this.label = label;
    }

    /** {@code split}, {@code reverse_split}, {@code cash_dividend} or {@code stock_dividend}: as stored. */
    public String label() {
        return label;
    }

    /** True for the actions that change the share count (everything but a cash dividend). */
    public boolean changesShares() {
        return this != CASH_DIVIDEND;
    }

    /** The type a stored or typed label names; empty for anything else. */
    public static Optional<ActionType> of(String label) {
        return Arrays.stream(values()).filter(type -> type.label.equals(label)).findFirst();
    }

    /** The labels, for messages: {@code split|reverse_split|cash_dividend|stock_dividend}. */
    public static String labels() {
        return String.join("|", Arrays.stream(values()).map(ActionType::label).toList());
    }
}
