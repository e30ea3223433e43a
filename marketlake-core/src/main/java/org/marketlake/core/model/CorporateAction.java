package org.marketlake.core.model;

import java.time.LocalDate;
import java.util.Optional;
import org.marketlake.core.error.InvalidRequestException;

/**
 * One corporate action of one symbol, as {@code actions/SYMBOL.parquet} keeps it. {@code ratio} (new shares per
 * old) is set for share-count changes and NaN for a cash dividend; {@code cashAmount} (per share, in the price's
 * currency) is set for a cash dividend and NaN otherwise. {@code source} says where it came from ({@code alpaca},
 * a file name), or is empty.
 */
public record CorporateAction(Symbol symbol, LocalDate exDate, ActionType type, double ratio, double cashAmount, String source) {
    public CorporateAction {
        if (symbol == null || exDate == null || type == null) {
            throw new InvalidRequestException("a corporate action needs a symbol, an ex_date and a type");
        }
        source = source == null ? "" : source;
        Optional<Problem> problem = problem(type, ratio, cashAmount);
        if (problem.isPresent()) {
            throw new InvalidRequestException("invalid corporate action of " + symbol + " on " + exDate + " [column=" + problem.get().column()
                    + ", value=" + problem.get().value() + "]: " + problem.get().reason());
        }
    }

    /** What is wrong with an action's numbers: the column, its value as text, and why. */
    public record Problem(String column, String value, String reason) {}

    /**
     * The first rule the numbers break, or empty: a share-count change needs a finite ratio above 0 (a split above
     * 1, a reverse split below 1) and no cash amount; a cash dividend a finite cash amount above 0 and no ratio.
     */
    public static Optional<Problem> problem(ActionType type, double ratio, double cashAmount) {
        if (type.changesShares()) {
            if (!(ratio > 0) || Double.isInfinite(ratio)) {
                return Optional.of(new Problem("ratio", text(ratio), type.label() + " needs a ratio (new shares per old) above 0"));
            }
            if (type == ActionType.SPLIT && ratio <= 1) {
                return Optional.of(new Problem("ratio", text(ratio), "a split has more new shares than old (ratio above 1); use reverse_split"));
            }
            if (type == ActionType.REVERSE_SPLIT && ratio >= 1) {
                return Optional.of(new Problem("ratio", text(ratio), "a reverse split has fewer new shares than old (ratio below 1, 1-for-10 is 0.1)"));
            }
            if (!Double.isNaN(cashAmount)) {
                return Optional.of(new Problem("cash_amount", text(cashAmount), type.label() + " has no cash_amount; leave it empty"));
            }
        } else {
            if (!(cashAmount > 0) || Double.isInfinite(cashAmount)) {
                return Optional.of(new Problem("cash_amount", text(cashAmount), "cash_dividend needs a cash_amount per share above 0"));
            }
            if (!Double.isNaN(ratio)) {
                return Optional.of(new Problem("ratio", text(ratio), "cash_dividend has no ratio; leave it empty"));
            }
        }
        return Optional.empty();
    }

    /** A split or other share-count change. */
    public static CorporateAction shares(Symbol symbol, LocalDate exDate, ActionType type, double ratio, String source) {
        return new CorporateAction(symbol, exDate, type, ratio, Double.NaN, source);
    }

    /** A cash dividend of {@code amount} per share. */
    public static CorporateAction cashDividend(Symbol symbol, LocalDate exDate, double amount, String source) {
        return new CorporateAction(symbol, exDate, ActionType.CASH_DIVIDEND, Double.NaN, amount, source);
    }

    /** Two actions are the same action (a later one replaces an earlier) when ex_date and type agree. */
    public boolean sameKey(CorporateAction other) {
        return exDate.equals(other.exDate) && type == other.type;
    }

    private static String text(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
