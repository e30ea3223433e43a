package org.marketlake.web.encode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.marketlake.core.model.Column;
import org.marketlake.core.model.Frame;
import org.marketlake.core.store.ParquetExport;

/**
 * A frame as the bytes of a file for pandas and Polars: Arrow IPC (the stream format, one record batch, timestamps
 * {@code timestamp[us, tz=UTC]}) through Arrow Java, or ZSTD Parquet through the lake's own export.
 */
public final class FrameEncodings {
    private FrameEncodings() {}

    public static byte[] arrow(Frame frame) {
        List<Field> fields = new ArrayList<>();
        for (Column column : frame.columns()) {
            ArrowType type = switch (column.type()) {
                case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
                case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
                case INT32 -> new ArrowType.Int(32, true);
                case STRING -> ArrowType.Utf8.INSTANCE;
            };
            fields.add(new Field(column.name(), column.nullable() ? FieldType.nullable(type) : FieldType.notNullable(type), null));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
                ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
            int size = frame.size();
            for (int c = 0; c < fields.size(); c++) {
                fill(root.getVector(c), frame, c, size);
            }
            root.setRowCount(size);
            writer.start();
            writer.writeBatch();
            writer.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Arrow IPC", e);
        }
        return out.toByteArray();
    }

    private static void fill(FieldVector vector, Frame frame, int column, int size) {
        vector.setInitialCapacity(size);
        vector.allocateNew();
        for (int row = 0; row < size; row++) {
            boolean isNull = frame.isNull(column, row);
            switch (vector) {
                case TimeStampMicroTZVector stamps -> stamps.set(row, ((long[]) frame.array(column))[row]);
                case Float8Vector doubles -> {
                    if (isNull) {
                        doubles.setNull(row);
                    } else {
                        doubles.set(row, ((double[]) frame.array(column))[row]);
                    }
                }
                case IntVector ints -> {
                    if (isNull) {
                        ints.setNull(row);
                    } else {
                        ints.set(row, ((int[]) frame.array(column))[row]);
                    }
                }
                case VarCharVector strings -> {
                    Object value = frame.value(column, row);
                    if (value == null) {
                        strings.setNull(row);
                    } else {
                        strings.setSafe(row, value.toString().getBytes(StandardCharsets.UTF_8));
                    }
                }
                default -> throw new IllegalStateException("no Arrow writer for " + vector.getClass().getSimpleName());
            }
        }
        vector.setValueCount(size);
    }

    public static byte[] parquet(Frame frame) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("marketlake-web-");
            Path file = folder.resolve("bars.parquet");
            ParquetExport.write(frame, file);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Parquet", e);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a left-over temporary file is harmless
        }
    }
}
