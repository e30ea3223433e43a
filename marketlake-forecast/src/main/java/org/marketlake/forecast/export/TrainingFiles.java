package org.marketlake.forecast.export;

import org.marketlake.core.io.AtomicFiles;
import java.io.UncheckedIOException;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.model.Micros;
import org.marketlake.core.sql.LakeSql;

/**
 * Writes a training set where GluonTS (and so Chronos's {@code train.py}) reads it: one row per series with
 * {@code start} (a UTC timestamp without zone, microseconds) and {@code target} (a list of float32, NaN for
 * missing). Parquet goes through DuckDB; Arrow IPC through Arrow Java ({@link ArrowTrainingFile}). Either is written beside the
 * target and moved into place, so a failed export never leaves half a file under the final name.
 */
final class TrainingFiles {
    static final int VALUES_PER_PART = 1 << 20;

    private TrainingFiles() {}

    public static void writeParquet(List<TrainingSeries> series, Path out) {
        publish(out, temporary -> {
            try (LakeSql sql = LakeSql.inMemory()) {
                // a long series goes in as parts, so no more than one part is ever boxed for JDBC at a time
                sql.execute("CREATE TABLE training (row_number INTEGER, part INTEGER, start TIMESTAMP, target FLOAT[])");
                Connection connection = sql.connection();
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO training VALUES (?, ?, ?, ?)")) {
                    for (int row = 0; row < series.size(); row++) {
                        TrainingSeries one = series.get(row);
                        float[] target = one.target();
                        for (int from = 0, part = 0; from < target.length; from += VALUES_PER_PART, part++) {
                            Float[] boxed = new Float[Math.min(VALUES_PER_PART, target.length - from)];
                            for (int i = 0; i < boxed.length; i++) {
                                boxed[i] = target[from + i];
                            }
                            insert.setInt(1, row);
                            insert.setInt(2, part);
                            insert.setObject(3, localDateTime(one.startMicros()));
                            insert.setArray(4, connection.createArrayOf("FLOAT", boxed));
                            insert.execute();
                        }
                    }
                } catch (SQLException e) {
                    throw new InvalidDataException("cannot stage training series in DuckDB [file=" + out + "]: " + e.getMessage(), e);
                }
                sql.execute("COPY (SELECT start, flatten(list(target ORDER BY part)) AS target FROM training"
                        + " GROUP BY row_number, start ORDER BY row_number) TO '"
                        + temporary.toString().replace("'", "''") + "' (FORMAT parquet, COMPRESSION zstd)");
            }
        });
    }

    public static void writeArrow(List<TrainingSeries> series, Path out) {
        try {
            AtomicFiles.publishStream(out, stream -> ArrowTrainingFile.write(series, stream));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write training set " + out, e);
        }
    }

    static LocalDateTime localDateTime(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, Micros.PER_SECOND),
                (int) Math.floorMod(micros, Micros.PER_SECOND) * 1000, ZoneOffset.UTC);
    }

    private static void publish(Path out, AtomicFiles.ContentWriter writing) {
        try {
            AtomicFiles.publish(out, writing);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write training set " + out, e);
        }
    }
}
