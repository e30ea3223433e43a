package org.marketlake.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.marketlake.core.model.Column;
import org.marketlake.core.model.ColumnType;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.model.Timeframe;

/**
 * Lake files in and out of Parquet with parquet-java's column API: no record assembly, one row group per UTC
 * day for second-level data, ZSTD level 3, statistics and page indexes on, format v2 pages (the sorted
 * timestamp column delta-encodes to almost nothing). Nothing here knows about merging or publishing.
 */
final class ParquetFiles {
    static final String META_PREFIX = "marketlake.";
    static final String SCHEMA_VERSION = "1";
    static final String WRITER = "marketlake 0.1";
    private static final int MAX_ROWS_PER_GROUP = 131_072;
    private static final int SMALL_GROUP_ROWS = 16_384;

    private ParquetFiles() {}

    static MessageType messageType(DataKind kind) {
        return messageType(kind, kind.schema().columns());
    }

    static MessageType messageType(DataKind kind, List<Column> columns) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Column column : columns) {
            Type.Repetition repetition = column.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
            switch (column.type()) {
                case STRING -> message.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType()).named(column.name());
                case TIMESTAMP -> message.primitive(PrimitiveTypeName.INT64, repetition)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(column.name());
                case DOUBLE -> message.primitive(PrimitiveTypeName.DOUBLE, repetition).named(column.name());
                case INT32 -> message.primitive(PrimitiveTypeName.INT32, repetition).named(column.name());
            }
        }
        return message.named(kind instanceof DataKind.Quotes ? "quote" : "bar");
    }

    /** The key-value metadata of a file holding {@code frame} (sorted): no wall-clock time, so rewrites are byte-identical. */
    static Map<String, String> metadata(Frame frame) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(META_PREFIX + "schema_version", SCHEMA_VERSION);
        metadata.put(META_PREFIX + "kind", frame.kind() instanceof DataKind.Quotes ? "quotes" : "bars");
        metadata.put(META_PREFIX + "timeframe", frame.kind() instanceof DataKind.Bars bars ? bars.timeframe().label() : "");
        metadata.put(META_PREFIX + "symbol", frame.symbol().value());
        metadata.put(META_PREFIX + "rows", Integer.toString(frame.size()));
        long[] ts = frame.timestamps();
        metadata.put(META_PREFIX + "first_timestamp", frame.isEmpty() ? "" : Micros.format(ts[0]));
        metadata.put(META_PREFIX + "last_timestamp", frame.isEmpty() ? "" : Micros.format(ts[frame.size() - 1]));
        metadata.put(META_PREFIX + "writer", WRITER);
        return metadata;
    }

    /** Writes {@code frame} (full schema, sorted, validated) to the new file {@code target} and forces it to disk. */
    static void write(Frame frame, Path target) throws IOException {
        MessageType schema = messageType(frame.kind(), frame.columns());
        ParquetProperties properties = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                .withDictionaryEncoding(true)
                .withDictionaryEncoding(LakeSchema.TIMESTAMP_COLUMN, false)
                .withPageRowCountLimit(20_000)
                .withStatisticsEnabled(true)
                .withPageWriteChecksumEnabled(true)
                .withAllocator(HeapByteBufferAllocator.getInstance())
                .build();
        ParquetFileWriter fileWriter = new ParquetFileWriter(new SyncedOutputFile(target), schema, ParquetFileWriter.Mode.CREATE,
                128L * 1024 * 1024, 0, null, properties);
        boolean done = false;
        try {
            fileWriter.start();
            int[] bounds = rowGroupBounds(frame);
            // Row groups are encoded and compressed in parallel (each into its own in-memory page store), then
            // appended to the file in order: the bytes are the same as a sequential write.
            List<Future<EncodedGroup>> groups = new ArrayList<>();
            for (int g = 0; g + 1 < bounds.length; g++) {
                int from = bounds[g];
                int to = bounds[g + 1];
                groups.add(ENCODERS.submit(() -> encode(frame, schema, properties, from, to)));
            }
            for (Future<EncodedGroup> future : groups) {
                EncodedGroup group = join(future);
                fileWriter.startBlock(group.rows());
                group.pages().flushToFileWriter(fileWriter);
                fileWriter.endBlock();
                group.store().close();
                group.pages().close();
            }
            fileWriter.end(metadata(frame));
            done = true;
        } finally {
            if (!done) {
                fileWriter.abort();
            }
        }
    }

    /** One row group's pages, compressed and held in memory until appended to the file. */
    private record EncodedGroup(int rows, ColumnChunkPageWriteStore pages, ColumnWriteStore store) {}

    /** Encoding threads: daemon, one per core, shared by every write of the process. */
    private static final ExecutorService ENCODERS = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "marketlake-parquet-encoder");
                thread.setDaemon(true);
                return thread;
            });

    private static EncodedGroup encode(Frame frame, MessageType schema, ParquetProperties properties, int from, int to) {
        List<ColumnDescriptor> descriptors = schema.getColumns();
        List<Column> columns = frame.columns();
        Binary symbol = Binary.fromString(frame.symbol().value());
        ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(
                ZstdCodecs.INSTANCE.getCompressor(CompressionCodecName.ZSTD), schema,
                HeapByteBufferAllocator.getInstance(), ParquetProperties.DEFAULT_COLUMN_INDEX_TRUNCATE_LENGTH, properties.getPageWriteChecksumEnabled());
        ColumnWriteStore store = properties.newColumnWriteStore(schema, pages, pages);
        ColumnWriter[] writers = new ColumnWriter[descriptors.size()];
        for (int c = 0; c < writers.length; c++) {
            writers[c] = store.getColumnWriter(descriptors.get(c));
        }
        for (int row = from; row < to; row++) {
            for (int c = 0; c < writers.length; c++) {
                writeValue(writers[c], columns.get(c), frame.array(c), row, symbol);
            }
            store.endRecord();
        }
        store.flush();
        return new EncodedGroup(to - from, pages, store);
    }

    private static <T> T join(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("failed: " + e.getCause(), e.getCause());
        }
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
    static int[] rowGroupBounds(Frame frame) {
        int size = frame.size();
        List<Integer> bounds = new ArrayList<>();
        bounds.add(0);
        boolean daily = frame.kind() instanceof DataKind.Quotes
                || (frame.kind() instanceof DataKind.Bars bars && bars.timeframe() == Timeframe.S1);
        long[] ts = frame.timestamps();
        int groupStart = 0;
        for (int row = 1; row <= size; row++) {
            boolean end = row == size;
            boolean dayChange = !end && daily && Math.floorDiv(ts[row], Micros.PER_DAY) != Math.floorDiv(ts[row - 1], Micros.PER_DAY);
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

    static ParquetFileReader open(Path file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(ZstdCodecs.INSTANCE)
                .withPageChecksumVerification(true)
                .build();
        try {
            return ParquetFileReader.open(new LocalInputFile(file), options);
        } catch (IOException | RuntimeException e) {
            // parquet-java names the file by LocalInputFile's identity hash; say which file and what is wrong.
            String message = String.valueOf(e.getMessage()).replaceAll("org\\.apache\\.parquet\\.io\\.LocalInputFile@[0-9a-f]+ ", "it ");
            throw new IOException(message, e);
        }
    }

    /**
     * Reads rows with {@code range.start <= timestamp <= range.end} and the given columns (which must include
     * {@code timestamp}), skipping row groups whose timestamp statistics cannot match.
     */
    /** A check of a file's footer made with the reader the read opens anyway (no second open of the file). */
    interface FooterCheck {
        FooterCheck NONE = reader -> {};

        void check(ParquetFileReader reader) throws IOException;
    }

    static Frame read(Path file, DataKind kind, Symbol symbol, TimeRange range, List<Column> columns) throws IOException {
        return read(file, kind, symbol, range, columns, FooterCheck.NONE);
    }

    static Frame read(Path file, DataKind kind, Symbol symbol, TimeRange range, List<Column> columns, FooterCheck footerCheck)
            throws IOException {
        List<Integer> matching = new ArrayList<>();
        long rows = 0;
        try (ParquetFileReader reader = open(file)) {
            footerCheck.check(reader);
            List<BlockMetaData> blocks = reader.getRowGroups();
            for (int b = 0; b < blocks.size(); b++) {
                BlockMetaData block = blocks.get(b);
                long[] minMax = timestampBounds(block);
                if (block.getRowCount() > 0 && (minMax == null || range.overlaps(minMax[0], minMax[1]))) {
                    matching.add(b);
                    rows += block.getRowCount();
                }
            }
            if (matching.isEmpty()) {
                return Frame.empty(kind, symbol, columns);
            }
            if (matching.size() == 1 || rows < PARALLEL_READ_ROWS) {
                return Frame.concat(readGroups(reader, matching, kind, symbol, range, columns));
            }
        }
        // Large reads: each half of the row groups through its own reader on its own core.
        int half = matching.size() / 2;
        List<List<Integer>> parts = List.of(matching.subList(0, half), matching.subList(half, matching.size()));
        List<Future<List<Frame>>> futures = new ArrayList<>();
        for (List<Integer> part : parts) {
            futures.add(ENCODERS.submit(() -> {
                try (ParquetFileReader reader = open(file)) {
                    return readGroups(reader, part, kind, symbol, range, columns);
                }
            }));
        }
        List<Frame> frames = new ArrayList<>();
        for (Future<List<Frame>> future : futures) {
            frames.addAll(join(future));
        }
        return Frame.concat(frames);
    }

    private static final long PARALLEL_READ_ROWS = 200_000;
    /** Tests set this to compare the page decoder with parquet-java's own column readers. */
    static volatile boolean SLOW_READS = false;

    private static List<Frame> readGroups(ParquetFileReader reader, List<Integer> blocks, DataKind kind, Symbol symbol,
            TimeRange range, List<Column> columns) throws IOException {
        MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
        String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
        List<ColumnDescriptor> wanted = new ArrayList<>();
        for (Column column : columns) {
            wanted.add(fileSchema.getColumnDescription(new String[] {column.name()}));
        }
        boolean ours = !SLOW_READS && PageDecoder.handles(reader.getFooter().getFileMetaData().getKeyValueMetaData());
        List<Frame> parts = new ArrayList<>();
        for (int b : blocks) {
            PageReadStore pages = reader.readRowGroup(b);
            parts.add(readGroup(pages, fileSchema, createdBy, kind, symbol, range, columns, wanted, ours));
        }
        return parts;
    }

    /** Min and max timestamp of a row group from its statistics, or null when it has none. */
    static long[] timestampBounds(BlockMetaData block) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            if (chunk.getPath().toDotString().equals(LakeSchema.TIMESTAMP_COLUMN)) {
                Statistics<?> statistics = chunk.getStatistics();
                if (statistics == null || !statistics.hasNonNullValue()) {
                    return null;
                }
                return new long[] {(Long) statistics.genericGetMin(), (Long) statistics.genericGetMax()};
            }
        }
        return null;
    }

    private static Frame readGroup(PageReadStore pages, MessageType fileSchema, String createdBy, DataKind kind, Symbol symbol,
            TimeRange range, List<Column> columns, List<ColumnDescriptor> wanted, boolean ours) throws IOException {
        int rows = Math.toIntExact(pages.getRowCount());
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new GroupRecordConverter(fileSchema).getRootConverter(), fileSchema, createdBy);
        ColumnDescriptor tsDescriptor = fileSchema.getColumnDescription(new String[] {LakeSchema.TIMESTAMP_COLUMN});
        long[] ts = ours ? PageDecoder.longs(pages.getPageReader(tsDescriptor), tsDescriptor, rows) : readLongs(store.getColumnReader(tsDescriptor), rows);
        int first = 0;
        while (first < rows && ts[first] < range.startMicros()) {
            first++;
        }
        int last = rows;
        while (last > first && ts[last - 1] > range.endMicros()) {
            last--;
        }
        Object[] data = new Object[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            if (column.name().equals(LakeSchema.SYMBOL)) {
                data[c] = null;
            } else if (column.name().equals(LakeSchema.TIMESTAMP_COLUMN)) {
                data[c] = ts;
            } else if (ours && column.type() == ColumnType.DOUBLE) {
                data[c] = PageDecoder.doubles(pages.getPageReader(wanted.get(c)), wanted.get(c), rows);
            } else if (ours && column.type() == ColumnType.INT32) {
                data[c] = PageDecoder.ints(pages.getPageReader(wanted.get(c)), wanted.get(c), rows);
            } else {
                data[c] = readColumn(store.getColumnReader(wanted.get(c)), column, rows);
            }
        }
        Frame group = Frame.of(kind, symbol, columns, data, rows);
        return first == 0 && last == rows ? group : group.slice(first, last);
    }

    private static long[] readLongs(ColumnReader reader, int rows) {
        long[] values = new long[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = reader.getLong();
            reader.consume();
        }
        return values;
    }

    private static Object readColumn(ColumnReader reader, Column column, int rows) {
        int maxDefinition = column.nullable() ? 1 : 0;
        switch (column.type()) {
            case DOUBLE -> {
                double[] values = new double[rows];
                for (int i = 0; i < rows; i++) {
                    values[i] = reader.getCurrentDefinitionLevel() == maxDefinition ? reader.getDouble() : Double.NaN;
                    reader.consume();
                }
                return values;
            }
            case INT32 -> {
                int[] values = new int[rows];
                for (int i = 0; i < rows; i++) {
                    values[i] = reader.getCurrentDefinitionLevel() == maxDefinition ? reader.getInteger() : ColumnType.NULL_INT;
                    reader.consume();
                }
                return values;
            }
            case STRING -> {
                String[] values = new String[rows];
                for (int i = 0; i < rows; i++) {
                    values[i] = reader.getCurrentDefinitionLevel() == maxDefinition ? reader.getBinary().toStringUsingUTF8() : null;
                    reader.consume();
                }
                return values;
            }
            case TIMESTAMP -> {
                return readLongs(reader, rows);
            }
        }
        throw new IllegalStateException("unreachable");
    }

}
