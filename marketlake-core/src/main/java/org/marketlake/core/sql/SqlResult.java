package org.marketlake.core.sql;

import java.util.List;

/** The rows of a SQL query, with column names and DuckDB type names. */
public record SqlResult(List<String> columns, List<String> types, List<Object[]> rows) {
    public SqlResult {
        columns = List.copyOf(columns);
        types = List.copyOf(types);
        rows = List.copyOf(rows);
    }
}
