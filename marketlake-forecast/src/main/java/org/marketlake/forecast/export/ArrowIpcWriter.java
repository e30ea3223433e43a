package org.marketlake.forecast.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An Arrow IPC file (the random-access "ARROW1" format GluonTS's {@code ArrowWriter} produces and its
 * {@code FileDataset} reads) with the schema {@code start: timestamp[us] not null, target: list<item: float>
 * not null}, written directly: the metadata is a few FlatBuffers tables, the body plain little-endian arrays,
 * so no Arrow library (and none of its off-heap memory setup) is needed. Series go into record batches of up to
 * {@link #VALUES_PER_BATCH} values.
 */
final class ArrowIpcWriter {
    private static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);
    private static final int CONTINUATION = 0xFFFFFFFF;
    private static final short METADATA_V5 = 4;
    private static final int HEADER_SCHEMA = 1;
    private static final int HEADER_RECORD_BATCH = 3;
    private static final int TYPE_FLOATING_POINT = 3;
    private static final int TYPE_TIMESTAMP = 10;
    private static final int TYPE_LIST = 12;
    private static final short PRECISION_SINGLE = 1;
    private static final short UNIT_MICROSECOND = 2;
    static final int VALUES_PER_BATCH = 1 << 22;

    private ArrowIpcWriter() {}

    static void write(List<TrainingSeries> series, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Counter position = new Counter(out);
            position.write(MAGIC);
            position.write(new byte[2]);
            writeMessage(position, message(HEADER_SCHEMA, schema(), 0), new byte[0]);
            List<long[]> blocks = new ArrayList<>();
            int from = 0;
            while (from < series.size()) {
                int to = from;
                long values = 0;
                do {
                    values += series.get(to).target().length;
                    to++;
                } while (to < series.size() && values + series.get(to).target().length <= VALUES_PER_BATCH);
                long offset = position.count;
                int metadataLength = writeRecordBatch(position, series.subList(from, to));
                blocks.add(new long[] {offset, metadataLength, position.count - offset - metadataLength});
                from = to;
            }
            position.write(littleEndian(CONTINUATION, 0));
            byte[] footer = FlatBuffer.finish(FlatBuffer.table()
                    .scalar(0, 2, METADATA_V5)
                    .child(1, schema())
                    .child(3, FlatBuffer.longStructs(blocks.stream()
                            // Block: offset (long), metaDataLength (int + 4 bytes padding), bodyLength (long)
                            .map(block -> new long[] {block[0], block[1] & 0xFFFFFFFFL, block[2]})
                            .toList())));
            position.write(footer);
            position.write(littleEndian(footer.length));
            position.write(MAGIC);
        }
    }

    /** Writes one record batch message and its body; returns the metadata's length including its prefix. */
    private static int writeRecordBatch(Counter out, List<TrainingSeries> batch) throws IOException {
        int rows = batch.size();
        int values = batch.stream().mapToInt(one -> one.target().length).sum();
        ByteBuffer starts = buffer(8L * rows);
        ByteBuffer offsets = buffer(4L * (rows + 1));
        ByteBuffer items = buffer(4L * values);
        int offset = 0;
        offsets.putInt(offset);
        for (TrainingSeries one : batch) {
            starts.putLong(one.startMicros());
            for (float value : one.target()) {
                items.putFloat(value);
            }
            offset += one.target().length;
            offsets.putInt(offset);
        }
        ByteBuffer[] bodyParts = {starts, offsets, items};
        // buffers in schema order: start (validity, values), target (validity, offsets), item (validity, values)
        long[] lengths = {0, starts.capacity(), 0, offsets.capacity(), 0, items.capacity()};
        List<long[]> buffers = new ArrayList<>();
        long bodyOffset = 0;
        for (long length : lengths) {
            buffers.add(new long[] {bodyOffset, length});
            bodyOffset += padded(length);
        }
        FlatBuffer.Node recordBatch = FlatBuffer.table()
                .scalar(0, 8, rows)
                .child(1, FlatBuffer.longStructs(List.of(new long[] {rows, 0}, new long[] {rows, 0}, new long[] {values, 0})))
                .child(2, FlatBuffer.longStructs(buffers));
        ByteBuffer body = ByteBuffer.allocate((int) bodyOffset);
        for (ByteBuffer part : bodyParts) {
            body.put(part.array());
            body.position((int) padded(body.position()));
        }
        return writeMessage(out, message(HEADER_RECORD_BATCH, recordBatch, bodyOffset), body.array());
    }

    private static FlatBuffer.Node message(int headerType, FlatBuffer.Node header, long bodyLength) {
        return FlatBuffer.table()
                .scalar(0, 2, METADATA_V5)
                .scalar(1, 1, headerType)
                .child(2, header)
                .scalar(3, 8, bodyLength);
    }

    private static FlatBuffer.Node schema() {
        FlatBuffer.Node start = field("start", false, TYPE_TIMESTAMP,
                FlatBuffer.table().scalar(0, 2, UNIT_MICROSECOND), List.of());
        FlatBuffer.Node item = field("item", true, TYPE_FLOATING_POINT,
                FlatBuffer.table().scalar(0, 2, PRECISION_SINGLE), List.of());
        FlatBuffer.Node target = field("target", false, TYPE_LIST, FlatBuffer.table(), List.of(item));
        return FlatBuffer.table().child(1, FlatBuffer.tables(List.of(start, target)));
    }

    private static FlatBuffer.Node field(String name, boolean nullable, int typeType, FlatBuffer.Node type,
            List<FlatBuffer.Node> children) {
        return FlatBuffer.table()
                .child(0, FlatBuffer.string(name))
                .scalar(1, 1, nullable ? 1 : 0)
                .scalar(2, 1, typeType)
                .child(3, type)
                .child(5, FlatBuffer.tables(children));
    }

    /** Continuation marker, metadata length, metadata padded to 8, then the body; returns the prefix + metadata size. */
    private static int writeMessage(Counter out, FlatBuffer.Node message, byte[] body) throws IOException {
        byte[] metadata = FlatBuffer.finish(message);
        out.write(littleEndian(CONTINUATION, metadata.length));
        out.write(metadata);
        out.write(body);
        return 8 + metadata.length;
    }

    private static ByteBuffer buffer(long bytes) {
        if (bytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("record batch buffer of " + bytes + " bytes");
        }
        return ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long padded(long length) {
        return (length + 7) / 8 * 8;
    }

    private static byte[] littleEndian(int... values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : values) {
            bytes.putInt(value);
        }
        return bytes.array();
    }

    /** The file position, for the footer's block offsets. */
    private static final class Counter {
        private final OutputStream out;
        private long count;

        Counter(OutputStream out) {
            this.out = out;
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            count += bytes.length;
        }
    }
}
