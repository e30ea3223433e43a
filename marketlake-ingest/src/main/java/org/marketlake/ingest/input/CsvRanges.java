package org.marketlake.ingest.input;

import org.marketlake.core.time.TimestampParser;
import org.marketlake.core.format.Printable;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.marketlake.core.error.InvalidRequestException;

/**
 * Reads one byte range of a plain CSV file (whole lines, no header) straight from bytes: fields are found by
 * separator, timestamps and numbers parsed in place, and no String is made for a usual row. This is the hot
 * loop of a large ingest. A line with a quote character is handed to FastCSV, so quoting still works (line ends
 * inside quotes are not supported here; {@link InputPlan} keeps files that quote early away from this path).
 */
final class CsvRanges {
    private static final int BLOCK = 1 << 22;

    private CsvRanges() {}

    static byte separator(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).contains(".tsv") ? (byte) '\t' : (byte) ',';
    }

    /** Reads the range and returns how many lines it holds (so later ranges can number theirs). */
    static long read(InputPart part, RecordLayout layout, ColumnMapping mapping, TimestampParser timestamps, RowSink sink) throws IOException {
        ColumnMapping.Resolved columns = mapping.resolve(layout, part.header(), part.file().toString());
        Line line = new Line(part, layout, columns, timestamps, sink);
        try (FileChannel channel = FileChannel.open(part.file())) {
            byte[] buffer = new byte[(int) Math.min(BLOCK, part.end() - part.start() + 1)];
            int carry = 0;
            long position = part.start();
            while (true) {
                int want = (int) Math.min(buffer.length - carry, part.end() - position);
                ByteBuffer target = ByteBuffer.wrap(buffer, carry, want);
                while (target.hasRemaining() && channel.read(target, position + (target.position() - carry)) >= 0) {
                    // read until the block is full or the file ends
                }
                int read = target.position() - carry;
                long blockStart = position - carry;
                position += read;
                int limit = carry + read;
                boolean last = position >= part.end() || read == 0;
                int lineStart = 0;
                for (int i = 0; i < limit; i++) {
                    if (buffer[i] == '\n') {
                        line.parse(buffer, lineStart, i, blockStart + lineStart);
                        lineStart = i + 1;
                    }
                }
                if (last) {
                    if (lineStart < limit) {
                        line.parse(buffer, lineStart, limit, blockStart + lineStart);
                    }
                    return line.number;
                }
                carry = limit - lineStart;
                System.arraycopy(buffer, lineStart, buffer, 0, carry);
                if (carry == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
        }
    }

    /** Parses one line at a time; keeps the field positions between lines to allocate nothing. */
    private static final class Line {
        private final InputPart part;
        private final RecordLayout layout;
        private final ColumnMapping.Resolved columns;
        private final RowSink sink;
        private final RowParser parser;
        private final byte separator;
        private final int needed;
        private final int[] starts;
        private final int[] ends;
        private final int headerSize;
        long number;

        Line(InputPart part, RecordLayout layout, ColumnMapping.Resolved columns, TimestampParser timestamps, RowSink sink) {
            this.part = part;
            this.layout = layout;
            this.columns = columns;
            this.sink = sink;
            this.parser = new RowParser(layout, timestamps, sink, part.file().toString());
            this.separator = separator(part.file());
            this.needed = columns.maxIndex() + 1;
            this.starts = new int[needed];
            this.ends = new int[needed];
            this.headerSize = part.header().size();
        }

        void parse(byte[] bytes, int from, int to, long byteOffset) {
            number++;
            if (to > from && bytes[to - 1] == '\r') {
                to--;
            }
            if (from == to) {
                return;
            }
            int field = 0;
            int start = from;
            for (int i = from; i <= to && field < needed; i++) {
                if (i == to || bytes[i] == separator) {
                    starts[field] = start;
                    ends[field] = i;
                    field++;
                    start = i + 1;
                } else if (bytes[i] == '"') {
                    quoted(new String(bytes, from, to - from, StandardCharsets.UTF_8));
                    return;
                }
            }
            if (field < needed) {
                sink.reject(Reason.MALFORMED_ROW, number, fieldCount(bytes, from, to) + " fields, the header has " + headerSize);
                return;
            }
            long timestamp;
            try {
                int at = columns.timestamp();
                timestamp = parser.timestamp(bytes, starts[at], ends[at], number);
            } catch (InvalidRequestException e) {
                throw part.first() ? parser.withPlace(e, number + 1) : withByte(e, byteOffset);
            }
            if (timestamp == Long.MIN_VALUE) {
                return;
            }
            int[] numbers = columns.numbers();
            for (int i = 0; i < numbers.length; i++) {
                int at = numbers[i];
                boolean ok = at < 0 ? parser.number(i, null, number) : parser.number(i, bytes, starts[at], ends[at], number);
                if (!ok) {
                    return;
                }
            }
            String text = null;
            if (columns.text() >= 0 && ends[columns.text()] > starts[columns.text()]) {
                text = new String(bytes, starts[columns.text()], ends[columns.text()] - starts[columns.text()], StandardCharsets.UTF_8);
            }
            parser.accept(timestamp, text, number);
        }

        /** A line with quotes: FastCSV splits it, the shared parser does the rest. */
        private void quoted(String text) {
            CsvRecord record;
            try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator((char) separator).ofCsvRecord(text)) {
                record = reader.iterator().next();
            } catch (IOException | RuntimeException e) {
                sink.reject(Reason.MALFORMED_ROW, number, "unbalanced quotes");
                return;
            }
            if (record.getFieldCount() < needed) {
                sink.reject(Reason.MALFORMED_ROW, number, record.getFieldCount() + " fields, the header has " + headerSize);
                return;
            }
            long timestamp = parser.timestamp(record.getField(columns.timestamp()), number);
            if (timestamp == Long.MIN_VALUE) {
                return;
            }
            int[] numbers = columns.numbers();
            for (int i = 0; i < numbers.length; i++) {
                if (!parser.number(i, numbers[i] < 0 ? null : record.getField(numbers[i]), number)) {
                    return;
                }
            }
            parser.accept(timestamp, columns.text() < 0 ? null : CsvInput.emptyToNull(record.getField(columns.text())), number);
        }

        private int fieldCount(byte[] bytes, int from, int to) {
            int count = 1;
            for (int i = from; i < to; i++) {
                if (bytes[i] == separator) {
                    count++;
                }
            }
            return count;
        }

        private InvalidRequestException withByte(InvalidRequestException e, long byteOffset) {
            return new InvalidRequestException(Printable.of(e.getMessage()) + " [file=" + part.file() + ", row at byte " + byteOffset + "]", e);
        }
    }
}
