package org.marketlake.loader.process;

/**
 * What null handling did to one column: nulls found, filled, and left (leading nulls forward fill cannot reach,
 * trailing ones interpolation cannot), and under {@code drop} the rows removed for this column's nulls.
 */
public record NullReport(String column, int missing, int filled, int leadingUnfilled, int trailingUnfilled, int rowsDropped) {}
