package org.marketlake.core.model;

import java.util.regex.Pattern;
import org.marketlake.core.error.InvalidRequestException;

/**
 * A ticker as the lake stores it: upper-case letters, digits, {@code .}, {@code -}, {@code _}, at most
 * 32 characters (for example {@code BRK.B}, {@code BTC-USD}). Checked before any path is built from it,
 * so a symbol can never walk out of the lake ({@code ..}, {@code /}).
 */
public record Symbol(String value) implements Comparable<Symbol> {
    private static final Pattern ALLOWED = Pattern.compile("[A-Z0-9._-]{1,32}");

    public Symbol {
        if (value == null || !ALLOWED.matcher(value).matches() || value.contains("..") || value.startsWith(".")) {
            throw new InvalidRequestException("invalid symbol [value=" + value + "]: use 1 to 32 upper-case letters, digits, '.', '-' or '_' (for example BRK.B or BTC-USD)");
        }
    }

    public static Symbol of(String value) {
        return new Symbol(value);
    }

    @Override
    public int compareTo(Symbol other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
