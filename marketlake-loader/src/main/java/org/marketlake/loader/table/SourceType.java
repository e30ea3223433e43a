package org.marketlake.loader.table;

import java.util.Locale;

/** What a source column holds, as far as the loader cares. */
public enum SourceType {
    /** Any integer, decimal or double column; read as double. */
    NUMBER,
    /** A 32-bit floating column, kept as float when {@code optimize_dtypes} is on. */
    FLOAT32,
    TEXT,
    /** An instant with a time zone, or a naive date-time (then in {@code schema.timezone}). */
    TIMESTAMP,
    NAIVE_TIMESTAMP,
    DATE,
    /** Lists, structs, blobs...: never read. */
    OTHER;

    /** The loader's view of a DuckDB type name. */
    public static SourceType ofDuckDb(String typeName) {
        String type = typeName.toUpperCase(Locale.ROOT);
        if (type.equals("FLOAT") || type.equals("REAL") || type.equals("FLOAT4")) {
            return FLOAT32;
        }
        if (type.equals("DOUBLE") || type.startsWith("DECIMAL") || type.endsWith("INT") || type.equals("INTEGER")
                || type.equals("HUGEINT") || type.equals("UHUGEINT") || type.equals("BOOLEAN")) {
            return NUMBER;
        }
        if (type.equals("VARCHAR") || type.startsWith("ENUM")) {
            return TEXT;
        }
        if (type.equals("TIMESTAMP WITH TIME ZONE") || type.equals("TIMESTAMPTZ")) {
            return TIMESTAMP;
        }
        if (type.startsWith("TIMESTAMP")) {
            return NAIVE_TIMESTAMP;
        }
        if (type.equals("DATE")) {
            return DATE;
        }
        return OTHER;
    }

    public boolean isNumeric() {
        return this == NUMBER || this == FLOAT32;
    }

    public boolean isTime() {
        return this == TIMESTAMP || this == NAIVE_TIMESTAMP || this == DATE;
    }
}
