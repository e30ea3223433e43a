package org.marketlake.ingest.input;

/** Why an input row was rejected. Rejections are counted by reason and reported with their first examples. */
public enum Reason {
    MALFORMED_ROW("malformed row"),
    MISSING_VALUE("missing value"),
    BAD_TIMESTAMP("unparseable timestamp"),
    BAD_NUMBER("unparseable number"),
    NON_FINITE_PRICE("non-finite price"),
    NON_POSITIVE_PRICE("non-positive price"),
    NEGATIVE_SIZE("negative size"),
    NON_FINITE_SIZE("non-finite size"),
    CROSSED_QUOTE("crossed quote (ask < bid)");

    private final String label;

    Reason(String label) {
        this.label = label;
    }

    /** How the summary names it: {@code non-positive price}. */
    public String label() {
        return label;
    }
}
