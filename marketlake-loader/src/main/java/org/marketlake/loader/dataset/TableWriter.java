package org.marketlake.loader.dataset;

import org.marketlake.core.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

/**
 * Writes a {@link Table} as ZSTD Parquet through DuckDB (appender, then {@code COPY}) or as pandas
 * {@code records} JSON. Each file is written under a temporary name beside its target and renamed into place,
 * so a reader never sees half a file. NaN becomes null; {@code ds} is a UTC timestamp, or text
 * {@code YYYY-MM-DD HH:MM:SS} (the design's template) when asked.
 */
public final class TableWriter {
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** How {@code ds} and timestamp columns are written. */
    public enum TimeFormat {
        /** Parquet TIMESTAMP(MICROS, UTC). */
        TIMESTAMP,
        /** Text {@code YYYY-MM-DD HH:MM:SS} in UTC, as the design's template has it. */
        TEXT
    }

    private TableWriter() {}

    public static void writeParquet(Table table, Path target, TimeFormat timeFormat) {
        publish(target, temporary -> copyParquet(table, temporary, timeFormat, target));
    }

    private static void copyParquet(Table table, Path temporary, TimeFormat timeFormat, Path target) {
        try (LakeSql sql = LakeSql.inMemory()) {
            DuckDBConnection connection = sql.connection().unwrap(DuckDBConnection.class);
            List<TableColumn> columns = table.columns();
            StringBuilder create = new StringBuilder("CREATE TABLE t (ds BIGINT");
            StringBuilder select = new StringBuilder("SELECT " + time("ds", timeFormat) + " AS ds");
            for (int c = 0; c < columns.size(); c++) {
                TableColumn column = columns.get(c);
                String quoted = quote(column.name());
                String type = switch (column) {
                    case TableColumn.Doubles doubles -> "DOUBLE";
                    case TableColumn.Floats floats -> "REAL";
                    case TableColumn.Texts texts -> "VARCHAR";
                    case TableColumn.Categorical categorical -> "VARCHAR";
                    case TableColumn.Times times -> "BIGINT";
                };
                create.append(", c").append(c).append(' ').append(type);
                select.append(", ").append(column instanceof TableColumn.Times ? time("c" + c, timeFormat) : "c" + c)
                        .append(" AS ").append(quoted);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(create.append(")").toString());
            }
            long[] ds = table.ds();
            try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "t")) {
                for (int row = 0; row < ds.length; row++) {
                    appender.beginRow();
                    appender.append(ds[row]);
                    for (TableColumn column : columns) {
                        append(appender, column, row);
                    }
                    appender.endRow();
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("COPY (" + select + " FROM t) TO '" + temporary.toString().replace("'", "''")
                        + "' (FORMAT parquet, COMPRESSION zstd)");
            }
        } catch (SQLException e) {
            throw new InvalidDataException("cannot write Parquet [file=" + target + "]: " + e.getMessage(), e);
        }
    }

    private static void append(DuckDBAppender appender, TableColumn column, int row) throws SQLException {
        switch (column) {
            case TableColumn.Doubles doubles -> {
                double value = doubles.values()[row];
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    appender.appendNull();
                } else {
                    appender.append(value);
                }
            }
            case TableColumn.Floats floats -> {
                float value = floats.values()[row];
                if (Float.isNaN(value) || Float.isInfinite(value)) {
                    appender.appendNull();
                } else {
                    appender.append(value);
                }
            }
            case TableColumn.Texts texts -> appendText(appender, texts.values()[row]);
            case TableColumn.Categorical categorical -> appendText(appender, categorical.value(row));
            case TableColumn.Times times -> {
                long value = times.micros()[row];
                if (value == TableColumn.NULL_TIME) {
                    appender.appendNull();
                } else {
                    appender.append(value);
                }
            }
        }
    }

    private static void appendText(DuckDBAppender appender, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    private static String time(String column, TimeFormat format) {
        return switch (format) {
            case TIMESTAMP -> "CAST(make_timestamp(" + column + ") AS TIMESTAMPTZ)";
            case TEXT -> "strftime(make_timestamp(" + column + "), '%Y-%m-%d %H:%M:%S')";
        };
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** pandas {@code to_json(orient="records")}: one object per row, NaN as null, ds as text. */
    public static void writeJsonRecords(Table table, Path target) {
        List<TableColumn> columns = table.columns();
        publish(target, temporary -> writeJsonRecords(table, columns, temporary));
    }

    private static void writeJsonRecords(Table table, List<TableColumn> columns, Path temporary) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(temporary.toFile(), JsonEncoding.UTF8)) {
            json.writeStartArray();
            long[] ds = table.ds();
            for (int row = 0; row < ds.length; row++) {
                json.writeStartObject();
                json.writeStringField("ds", text(ds[row]));
                for (TableColumn column : columns) {
                    json.writeFieldName(column.name());
                    switch (column) {
                        case TableColumn.Doubles doubles -> number(json, doubles.values()[row]);
                        case TableColumn.Floats floats -> number(json, floats.values()[row]);
                        case TableColumn.Texts texts -> nullableText(json, texts.values()[row]);
                        case TableColumn.Categorical categorical -> nullableText(json, categorical.value(row));
                        case TableColumn.Times times -> nullableText(json,
                                times.micros()[row] == TableColumn.NULL_TIME ? null : text(times.micros()[row]));
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }

    private static void number(JsonGenerator json, double value) throws IOException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }

    private static void nullableText(JsonGenerator json, String value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(value);
        }
    }

    static String text(long micros) {
        return TEXT.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000));
    }

    private static void publish(Path target, AtomicFiles.ContentWriter writer) {
        try {
            AtomicFiles.publish(target, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
