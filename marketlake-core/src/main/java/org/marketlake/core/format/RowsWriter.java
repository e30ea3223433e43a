package org.marketlake.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.model.Micros;

/**
 * Prints {@link Rows} as an aligned table, CSV or JSON lines. Timestamps as {@code 2024-01-02T14:30:00Z}
 * (with a fraction only when there is one; with the offset under {@code --tz}); numbers in plain decimal
 * notation, the shortest text that reads back to the same double; nulls empty (CSV, table) or {@code null}.
 */
public final class RowsWriter {
    private static final JsonFactory JSON = new JsonFactory();
    private final ZoneId zone;

    public RowsWriter(ZoneId zone) {
        this.zone = zone;
    }

    public void write(Rows rows, OutputFormat format, Writer out) {
        try {
            switch (format) {
                case TABLE -> table(rows, out);
                case CSV -> csv(rows, out);
                case JSON -> json(rows, out);
                case JSONL -> jsonl(rows, out);
                case PARQUET -> throw new IllegalArgumentException("parquet is written to a file, not printed");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of one cell; null stays null. */
    public String text(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> Micros.format(Micros.of(instant), zone);
            case java.time.LocalDateTime local -> {
                // A timestamp without time zone prints like ours, without the Z: YYYY-MM-DDTHH:MM:SS[.ffffff].
                String text = Micros.format(Micros.of(local.toInstant(java.time.ZoneOffset.UTC)));
                yield text.substring(0, text.length() - 1);
            }
            case Double d -> NumberText.format(d);
            case Float f -> NumberText.format(f.doubleValue());
            case BigDecimal decimal -> decimal.toPlainString();
            default -> value.toString();
        };
    }

    private void csv(Rows rows, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(new NonClosingWriter(out));
        csv.writeRecord(rows.names());
        int columns = rows.names().size();
        String[] cells = new String[columns];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                String text = text(rows.value(r, c));
                cells[c] = text == null ? "" : text;
            }
            csv.writeRecord(cells);
        }
        csv.flush();
    }

    private void json(Rows rows, Writer out) throws IOException {
        JsonGenerator json = JSON.createGenerator(new NonClosingWriter(out));
        json.writeStartArray();
        for (int r = 0; r < rows.size(); r++) {
            writeObject(json, rows, r);
        }
        json.writeEndArray();
        json.flush();
        out.write('\n');
        json.close();
    }

    private void jsonl(Rows rows, Writer out) throws IOException {
        JsonGenerator json = JSON.createGenerator(new NonClosingWriter(out));
        json.setRootValueSeparator(null);
        for (int r = 0; r < rows.size(); r++) {
            writeObject(json, rows, r);
            json.flush();
            out.write('\n');
        }
        json.close();
    }

    private void writeObject(JsonGenerator json, Rows rows, int r) throws IOException {
        List<String> names = rows.names();
        json.writeStartObject();
        for (int c = 0; c < names.size(); c++) {
            json.writeFieldName(names.get(c));
            Object value = rows.value(r, c);
            switch (value) {
                case null -> json.writeNull();
                case Double d when Double.isFinite(d) -> json.writeNumber(NumberText.format(d));
                case Float f when Float.isFinite(f) -> json.writeNumber(NumberText.format(f.doubleValue()));
                case Integer i -> json.writeNumber(i);
                case Long l -> json.writeNumber(l);
                case Short s -> json.writeNumber(s);
                case java.math.BigInteger big -> json.writeNumber(big);
                case BigDecimal decimal -> json.writeNumber(decimal.toPlainString());
                case Boolean b -> json.writeBoolean(b);
                default -> json.writeString(text(value));
            }
        }
        json.writeEndObject();
    }

    private void table(Rows rows, Writer out) throws IOException {
        List<String> names = rows.names();
        int columns = names.size();
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        List<String[]> lines = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            widths[c] = names.get(c).length();
            numeric[c] = true;
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] cells = new String[columns];
            for (int c = 0; c < columns; c++) {
                Object value = rows.value(r, c);
                String text = text(value);
                cells[c] = text == null ? "" : text;
                widths[c] = Math.max(widths[c], cells[c].length());
                if (value != null && !(value instanceof Number)) {
                    numeric[c] = false;
                }
            }
            lines.add(cells);
        }
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            pad(line, names.get(c), widths[c], numeric[c]);
            line.append(c + 1 < columns ? "  " : "");
        }
        out.write(line.toString().stripTrailing());
        out.write('\n');
        for (String[] cells : lines) {
            line.setLength(0);
            for (int c = 0; c < columns; c++) {
                pad(line, cells[c], widths[c], numeric[c]);
                line.append(c + 1 < columns ? "  " : "");
            }
            out.write(line.toString().stripTrailing());
            out.write('\n');
        }
        out.write("(" + rows.size() + (rows.size() == 1 ? " row" : " rows") + ")\n");
    }

    private static void pad(StringBuilder line, String text, int width, boolean right) {
        if (right) {
            line.append(" ".repeat(width - text.length())).append(text);
        } else {
            line.append(text).append(" ".repeat(width - text.length()));
        }
    }

    /** Lets the CSV and JSON writers flush without closing the caller's stream. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
