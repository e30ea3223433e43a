package org.marketlake.forecast.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A training set as an Arrow IPC file (the random-access "ARROW1" format GluonTS's {@code ArrowWriter} produces
 * and its {@code FileDataset} reads), written with Arrow Java: {@code start: timestamp[us] not null,
 * target: list<item: float> not null}, the start without a zone because GluonTS reads it as a naive UTC time.
 * Series go into record batches of up to {@link #VALUES_PER_BATCH} values (a longer series is a batch of its
 * own), so the off-heap copy is one batch, never the whole set.
 */
final class ArrowTrainingFile {
    static final int VALUES_PER_BATCH = 1 << 22;
    private static final int SCRATCH_VALUES = 1 << 14;
    static final Schema SCHEMA = new Schema(List.of(
            new Field("start", FieldType.notNullable(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)), null),
            new Field("target", FieldType.notNullable(ArrowType.List.INSTANCE), List.of(
                    new Field("item", FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)), null)))));

    private ArrowTrainingFile() {}

    /** Writes the whole file to {@code out}, which is closed afterwards. */
    static void write(List<TrainingSeries> series, OutputStream out) throws IOException {
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
                ArrowFileWriter writer = new ArrowFileWriter(root, null, Channels.newChannel(out))) {
            writer.start();
            int from = 0;
            while (from < series.size()) {
                int to = from;
                long values = 0;
                do {
                    values += series.get(to).target().length;
                    to++;
                } while (to < series.size() && values + series.get(to).target().length <= VALUES_PER_BATCH);
                fill(root, series.subList(from, to), Math.toIntExact(values));
                writer.writeBatch();
                from = to;
            }
            writer.end();
        }
    }

    private static void fill(VectorSchemaRoot root, List<TrainingSeries> batch, int values) {
        TimeStampMicroVector start = (TimeStampMicroVector) root.getVector("start");
        ListVector target = (ListVector) root.getVector("target");
        Float4Vector items = (Float4Vector) target.getDataVector();
        root.clear();
        start.allocateNew(batch.size());
        target.setInitialCapacity(batch.size());
        target.allocateNew();
        items.allocateNew(values);
        // every item is valid (NaN is a value, a missing bar, not a null), and the floats go in as bulk copies
        // through a small little-endian scratch: a value-by-value set() doubles the writer's time
        items.getValidityBuffer().setOne(0, BitVectorHelper.getValidityBufferSizeFromCount(values));
        ArrowBuf data = items.getDataBuffer();
        ByteBuffer scratch = ByteBuffer.allocate(Float.BYTES * SCRATCH_VALUES).order(ByteOrder.LITTLE_ENDIAN);
        long at = 0;
        for (int row = 0; row < batch.size(); row++) {
            TrainingSeries one = batch.get(row);
            start.set(row, one.startMicros());
            target.startNewValue(row);
            float[] floats = one.target();
            for (int from = 0; from < floats.length; from += SCRATCH_VALUES) {
                int length = Math.min(SCRATCH_VALUES, floats.length - from);
                scratch.clear();
                scratch.asFloatBuffer().put(floats, from, length);
                data.setBytes(at, scratch, 0, Float.BYTES * length);
                at += (long) Float.BYTES * length;
            }
            target.endValue(row, floats.length);
        }
        items.setValueCount(values);
        root.setRowCount(batch.size());
    }
}
