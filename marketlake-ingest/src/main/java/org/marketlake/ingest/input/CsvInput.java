package org.marketlake.ingest.input;

import org.marketlake.core.time.TimestampParser;
import org.marketlake.core.format.Printable;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidRequestException;

/** CSV (or TSV) with a header row, plain or compressed, read with FastCSV. */
final class CsvInput {
    private CsvInput() {}

    static void read(Path file, InputStream bytes, RecordLayout layout, ColumnMapping mapping, TimestampParser timestamps,
            RowSink sink) throws IOException {
        char separator = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).contains(".tsv") ? '\t' : ',';
        Reader text = new InputStreamReader(bytes, StandardCharsets.UTF_8);
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .detectBomHeader(true)
                .ofCsvRecord(text)) {
            Iterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) {
                throw new InvalidDataException("empty file, no header [file=" + file + "]");
            }
            List<String> header = records.next().getFields();
            ColumnMapping.Resolved columns = mapping.resolve(layout, header, file.toString());
            RowParser parser = new RowParser(layout, timestamps, sink, file.toString());
            int needed = columns.maxIndex() + 1;
            int[] numbers = columns.numbers();
            while (records.hasNext()) {
                CsvRecord record = records.next();
                long line = record.getStartingLineNumber();
                if (record.getFieldCount() < needed) {
                    sink.reject(Reason.MALFORMED_ROW, line, record.getFieldCount() + " fields, the header has " + header.size());
                    continue;
                }
                long timestamp = parser.timestamp(record.getField(columns.timestamp()), line);
                if (timestamp == Long.MIN_VALUE) {
                    continue;
                }
                boolean ok = true;
                for (int i = 0; i < numbers.length && ok; i++) {
                    ok = numbers[i] < 0 ? parser.number(i, null, line) : parser.number(i, record.getField(numbers[i]), line);
                }
                if (!ok) {
                    continue;
                }
                String exchange = columns.text() < 0 ? null : emptyToNull(record.getField(columns.text()));
                parser.accept(timestamp, exchange, line);
            }
        } catch (CsvParseException e) {
            throw new InvalidDataException("malformed CSV [file=" + file + "]: " + Printable.of(e.getMessage()), e);
        } catch (InvalidRequestException | InvalidDataException e) {
            throw e;
        }
    }

    static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
