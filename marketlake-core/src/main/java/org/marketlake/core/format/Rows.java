package org.marketlake.core.format;

import java.time.Instant;
import java.util.List;
import org.marketlake.core.model.ColumnType;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.sql.SqlResult;

/**
 * A table to print: column names and boxed cells (Instant for timestamps, Double, Integer, Long, String...).
 * Frames and SQL results both print through it, so the text conventions are the same everywhere.
 */
public interface Rows {
    List<String> names();

    int size();

    Object value(int row, int column);

    /** Rows already boxed, one array per row in {@code names} order. */
    static Rows table(List<String> names, List<Object[]> rows) {
        List<String> columns = List.copyOf(names);
        List<Object[]> values = List.copyOf(rows);
        return new Rows() {
            @Override
            public List<String> names() {
                return columns;
            }

            @Override
            public int size() {
                return values.size();
            }

            @Override
            public Object value(int row, int column) {
                return values.get(row)[column];
            }
        };
    }

    /**
     * A frame's rows; timestamps as instants, but a daily bar's as its trading date ({@code 2013-10-07}): it stands
     * for the day, not for midnight UTC, so it prints the same whatever zone the rest is printed in.
     */
    static Rows of(Frame frame) {
        List<String> names = frame.columns().stream().map(org.marketlake.core.model.Column::name).toList();
        boolean daily = frame.kind() instanceof org.marketlake.core.model.DataKind.Bars bars && bars.timeframe().isDaily();
        return new Rows() {
            @Override
            public List<String> names() {
                return names;
            }

            @Override
            public int size() {
                return frame.size();
            }

            @Override
            public Object value(int row, int column) {
                Object value = frame.value(column, row);
                if (value != null && frame.columns().get(column).type() == ColumnType.TIMESTAMP) {
                    return daily ? Micros.utcDate((Long) value) : Micros.toInstant((Long) value);
                }
                return value;
            }
        };
    }

    static Rows of(SqlResult result) {
        return new Rows() {
            @Override
            public List<String> names() {
                return result.columns();
            }

            @Override
            public int size() {
                return result.rows().size();
            }

            @Override
            public Object value(int row, int column) {
                Object value = result.rows().get(row)[column];
                return switch (value) {
                    case java.time.OffsetDateTime odt -> odt.toInstant();
                    case java.sql.Timestamp ts when result.types().get(column).contains("TIME ZONE") -> ts.toInstant();
                    case java.sql.Timestamp ts -> ts.toLocalDateTime();
                    case Instant instant -> instant;
                    case null, default -> value;
                };
            }
        };
    }
}
