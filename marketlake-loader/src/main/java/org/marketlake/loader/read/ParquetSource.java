package org.marketlake.loader.read;

import org.marketlake.loader.table.TableColumn;

import org.marketlake.loader.table.SourceType;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.core.sql.SqlResult;

/**
 * A Parquet file read through DuckDB's {@code read_parquet}: only the requested columns are read (column
 * pruning), instants come back as epoch microseconds ({@code epoch_us}), and rows stream {@code chunkSize} at a
 * time into primitive arrays sized from the footer's row count, so no row objects are ever built.
 */
final class ParquetSource implements Source {
    private final Path file;
    private final int chunkSize;
    private final LakeSql sql = LakeSql.inMemory();
    private Map<String, SourceType> schema;

    ParquetSource(Path file, int chunkSize) {
        this.file = file;
        this.chunkSize = chunkSize;
    }

    private String from() {
        return "read_parquet('" + file.toAbsolutePath().toString().replace("'", "''") + "')";
    }

    @Override
    public Map<String, SourceType> schema() {
        if (schema == null) {
            SqlResult described;
            try {
                described = sql.query("DESCRIBE SELECT * FROM " + from());
            } catch (RuntimeException e) {
                throw new InvalidDataException("Malformed Parquet file, cannot read its schema [file=" + file + "]: " + e.getMessage(), e);
            }
            Map<String, SourceType> types = new LinkedHashMap<>();
            for (Object[] row : described.rows()) {
                types.put((String) row[0], SourceType.ofDuckDb((String) row[1]));
            }
            schema = types;
        }
        return schema;
    }

    @Override
    public List<TableColumn> read(List<String> names, MemoryBudget budget) {
        Map<String, SourceType> types = schema();
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < names.size(); i++) {
            String quoted = '"' + names.get(i).replace("\"", "\"\"") + '"';
            select.append(i == 0 ? "" : ", ").append(switch (types.get(names.get(i))) {
                case TIMESTAMP, NAIVE_TIMESTAMP -> "epoch_us(" + quoted + ")";
                case DATE -> "epoch_us(CAST(" + quoted + " AS TIMESTAMP))";
                case NUMBER -> "CAST(" + quoted + " AS DOUBLE)";
                default -> quoted;
            });
        }
        select.append(" FROM ").append(from());
        try (Statement statement = sql.connection().createStatement()) {
            long count;
            try (ResultSet counted = statement.executeQuery("SELECT count(*) FROM " + from())) {
                counted.next();
                count = counted.getLong(1);
            }
            int rows = Math.toIntExact(count);
            budget.reserve(estimate(names, types, rows), file.toString());
            statement.setFetchSize(chunkSize);
            Object[] arrays = new Object[names.size()];
            for (int c = 0; c < arrays.length; c++) {
                arrays[c] = switch (types.get(names.get(c))) {
                    case NUMBER -> new double[rows];
                    case FLOAT32 -> new float[rows];
                    case TIMESTAMP, NAIVE_TIMESTAMP, DATE -> new long[rows];
                    case TEXT, OTHER -> new String[rows];
                };
            }
            int row = 0;
            try (ResultSet results = statement.executeQuery(select.toString())) {
                while (results.next()) {
                    if (row == rows) {
                        throw new InvalidDataException("Parquet file changed while being read [file=" + file + "]");
                    }
                    for (int c = 0; c < arrays.length; c++) {
                        int index = c + 1;
                        switch (arrays[c]) {
                            case double[] values -> {
                                double value = results.getDouble(index);
                                values[row] = results.wasNull() ? Double.NaN : value;
                            }
                            case float[] values -> {
                                float value = results.getFloat(index);
                                values[row] = results.wasNull() ? Float.NaN : value;
                            }
                            case long[] values -> {
                                long value = results.getLong(index);
                                values[row] = results.wasNull() ? TableColumn.NULL_TIME : value;
                            }
                            case String[] values -> values[row] = results.getString(index);
                            default -> throw new IllegalStateException("unexpected array " + arrays[c]);
                        }
                    }
                    row++;
                }
            }
            List<TableColumn> columns = new ArrayList<>();
            for (int c = 0; c < arrays.length; c++) {
                String name = names.get(c);
                Object values = row == rows ? arrays[c] : shrink(arrays[c], row);
                columns.add(switch (values) {
                    case double[] doubles -> new TableColumn.Doubles(name, doubles);
                    case float[] floats -> new TableColumn.Floats(name, floats);
                    case long[] longs -> new TableColumn.Times(name, longs);
                    case String[] strings -> new TableColumn.Texts(name, strings);
                    default -> throw new IllegalStateException("unexpected array " + values);
                });
            }
            return columns;
        } catch (SQLException e) {
            throw new InvalidDataException("Malformed Parquet file, cannot read it [file=" + file + "]: " + e.getMessage(), e);
        }
    }

    static long estimate(List<String> names, Map<String, SourceType> types, long rows) {
        long perRow = 8;
        for (String name : names) {
            perRow += switch (types.get(name)) {
                case FLOAT32 -> 4;
                case TEXT, OTHER -> 56;
                default -> 8;
            };
        }
        return perRow * rows;
    }

    private static Object shrink(Object array, int size) {
        return switch (array) {
            case double[] values -> Arrays.copyOf(values, size);
            case float[] values -> Arrays.copyOf(values, size);
            case long[] values -> Arrays.copyOf(values, size);
            case String[] values -> Arrays.copyOf(values, size);
            default -> throw new IllegalStateException("unexpected array " + array);
        };
    }

    @Override
    public void close() {
        sql.close();
    }
}
