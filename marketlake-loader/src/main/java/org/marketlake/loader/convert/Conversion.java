package org.marketlake.loader.convert;

import org.marketlake.core.time.TimestampParser;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.marketlake.core.error.SchemaMismatchException;
import org.marketlake.loader.table.Columns;
import org.marketlake.loader.table.SourceType;
import org.marketlake.loader.table.TableColumn;

/**
 * Turns source columns into the loader's types: the datetime column into UTC epoch microseconds (a value that
 * is not a timestamp, or a missing one, is a {@link SchemaMismatchException} naming file, row, column and value),
 * timestamp columns likewise but nullable. Texts without offset and naive instants are in {@code zone}; numbers
 * in a datetime column are epoch milliseconds (pandas' default JSON date format).
 */
public final class Conversion {
    private final ZoneId zone;
    private final TimestampParser parser;

    public Conversion(ZoneId zone) {
        this.zone = zone;
        this.parser = TimestampParser.allowingDates(zone, null);
    }

    /** The datetime column: every row must hold a timestamp. */
    public long[] datetime(Path file, TableColumn column, SourceType type) {
        return convert(file, column, type, false);
    }

    /** A timestamp column such as {@code spread_10Y_2Y_date}: nulls allowed ({@link TableColumn#NULL_TIME}). */
    public TableColumn.Times timestamps(Path file, TableColumn column, SourceType type) {
        return new TableColumn.Times(column.name(), convert(file, column, type, true));
    }

    private long[] convert(Path file, TableColumn column, SourceType type, boolean nullable) {
        int rows = column.size();
        long[] out = new long[rows];
        switch (column) {
            case TableColumn.Times times -> {
                long[] micros = times.micros();
                boolean shift = type == SourceType.NAIVE_TIMESTAMP && !zone.normalized().equals(ZoneOffset.UTC);
                for (int row = 0; row < rows; row++) {
                    long value = micros[row];
                    if (value == TableColumn.NULL_TIME) {
                        missing(file, column.name(), row, nullable);
                        out[row] = TableColumn.NULL_TIME;
                    } else {
                        out[row] = shift ? inZone(value) : value;
                    }
                }
            }
            case TableColumn.Texts texts -> {
                String[] values = texts.values();
                for (int row = 0; row < rows; row++) {
                    String value = values[row];
                    if (value == null || value.isBlank()) {
                        missing(file, column.name(), row, nullable);
                        out[row] = TableColumn.NULL_TIME;
                        continue;
                    }
                    try {
                        out[row] = parser.parse(value);
                    } catch (IllegalArgumentException | org.marketlake.core.error.InvalidRequestException e) {
                        throw new SchemaMismatchException("Unparseable timestamp [file=" + file + ", row=" + row + ", column="
                                + column.name() + ", value=" + value + "]: " + e.getMessage() + " (use ISO-8601 or YYYY-MM-DD HH:MM:SS)");
                    }
                }
            }
            case TableColumn.Doubles doubles -> {
                double[] values = doubles.values();
                for (int row = 0; row < rows; row++) {
                    if (Double.isNaN(values[row])) {
                        missing(file, column.name(), row, nullable);
                        out[row] = TableColumn.NULL_TIME;
                    } else {
                        out[row] = Math.round(values[row] * 1000.0);
                    }
                }
            }
            case TableColumn.Floats floats -> throw new SchemaMismatchException("Timestamp column holds 32-bit floats [file="
                    + file + ", column=" + floats.name() + "]");
            case TableColumn.Categorical categorical -> {
                return convert(file, new TableColumn.Texts(categorical.name(), Columns.texts(categorical)), type, nullable);
            }
        }
        return out;
    }

    private long inZone(long naiveMicros) {
        long seconds = Math.floorDiv(naiveMicros, 1_000_000L);
        long fraction = Math.floorMod(naiveMicros, 1_000_000L);
        LocalDateTime local = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        return local.atZone(zone).toEpochSecond() * 1_000_000L + fraction;
    }

    private static void missing(Path file, String column, int row, boolean nullable) {
        if (!nullable) {
            throw new SchemaMismatchException("Missing timestamp [file=" + file + ", row=" + row + ", column=" + column
                    + ", value=null]: every row needs its datetime");
        }
    }
}
