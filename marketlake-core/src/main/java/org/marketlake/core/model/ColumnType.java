package org.marketlake.core.model;

/**
 * The physical types of lake columns and how a null is held in memory: DOUBLE as NaN (a nullable price or
 * size is never legitimately NaN, validation refuses non-finite values), INT32 as {@link #NULL_INT}, STRING
 * as Java null. TIMESTAMP is never null.
 */
public enum ColumnType {
    STRING,
    TIMESTAMP,
    DOUBLE,
    INT32;

    public static final int NULL_INT = Integer.MIN_VALUE;
}
