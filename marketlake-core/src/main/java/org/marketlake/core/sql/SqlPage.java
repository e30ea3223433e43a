package org.marketlake.core.sql;

/** The first rows of a query's result ({@code shown}) and how many rows the whole result has ({@code rowCount}). */
public record SqlPage(SqlResult shown, long rowCount) {
    public SqlPage {
        if (shown == null || rowCount < shown.rows().size()) {
            throw new IllegalArgumentException("a page shows at most the rows of its result: " + rowCount);
        }
    }

    /** True when the result has rows beyond those shown. */
    public boolean truncated() {
        return rowCount > shown.rows().size();
    }
}
