package org.marketlake.core.csv;

import org.marketlake.core.format.Printable;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.store.Lake;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.error.InvalidRowException;
import org.marketlake.core.time.TimestampParser;

/**
 * Bars from CSV files as they are ({@code marketlake ingest bars}): a header naming at least
 * {@code timestamp,open,high,low,close,volume} (for daily bars {@code date} may stand in for {@code timestamp}),
 * optionally {@code trade_count}, {@code vwap} (and {@code notional} for 1s bars; a 1s file with {@code vwap}
 * gets {@code notional = vwap x volume}). Other columns are ignored. Plain or {@code .gz}.
 */
public final class BarCsvReader {
    private BarCsvReader() {}

    /** Reads every file, writes them to the lake as one write, and names the file and line of any refused row. */
    public static WriteResult ingest(Lake lake, Symbol symbol, Timeframe timeframe, List<Path> files, TimestampParser parser) {
        List<Frame> frames = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int rows = 0;
        for (Path file : files) {
            Frame frame = read(file, symbol, timeframe, parser);
            starts.add(rows);
            rows += frame.size();
            frames.add(frame);
        }
        if (rows == 0) {
            return new WriteResult(List.of());
        }
        Frame all = Frame.concat(frames);
        try {
            return lake.write(all);
        } catch (InvalidRowException e) {
            int index = 0;
            while (index + 1 < starts.size() && starts.get(index + 1) < e.row()) {
                index++;
            }
            long rowInFile = e.row() - starts.get(index);
            throw new InvalidDataException("invalid row [file=" + files.get(index) + ", row=" + rowInFile + " (line " + (rowInFile + 1)
                    + "), column=" + e.column() + ", value=" + e.value() + "]: " + e.reason() + " (nothing was written)", e);
        }
    }

    public static Frame read(Path file, Symbol symbol, Timeframe timeframe, TimestampParser parser) {
        DataKind kind = DataKind.bars(timeframe);
        Frame.Builder builder = Frame.builder(kind, symbol, 1024);
        try (Reader reader = open(file); CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
            List<String> header = null;
            String timeColumn = null;
            int tradeCount = kind.schema().indexOf("trade_count");
            int vwap = kind.schema().indexOf("vwap");
            int notional = kind.schema().indexOf("notional");
            long row = 0;
            for (NamedCsvRecord record : csv) {
                row++;
                if (header == null) {
                    header = record.getHeader();
                    timeColumn = timeColumn(header, timeframe, file);
                }
                if (header.contains("symbol")) {
                    String given = field(record, "symbol", file, row).strip();
                    if (!given.isEmpty() && !given.equals(symbol.value())) {
                        throw new InvalidDataException(where(file, row, "symbol", given) + "the row is for another symbol than " + symbol.value()).about("symbol");
                    }
                }
                String tsText = field(record, timeColumn, file, row);
                long ts;
                try {
                    ts = parser.parse(tsText);
                } catch (IllegalArgumentException | java.time.DateTimeException e) {
                    throw new InvalidDataException(where(file, row, timeColumn, tsText) + e.getMessage());
                } catch (InvalidRequestException e) {
                    throw new InvalidRequestException(where(file, row, timeColumn, tsText) + e.getMessage(), e);
                }
                int at = builder.add(ts);
                builder.setDouble(LakeSchema.OPEN, at, number(record, "open", file, row));
                builder.setDouble(LakeSchema.HIGH, at, number(record, "high", file, row));
                builder.setDouble(LakeSchema.LOW, at, number(record, "low", file, row));
                builder.setDouble(LakeSchema.CLOSE, at, number(record, "close", file, row));
                double volume = number(record, "volume", file, row);
                builder.setDouble(LakeSchema.VOLUME, at, volume);
                if (tradeCount >= 0 && header.contains("trade_count") && !field(record, "trade_count", file, row).isBlank()) {
                    builder.setInt(tradeCount, at, count(record, "trade_count", file, row));
                }
                if (vwap >= 0 && header.contains("vwap") && !field(record, "vwap", file, row).isBlank()) {
                    builder.setDouble(vwap, at, number(record, "vwap", file, row));
                }
                if (notional >= 0) {
                    if (header.contains("notional") && !field(record, "notional", file, row).isBlank()) {
                        builder.setDouble(notional, at, number(record, "notional", file, row));
                    } else if (header.contains("vwap") && !field(record, "vwap", file, row).isBlank()) {
                        builder.setDouble(notional, at, number(record, "vwap", file, row) * volume);
                    }
                }
            }
            if (header == null) {
                timeColumn(firstLine(file), timeframe, file);
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        } catch (java.io.UncheckedIOException e) {
            throw unreadable(file, e.getCause());
        }
        return builder.build();
    }

    private static InvalidDataException unreadable(Path file, IOException e) {
        if (e instanceof java.io.EOFException || e instanceof java.util.zip.ZipException) {
            return new InvalidDataException("input file is truncated or corrupt [file=" + file + "]: " + e.getMessage(), e);
        }
        return new InvalidDataException("cannot read [file=" + file + "]: " + e.getMessage(), e);
    }

    /** The header's first line as fields (empty for an empty file), for a file with a header and no rows. */
    private static List<String> firstLine(Path file) throws IOException {
        try (Reader reader = open(file); CsvReader<de.siegmar.fastcsv.reader.CsvRecord> csv = CsvReader.builder().ofCsvRecord(reader)) {
            java.util.Iterator<de.siegmar.fastcsv.reader.CsvRecord> records = csv.iterator();
            return records.hasNext() ? records.next().getFields() : List.of();
        }
    }

    /** The column holding the time; refuses a header that lacks a required column, naming the file and the columns. */
    private static String timeColumn(List<String> header, Timeframe timeframe, Path file) {
        String timeColumn = header.contains("timestamp") ? "timestamp" : (timeframe.isDaily() && header.contains("date") ? "date" : null);
        List<String> missing = new ArrayList<>();
        if (timeColumn == null) {
            missing.add(timeframe.isDaily() ? "timestamp (or date)" : "timestamp");
        }
        for (String required : List.of("open", "high", "low", "close", "volume")) {
            if (!header.contains(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidDataException("missing column [file=" + file + ", column=" + String.join(", ", missing)
                    + "]: bars need timestamp, open, high, low, close, volume; the columns are " + Printable.of(String.valueOf(header)));
        }
        return timeColumn;
    }

    private static Reader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidRequestException("no such file [file=" + file + "]");
        }
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        java.io.PushbackReader reader = new java.io.PushbackReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1);
        int first = reader.read();
        if (first >= 0 && first != '\uFEFF') {
            reader.unread(first); // anything but a UTF-8 byte order mark is the header's first character
        }
        return reader;
    }

    private static double number(NamedCsvRecord record, String column, Path file, long row) {
        String text = field(record, column, file, row);
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidDataException(where(file, row, column, text) + "not a number");
        }
    }

    /** A whole number of trades that fits the int32 column; anything else is refused, never rounded or clamped. */
    private static int count(NamedCsvRecord record, String column, Path file, long row) {
        String text = field(record, column, file, row);
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidDataException(where(file, row, column, text) + "not a whole number of trades that fits in int32");
        }
    }

    private static String field(NamedCsvRecord record, String column, Path file, long row) {
        java.util.Optional<String> value = record.findField(column);
        if (value.isEmpty()) {
            throw new InvalidDataException(where(file, row, column, "") + "the row has only " + record.getFieldCount() + " fields");
        }
        return value.get();
    }

    private static String where(Path file, long row, String column, String value) {
        return "invalid value [file=" + file + ", row=" + row + " (line " + (row + 1) + "), column=" + column + ", value=" + Printable.of(String.valueOf(value)) + "]: ";
    }
}
