package org.marketlake.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.marketlake.core.model.Column;
import org.marketlake.core.model.ColumnType;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;

/** Reads lake files: only the row groups {@link RowGroupPruning} keeps, only the asked columns, our pages by {@link PageDecoder}. */
final class ParquetFileReads {
    private static final long PARALLEL_READ_ROWS = 200_000;
    /** Tests set this to compare the page decoder with parquet-java's own column readers. */
    static volatile boolean SLOW_READS = false;

    private ParquetFileReads() {}

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

    /** A check of a file's footer made with the reader the read opens anyway (no second open of the file). */
    interface FooterCheck {
        FooterCheck NONE = reader -> {};

        void check(ParquetFileReader reader) throws IOException;
    }

    static Frame read(Path file, DataKind kind, Symbol symbol, TimeRange range, List<Column> columns) throws IOException {
        return read(file, kind, symbol, range, columns, FooterCheck.NONE);
    }

    /**
     * Reads rows with {@code range.start <= timestamp <= range.end} and the given columns (which must include
     * {@code timestamp}), skipping row groups whose timestamp statistics cannot match.
     */
    static Frame read(Path file, DataKind kind, Symbol symbol, TimeRange range, List<Column> columns, FooterCheck footerCheck)
            throws IOException {
        List<Integer> matching;
        long firstRows = 0;
        long totalRows;
        try (ParquetFileReader reader = open(file)) {
            footerCheck.check(reader);
            matching = RowGroupPruning.matching(reader, range);
            long rows = 0;
            for (int i = 0; i < matching.size(); i++) {
                rows += reader.getRowGroups().get(matching.get(i)).getRowCount();
                if (i + 1 == matching.size() / 2) {
                    firstRows = rows;
                }
            }
            totalRows = rows;
            if (matching.isEmpty()) {
                return Frame.empty(kind, symbol, columns);
            }
            if (matching.size() == 1 || rows < PARALLEL_READ_ROWS) {
                Object[] into = allocate(columns, rows);
                int filled = readGroups(reader, matching, kind, symbol, range, columns, into, 0);
                return exact(Frame.of(kind, symbol, columns, into, filled), rows);
            }
        }
        // Large reads: each half of the row groups through its own reader on its own core, each decoding its row
        // groups straight into its share of one set of arrays (no per-group frames kept, no concatenation copy:
        // a dense month is held once).
        int half = matching.size() / 2;
        List<Integer> firstHalf = matching.subList(0, half);
        List<Integer> secondHalf = matching.subList(half, matching.size());
        Object[] into = allocate(columns, totalRows);
        int secondStart = Math.toIntExact(firstRows);
        List<Future<Integer>> futures = new ArrayList<>();
        for (List<Integer> part : List.of(firstHalf, secondHalf)) {
            int start = part == firstHalf ? 0 : secondStart;
            futures.add(ParquetThreads.POOL.submit(() -> {
                try (ParquetFileReader reader = open(file)) {
                    return readGroups(reader, part, kind, symbol, range, columns, into, start);
                }
            }));
        }
        int firstFilled = ParquetThreads.join(futures.get(0));
        int secondFilled = ParquetThreads.join(futures.get(1)) - secondStart;
        if (firstFilled < secondStart) {
            // The range cut rows off the first half's edge: close the gap.
            for (Object column : into) {
                if (column != null) {
                    System.arraycopy(column, secondStart, column, firstFilled, secondFilled);
                }
            }
        }
        return exact(Frame.of(kind, symbol, columns, into, firstFilled + secondFilled), totalRows);
    }

    /** Arrays as long as the rows: a range that cut rows off the edge groups costs a copy of what is left. */
    private static Frame exact(Frame frame, long allocated) {
        return frame.size() == allocated ? frame : frame.slice(0, frame.size());
    }

    private static Object[] allocate(List<Column> columns, long rows) {
        int size = Math.toIntExact(rows);
        Object[] arrays = new Object[columns.size()];
        for (int c = 0; c < arrays.length; c++) {
            Column column = columns.get(c);
            arrays[c] = column.name().equals(LakeSchema.SYMBOL) ? null : switch (column.type()) {
                case TIMESTAMP -> new long[size];
                case DOUBLE -> new double[size];
                case INT32 -> new int[size];
                case STRING -> new String[size];
            };
        }
        return arrays;
    }

    /** Decodes {@code blocks} into {@code into} from row {@code start}; returns the row after the last one filled. */
    private static int readGroups(ParquetFileReader reader, List<Integer> blocks, DataKind kind, Symbol symbol,
            TimeRange range, List<Column> columns, Object[] into, int start) throws IOException {
        MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
        String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
        List<ColumnDescriptor> wanted = new ArrayList<>();
        for (Column column : columns) {
            wanted.add(fileSchema.getColumnDescription(new String[] {column.name()}));
        }
        boolean ours = !SLOW_READS && PageDecoder.handles(reader.getFooter().getFileMetaData().getKeyValueMetaData());
        int at = start;
        for (int b : blocks) {
            PageReadStore pages = reader.readRowGroup(b);
            Frame group = readGroup(pages, fileSchema, createdBy, kind, symbol, range, columns, wanted, ours);
            for (int c = 0; c < into.length; c++) {
                if (into[c] != null) {
                    System.arraycopy(group.array(c), 0, into[c], at, group.size());
                }
            }
            at += group.size();
        }
        return at;
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
