package org.marketlake.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.marketlake.core.model.Column;
import org.marketlake.core.model.ColumnType;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Timeframe;

/**
 * Writes lake files with parquet-java's column API: no record assembly, one row group per UTC day for
 * second-level data, ZSTD level 3, statistics and page indexes on, format v2 pages (the sorted timestamp column
 * delta-encodes to almost nothing). Row groups are encoded in parallel. Nothing here knows about merging or publishing.
 */
final class ParquetFileWrites {
    private static final int MAX_ROWS_PER_GROUP = 131_072;
    private static final int SMALL_GROUP_ROWS = 16_384;

    private ParquetFileWrites() {}

    /** Writes {@code frame} (full schema, sorted, validated) to the new file {@code target} and forces it to disk. */
    static void write(Frame frame, Path target) throws IOException {
        write(RowsToWrite.of(frame), target);
    }

    /** As {@link #write(Frame, Path)}, with {@code extra} key-value metadata. */
    static void write(Frame frame, Path target, java.util.Map<String, String> extra) throws IOException {
        write(RowsToWrite.of(frame), target, extra);
    }

    /** Writes {@code rows} (full schema, sorted, validated) to the new file {@code target} and forces it to disk. */
    static void write(RowsToWrite rows, Path target) throws IOException {
        write(rows, target, java.util.Map.of());
    }

    /** As {@link #write(RowsToWrite, Path)}, with {@code extra} key-value metadata (a lake file's provenance). */
    static void write(RowsToWrite rows, Path target, java.util.Map<String, String> extra) throws IOException {
        MessageType schema = ParquetFormat.messageType(rows.kind(), rows.columns());
        ParquetProperties properties = properties()
                .withDictionaryEncoding(true)
                .withDictionaryEncoding(LakeSchema.TIMESTAMP_COLUMN, false)
                .withPageRowCountLimit(20_000)
                .build();
        ParquetFileWriter fileWriter = open(schema, target, properties);
        boolean done = false;
        try {
            fileWriter.start();
            int[] bounds = rowGroupBounds(rows);
            // Row groups are encoded and compressed in parallel (each into its own in-memory page store), then
            // appended to the file in order: the bytes are the same as a sequential write.
            List<Future<EncodedGroup>> groups = new ArrayList<>();
            for (int g = 0; g + 1 < bounds.length; g++) {
                int from = bounds[g];
                int to = bounds[g + 1];
                groups.add(ParquetThreads.POOL.submit(() -> encode(rows, schema, properties, from, to)));
            }
            for (Future<EncodedGroup> future : groups) {
                EncodedGroup group = ParquetThreads.join(future);
                fileWriter.startBlock(group.rows());
                group.pages().flushToFileWriter(fileWriter);
                fileWriter.endBlock();
                group.store().close();
                group.pages().close();
            }
            java.util.Map<String, String> metadata = ParquetFormat.metadata(rows);
            metadata.putAll(extra);
            fileWriter.end(metadata);
            done = true;
        } finally {
            if (!done) {
                fileWriter.abort();
            }
        }
    }

    /** What every lake file's writer shares (month files and actions files): v2 pages, statistics, page checksums. */
    static ParquetProperties.Builder properties() {
        return ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                .withStatisticsEnabled(true)
                .withPageWriteChecksumEnabled(true)
                .withAllocator(HeapByteBufferAllocator.getInstance());
    }

    /** A writer of the new file {@code target}, forced to disk when it ends ({@link SyncedOutputFile}). */
    static ParquetFileWriter open(MessageType schema, Path target, ParquetProperties properties) throws IOException {
        return new ParquetFileWriter(new SyncedOutputFile(target), schema, ParquetFileWriter.Mode.CREATE, 128L * 1024 * 1024, 0, null, properties);
    }

    /** The ZSTD-compressed pages of one row group, held in memory until appended to the file. */
    static ColumnChunkPageWriteStore pageStore(MessageType schema, ParquetProperties properties) {
        return new ColumnChunkPageWriteStore(ZstdCodecs.INSTANCE.getCompressor(CompressionCodecName.ZSTD), schema,
                HeapByteBufferAllocator.getInstance(), ParquetProperties.DEFAULT_COLUMN_INDEX_TRUNCATE_LENGTH, properties.getPageWriteChecksumEnabled());
    }

    /** One row group's pages, compressed and held in memory until appended to the file. */
    private record EncodedGroup(int rows, ColumnChunkPageWriteStore pages, ColumnWriteStore store) {}

    private static EncodedGroup encode(RowsToWrite rows, MessageType schema, ParquetProperties properties, int from, int to) {
        List<ColumnDescriptor> descriptors = schema.getColumns();
        List<Column> columns = rows.columns();
        Binary symbol = Binary.fromString(rows.symbol().value());
        ColumnChunkPageWriteStore pages = pageStore(schema, properties);
        ColumnWriteStore store = properties.newColumnWriteStore(schema, pages, pages);
        ColumnWriter[] writers = new ColumnWriter[descriptors.size()];
        for (int c = 0; c < writers.length; c++) {
            writers[c] = store.getColumnWriter(descriptors.get(c));
        }
        for (int r = from; r < to; r++) {
            Frame frame = rows.frameAt(r);
            int row = rows.rowAt(r);
            for (int c = 0; c < writers.length; c++) {
                writeValue(writers[c], columns.get(c), frame.array(c), row, symbol);
            }
            store.endRecord();
        }
        store.flush();
        return new EncodedGroup(to - from, pages, store);
    }

    private static void writeValue(ColumnWriter writer, Column column, Object array, int row, Binary symbol) {
        int defined = column.nullable() ? 1 : 0;
        switch (column.type()) {
            case STRING -> {
                if (array == null) {
                    writer.write(symbol, 0, defined);
                } else {
                    String value = ((String[]) array)[row];
                    if (value == null) {
                        writer.writeNull(0, 0);
                    } else {
                        writer.write(Binary.fromString(value), 0, defined);
                    }
                }
            }
            case TIMESTAMP -> writer.write(((long[]) array)[row], 0, defined);
            case DOUBLE -> {
                double value = ((double[]) array)[row];
                if (Double.isNaN(value) && column.nullable()) {
                    writer.writeNull(0, 0);
                } else {
                    writer.write(value, 0, defined);
                }
            }
            case INT32 -> {
                int value = ((int[]) array)[row];
                if (value == ColumnType.NULL_INT && column.nullable()) {
                    writer.writeNull(0, 0);
                } else {
                    writer.write(value, 0, defined);
                }
            }
        }
    }

    /**
     * Row-group boundaries. Second-level data (1s bars, quotes): one group per UTC day, small days joined
     * and large days split at {@value #MAX_ROWS_PER_GROUP} rows, so a one-day query reads about one day.
     * Coarser bars: groups of at most {@value #MAX_ROWS_PER_GROUP} rows (a month of 1m bars is one group).
     */
    private static int[] rowGroupBounds(RowsToWrite rows) {
        int size = rows.size();
        List<Integer> bounds = new ArrayList<>();
        bounds.add(0);
        boolean daily = rows.kind() instanceof DataKind.Quotes
                || (rows.kind() instanceof DataKind.Bars bars && bars.timeframe() == Timeframe.S1);
        int groupStart = 0;
        for (int row = 1; row <= size; row++) {
            boolean end = row == size;
            boolean dayChange = !end && daily
                    && Math.floorDiv(rows.timestamp(row), Micros.PER_DAY) != Math.floorDiv(rows.timestamp(row - 1), Micros.PER_DAY);
            boolean full = row - groupStart >= MAX_ROWS_PER_GROUP;
            if (end || full || (dayChange && row - groupStart >= SMALL_GROUP_ROWS)) {
                bounds.add(row);
                groupStart = row;
            }
        }
        if (size == 0) {
            bounds.add(0);
        }
        return bounds.stream().mapToInt(Integer::intValue).toArray();
    }

}
