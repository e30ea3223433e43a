package org.marketlake.sources.jdbc;

import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Column;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.LakeSchema;

/**
 * One source table as found in the database: which of its columns feeds each lake column, and how its timestamps
 * are read. Found once, before any row is read, so a missing column or an undeclared zone stops the export with
 * nothing written.
 *
 * @param lakeColumns lake schema positions read from the source (symbol and timestamp excluded), in query order
 * @param sourceColumns the source column of each, or null when the source lacks that (nullable) lake column
 */
record SourceTable(TableMapping mapping, String symbolColumn, String timestampColumn, int timestampSqlType,
        SourceTimestamps.Mode timestampMode, List<Integer> lakeColumns, List<String> sourceColumns) {

    DataKind kind() {
        return mapping.kind();
    }

    /** The table of {@code mapping}, or empty when the database has no such table. */
    static Optional<SourceTable> find(Connection connection, TableMapping mapping, boolean sqlite) throws SQLException {
        Map<String, SourceColumn> columns = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            ResultSetMetaData metadata;
            try {
                metadata = statement.executeQuery("SELECT * FROM " + mapping.table() + " WHERE 1 = 0").getMetaData();
            } catch (SQLException missing) {
                return Optional.empty();
            }
            for (int i = 1; i <= metadata.getColumnCount(); i++) {
                String name = metadata.getColumnLabel(i);
                columns.put(name.toLowerCase(Locale.ROOT), new SourceColumn(name, metadata.getColumnType(i), metadata.getColumnTypeName(i)));
            }
        }
        String symbol = require(mapping, columns, LakeSchema.SYMBOL).name();
        SourceColumn timestampSource = require(mapping, columns, LakeSchema.TIMESTAMP_COLUMN);
        String timestamp = timestampSource.name();
        int sqlType = timestampSource.sqlType();
        SourceTimestamps.Mode mode = sqlite ? SourceTimestamps.Mode.DYNAMIC : mode(sqlType, timestampSource.typeName());
        if (mode == SourceTimestamps.Mode.LOCAL && mapping.zone() == null) {
            throw new InvalidRequestException("column " + mapping.table() + "." + timestamp + " is a timestamp without time zone: say which zone its values are in with"
                    + " 'timezone:' in the mapping (for example timezone: America/New_York or UTC)").about("mapping");
        }
        List<Integer> lakeColumns = new ArrayList<>();
        List<String> sourceColumns = new ArrayList<>();
        LakeSchema schema = mapping.kind().schema();
        for (int index = LakeSchema.TS + 1; index < schema.size(); index++) {
            Column column = schema.column(index);
            if (column.name().equals("spread")) {
                continue;
            }
            SourceColumn source = columns.get(mapping.sourceColumn(column.name()).toLowerCase(Locale.ROOT));
            if (source == null && !column.nullable()) {
                source = require(mapping, columns, column.name());
            }
            lakeColumns.add(index);
            sourceColumns.add(source == null ? null : source.name());
        }
        return Optional.of(new SourceTable(mapping, symbol, timestamp, sqlType, mode, lakeColumns, sourceColumns));
    }

    private static SourceTimestamps.Mode mode(int sqlType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (sqlType == Types.TIMESTAMP_WITH_TIMEZONE || name.equals("timestamptz") || name.contains("with time zone")) {
            return SourceTimestamps.Mode.OFFSET;
        }
        if (sqlType == Types.TIMESTAMP) {
            return SourceTimestamps.Mode.LOCAL;
        }
        if (sqlType == Types.DATE) {
            return SourceTimestamps.Mode.DATE;
        }
        return SourceTimestamps.Mode.DYNAMIC;
    }

    private record SourceColumn(String name, int sqlType, String typeName) {}

    private static SourceColumn require(TableMapping mapping, Map<String, SourceColumn> columns, String lakeColumn) {
        String wanted = mapping.sourceColumn(lakeColumn);
        SourceColumn found = columns.get(wanted.toLowerCase(Locale.ROOT));
        if (found == null) {
            throw new InvalidRequestException("table " + mapping.table() + " has no column " + wanted + " for the lake column " + lakeColumn
                    + " of " + mapping.kind().viewName() + ": map it with 'columns: {" + lakeColumn + ": <source column>}' in the mapping").about("mapping");
        }
        return found;
    }

    /** {@code SELECT timestamp, value columns... FROM table WHERE symbol = ? [bounds] ORDER BY timestamp}. */
    String selectSql(String bounds) {
        StringBuilder sql = new StringBuilder("SELECT ").append(timestampColumn);
        for (String source : sourceColumns) {
            sql.append(", ").append(source == null ? "NULL" : source);
        }
        sql.append(" FROM ").append(mapping.table()).append(" WHERE ").append(symbolColumn).append(" = ?");
        if (bounds != null) {
            sql.append(" AND ").append(bounds);
        }
        return sql.append(" ORDER BY ").append(timestampColumn).toString();
    }

    boolean numericTimestamps() {
        return switch (timestampSqlType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.REAL, Types.FLOAT -> true;
            default -> false;
        };
    }
}
