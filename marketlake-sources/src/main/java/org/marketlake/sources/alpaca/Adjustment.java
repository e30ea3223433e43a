package org.marketlake.sources.alpaca;

import org.marketlake.core.error.InvalidRequestException;

/** Corporate-action adjustment of the API's bars: {@code raw}, {@code split}, {@code dividend} or {@code all}. */
public enum Adjustment {
    RAW,
    SPLIT,
    DIVIDEND,
    ALL;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Adjustment parse(String text) {
        for (Adjustment adjustment : values()) {
            if (adjustment.label().equals(text)) {
                return adjustment;
            }
        }
        throw new InvalidRequestException("unknown adjustment [value=" + text + "]: use raw, split, dividend or all");
    }
}
