package org.marketlake.ingest.input;

import org.marketlake.core.time.TimestampParser;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.sql.LakeSql;

/**
 * Parquet written by other tools (pandas/pyarrow, Polars, DuckDB, Spark), read through DuckDB, which handles
 * every page codec (SNAPPY, GZIP, ZSTD, LZ4, BROTLI) and timestamp encoding (INT64 millis, micros or nanos,
 * INT96), and streamed row by row through JDBC so a large file never sits in memory.
 *
 * <p>Timestamp columns: a Parquet timestamp adjusted to UTC is that instant; one without a time zone
 * ({@code isAdjustedToUTC=false}: pandas' naive datetime64, DuckDB's TIMESTAMP) holds wall-clock times and is
 * refused unless {@code --tz} says which zone they are in, as text without an offset is; INT96, which has no
 * such flag, is read as the UTC instant (how Spark, Hive and Impala write it);
 * nanoseconds are floored to the microsecond; an integer column needs {@code --epoch-unit}; a text column is
 * parsed as in CSV.
 */
final class ParquetInput {
    private ParquetInput() {}

    private enum TimestampKind {
        INSTANT_MICROS,
        INSTANT_NANOS,
        LOCAL_MICROS,
        LOCAL_NANOS,
        INTEGER,
        TEXT
    }

    static void read(Path file, RecordLayout layout, ColumnMapping mapping, TimestampParser timestamps, RowSink sink) {
        String source = "read_parquet('" + file.toAbsolutePath().toString().replace("'", "''") + "')";
        try (LakeSql sql = LakeSql.inMemory()) {
            // Streaming: without it the JDBC driver materialises the whole result before the first row.
            sql.execute("SET jdbc_stream_results = true");
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            try (Statement statement = sql.connection().createStatement();
                    ResultSet described = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
                while (described.next()) {
                    names.add(described.getString("column_name"));
                    types.add(described.getString("column_type").toUpperCase(Locale.ROOT));
                }
            }
            ColumnMapping.Resolved columns = mapping.resolve(layout, names, file.toString());
            String timestampType = types.get(columns.timestamp());
            TimestampKind kind = timestampKind(timestampType, file, names.get(columns.timestamp()));
            if ((kind == TimestampKind.LOCAL_MICROS || kind == TimestampKind.LOCAL_NANOS) && isInt96(sql, source, names.get(columns.timestamp()))) {
                // INT96 has no time-zone flag; Spark, Hive and Impala write it as the UTC instant.
                kind = kind == TimestampKind.LOCAL_MICROS ? TimestampKind.INSTANT_MICROS : TimestampKind.INSTANT_NANOS;
            }
            if ((kind == TimestampKind.LOCAL_MICROS || kind == TimestampKind.LOCAL_NANOS) && timestamps.zone() == null) {
                throw new org.marketlake.core.error.InvalidRequestException("timestamp column without a time zone [file=" + file + ", column="
                        + names.get(columns.timestamp()) + ", value=" + timestampType + "]: its values are wall-clock times (isAdjustedToUTC=false);"
                        + " say which zone they are in").about("time zone");
            }
            if (kind == TimestampKind.INTEGER && timestamps.unit() == null) {
                timestamps.fromEpoch(0); // throws the usage error that names the flag
            }
            List<String> select = new ArrayList<>();
            String ts = quote(names.get(columns.timestamp()));
            select.add(switch (kind) {
                case INSTANT_MICROS, LOCAL_MICROS -> "epoch_us(" + ts + ")";
                // The session zone is UTC, so the zone-less cast keeps the UTC wall clock, i.e. the instant.
                case INSTANT_NANOS, LOCAL_NANOS -> "epoch_ns(CAST(" + ts + " AS TIMESTAMP_NS))";
                case INTEGER -> "CAST(" + ts + " AS BIGINT)";
                case TEXT -> "CAST(" + ts + " AS VARCHAR)";
            });
            boolean[] numeric = new boolean[columns.numbers().length];
            for (int i = 0; i < columns.numbers().length; i++) {
                int index = columns.numbers()[i];
                if (index < 0) {
                    select.add("NULL");
                    numeric[i] = true;
                } else {
                    numeric[i] = isNumeric(types.get(index));
                    select.add("CAST(" + quote(names.get(index)) + (numeric[i] ? " AS DOUBLE)" : " AS VARCHAR)"));
                }
            }
            select.add(columns.text() < 0 ? "NULL" : "CAST(" + quote(names.get(columns.text())) + " AS VARCHAR)");
            stream(sql, "SELECT " + String.join(", ", select) + " FROM " + source, kind, numeric, layout, timestamps, sink, file);
        } catch (SQLException e) {
            throw new InvalidDataException("cannot read Parquet [file=" + file + "]: " + oneLine(e.getMessage()), e);
        } catch (org.marketlake.core.error.InvalidRequestException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw new InvalidDataException("cannot read Parquet [file=" + file + "]: " + oneLine(cause.getMessage()), e);
            }
            throw e;
        }
    }

    private static void stream(LakeSql sql, String query, TimestampKind kind, boolean[] numeric, RecordLayout layout,
            TimestampParser timestamps, RowSink sink, Path file) throws SQLException {
        RowParser parser = new RowParser(layout, timestamps, sink, file.toString());
        int numbers = numeric.length;
        try (Statement statement = sql.connection().createStatement(); ResultSet rows = statement.executeQuery(query)) {
            long row = 0;
            next:
            while (rows.next()) {
                row++;
                long timestamp;
                switch (kind) {
                    case TEXT -> timestamp = parser.timestamp(rows.getString(1), row);
                    default -> {
                        long raw = rows.getLong(1);
                        if (rows.wasNull()) {
                            sink.reject(Reason.MISSING_VALUE, row, "timestamp is null");
                            continue;
                        }
                        timestamp = switch (kind) {
                            case INSTANT_MICROS -> raw;
                            case INSTANT_NANOS -> Math.floorDiv(raw, 1000L);
                            case LOCAL_MICROS -> timestamps.fromWallClock(raw);
                            case LOCAL_NANOS -> timestamps.fromWallClock(Math.floorDiv(raw, 1000L));
                            case INTEGER -> parser.timestampFromEpoch(raw, row);
                            case TEXT -> throw new IllegalStateException("handled above");
                        };
                    }
                }
                if (timestamp == Long.MIN_VALUE) {
                    continue;
                }
                for (int i = 0; i < numbers; i++) {
                    if (numeric[i]) {
                        double value = rows.getDouble(i + 2);
                        if (rows.wasNull()) {
                            if (!parser.number(i, null, row)) {
                                continue next;
                            }
                        } else {
                            parser.number(i, value);
                        }
                    } else if (!parser.number(i, rows.getString(i + 2), row)) {
                        continue next;
                    }
                }
                parser.accept(timestamp, CsvInput.emptyToNull(rows.getString(numbers + 2)), row);
            }
        }
    }

    /** Whether the Parquet column {@code name} is stored as INT96 (DuckDB shows it as a zone-less TIMESTAMP). */
    private static boolean isInt96(LakeSql sql, String source, String name) throws SQLException {
        String schema = source.replaceFirst("^read_parquet", "parquet_schema");
        try (java.sql.PreparedStatement statement = sql.connection().prepareStatement("SELECT type FROM " + schema + " WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && "INT96".equals(rows.getString(1));
            }
        }
    }

    private static TimestampKind timestampKind(String type, Path file, String column) {
        if (type.contains("WITH TIME ZONE") || type.startsWith("TIMESTAMPTZ")) {
            return type.contains("_NS") ? TimestampKind.INSTANT_NANOS : TimestampKind.INSTANT_MICROS;
        }
        if (type.equals("TIMESTAMP_NS")) {
            return TimestampKind.LOCAL_NANOS;
        }
        if (type.startsWith("TIMESTAMP")) {
            return TimestampKind.LOCAL_MICROS;
        }
        if (type.equals("BIGINT") || type.equals("INTEGER") || type.equals("UBIGINT") || type.equals("UINTEGER")
                || type.equals("HUGEINT") || type.equals("SMALLINT")) {
            return TimestampKind.INTEGER;
        }
        if (type.equals("VARCHAR") || type.startsWith("DECIMAL") || type.equals("DOUBLE") || type.equals("FLOAT")) {
            return TimestampKind.TEXT;
        }
        throw new InvalidDataException("unsupported timestamp column type [file=" + file + ", column=" + column + ", value=" + type
                + "]: use a Parquet timestamp, an integer epoch or ISO-8601 text");
    }

    private static boolean isNumeric(String type) {
        return switch (type) {
            case "DOUBLE", "FLOAT", "REAL", "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "UBIGINT", "UINTEGER", "USMALLINT",
                    "UTINYINT", "HUGEINT" -> true;
            default -> type.startsWith("DECIMAL");
        };
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.replace('\n', ' ').replaceAll("\\s+", " ").strip();
    }
}
