package org.marketlake.core.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.format.Printable;
import org.marketlake.core.model.ActionType;
import org.marketlake.core.model.ActionsWrite;
import org.marketlake.core.model.CorporateAction;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.store.Lake;

/**
 * Corporate actions from a file ({@code marketlake ingest actions}): CSV with a header, or JSON lines (a file ending
 * in {@code .jsonl} or {@code .json}, or whose first character is <code>{</code>), with the columns
 * {@code ex_date} (YYYY-MM-DD), {@code type} (split|reverse_split|cash_dividend|stock_dividend), {@code ratio} (new
 * shares per old) or {@code cash_amount}, and optionally {@code symbol} (must be the one asked) and {@code source}
 * (default: the file's name). Every row is checked before anything is written; the first bad one is refused in one
 * line naming the file, row, column and value, and nothing changes.
 */
public final class ActionFileReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ActionFileReader() {}

    /** Reads {@code file} and merges its actions into {@code symbol}'s (same ex_date and type: the file's wins), as one commit. */
    public static ActionsWrite ingest(Lake lake, Symbol symbol, Path file) {
        return lake.writeActions(symbol, read(file, symbol));
    }

    /** The actions in {@code file}, in file order. */
    public static List<CorporateAction> read(Path file, Symbol symbol) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidRequestException("no such file [file=" + file + "]");
        }
        List<Map<String, String>> rows = jsonLines(file) ? readJsonLines(file) : readCsv(file);
        List<CorporateAction> actions = new ArrayList<>();
        String source = file.getFileName().toString();
        for (int i = 0; i < rows.size(); i++) {
            actions.add(action(rows.get(i), file, i + 1L, symbol, source));
        }
        return actions;
    }

    private static boolean jsonLines(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".json")) {
            return true;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            while ((c = reader.read()) >= 0 && Character.isWhitespace(c)) {
                // skip leading blanks
            }
            return c == '{';
        } catch (IOException e) {
            throw new InvalidDataException("cannot read [file=" + file + "]: " + e.getMessage(), e);
        }
    }

    private static List<Map<String, String>> readCsv(Path file) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
            long row = 0;
            for (NamedCsvRecord record : csv) {
                row++;
                if (!record.getHeader().contains("ex_date") || !record.getHeader().contains("type")) {
                    throw new InvalidDataException("missing column [file=" + file + ", column=" + (record.getHeader().contains("ex_date") ? "type" : "ex_date")
                            + "]: actions need ex_date, type and ratio or cash_amount; the columns are " + Printable.of(String.valueOf(record.getHeader())));
                }
                if (record.getFieldCount() != record.getHeader().size()) {
                    throw new InvalidDataException(where(file, row, "(row)", String.valueOf(record.getFields()))
                            + "the row has " + record.getFieldCount() + " fields, the header " + record.getHeader().size());
                }
                Map<String, String> values = new LinkedHashMap<>(record.getFieldsAsMap());
                rows.add(values);
            }
        } catch (IOException e) {
            throw new InvalidDataException("cannot read [file=" + file + "]: " + e.getMessage(), e);
        }
        return rows;
    }

    private static List<Map<String, String>> readJsonLines(Path file) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long row = 0;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                row++;
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    throw new InvalidDataException(where(file, row, "(row)", line) + "not a JSON object");
                }
                if (node == null || !node.isObject()) {
                    throw new InvalidDataException(where(file, row, "(row)", line) + "not a JSON object");
                }
                Map<String, String> values = new LinkedHashMap<>();
                node.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().isNull() ? "" : entry.getValue().asText()));
                rows.add(values);
            }
        } catch (IOException e) {
            throw new InvalidDataException("cannot read [file=" + file + "]: " + e.getMessage(), e);
        }
        return rows;
    }

    private static CorporateAction action(Map<String, String> values, Path file, long row, Symbol symbol, String defaultSource) {
        String given = values.getOrDefault("symbol", "").strip();
        if (!given.isEmpty() && !given.equals(symbol.value())) {
            throw new InvalidDataException(where(file, row, "symbol", given) + "the row is for another symbol than " + symbol.value()).about("symbol");
        }
        String dateText = values.getOrDefault("ex_date", "").strip();
        LocalDate exDate;
        try {
            exDate = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new InvalidDataException(where(file, row, "ex_date", dateText) + "not a date; write YYYY-MM-DD");
        }
        String typeText = values.getOrDefault("type", "").strip();
        ActionType type = ActionType.of(typeText).orElseThrow(() -> new InvalidDataException(where(file, row, "type", typeText)
                + "unknown action type; use " + ActionType.labels()));
        double ratio = number(values, "ratio", file, row);
        double cash = number(values, "cash_amount", file, row);
        Optional<CorporateAction.Problem> problem = CorporateAction.problem(type, ratio, cash);
        if (problem.isPresent()) {
            throw new InvalidDataException(where(file, row, problem.get().column(), values.getOrDefault(problem.get().column(), ""))
                    + problem.get().reason());
        }
        String source = values.getOrDefault("source", "").strip();
        return new CorporateAction(symbol, exDate, type, ratio, cash, source.isEmpty() ? defaultSource : source);
    }

    /** The column's number, NaN when it is absent or empty. */
    private static double number(Map<String, String> values, String column, Path file, long row) {
        String text = values.getOrDefault(column, "").strip();
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isNaN(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidDataException(where(file, row, column, text) + "not a number");
        }
    }

    private static String where(Path file, long row, String column, String value) {
        return "invalid action [file=" + file + ", row=" + row + ", column=" + column + ", value=" + Printable.of(value) + "]: ";
    }
}
