package org.marketlake.core.model;

/** One column of a lake schema. */
public record Column(String name, ColumnType type, boolean nullable) {
    public Column {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("column name is blank");
        }
        if (type == null) {
            throw new IllegalArgumentException("column " + name + " has no type");
        }
    }

    static Column required(String name, ColumnType type) {
        return new Column(name, type, false);
    }

    static Column optional(String name, ColumnType type) {
        return new Column(name, type, true);
    }
}
