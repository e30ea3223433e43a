package org.marketlake.loader.read;

import org.marketlake.loader.table.TableColumn;

import org.marketlake.loader.table.SourceType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlake.core.error.InvalidDataException;

/**
 * A JSON file as pandas writes it, in any of the orientations the issue names, told apart by their shape:
 * <ul>
 *   <li>{@code records}: {@code [{"ds": ..., "target_close": ...}, ...]}</li>
 *   <li>JSON lines: one such object per line</li>
 *   <li>{@code split}: {@code {"columns": [...], "index": [...], "data": [[...], ...]}}</li>
 *   <li>{@code columns} (pandas' default): {@code {"ds": {"0": ..., "1": ...}, ...}}</li>
 *   <li>{@code table}: {@code {"schema": {...}, "data": [records]}}</li>
 * </ul>
 * Parsed with Jackson in one pass into columns, so every orientation shares one type rule: a column is numeric
 * when each of its non-null values is a number (or boolean), text otherwise.
 */
final class JsonSource implements Source {
    private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private final Path file;
    private Map<String, List<JsonNode>> columns;
    private int rows;

    JsonSource(Path file) {
        this.file = file;
    }

    private void parse() {
        if (columns != null) {
            return;
        }
        columns = new LinkedHashMap<>();
        try {
            JsonNode whole;
            try {
                whole = MAPPER.readTree(file.toFile());
            } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException trailing) {
                whole = null;
            }
            if (whole == null) {
                readLines();
            } else if (whole.isArray()) {
                readRecords(whole.elements());
            } else if (whole.isObject() && whole.has("columns") && whole.has("data") && whole.get("data").isArray()) {
                readSplit(whole);
            } else if (whole.isObject() && whole.has("schema") && whole.has("data") && whole.get("data").isArray()) {
                readRecords(whole.get("data").elements());
            } else if (whole.isObject() && whole.size() > 0 && allObjects(whole)) {
                readColumns(whole);
            } else if (whole.isObject()) {
                readRecords(List.of(whole).iterator());
            } else {
                throw new InvalidDataException("JSON file holds neither records nor columns [file=" + file + "]");
            }
        } catch (IOException e) {
            throw new InvalidDataException("Malformed JSON file [file=" + file + "]: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private void readLines() throws IOException {
        try (MappingIterator<JsonNode> lines = new ObjectMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
            List<JsonNode> records = new ArrayList<>();
            while (lines.hasNextValue()) {
                records.add(lines.nextValue());
            }
            readRecords(records.iterator());
        }
    }

    private static boolean allObjects(JsonNode whole) {
        for (Iterator<JsonNode> values = whole.elements(); values.hasNext(); ) {
            if (!values.next().isObject()) {
                return false;
            }
        }
        return true;
    }

    private void readRecords(Iterator<JsonNode> records) {
        int row = 0;
        while (records.hasNext()) {
            JsonNode record = records.next();
            if (!record.isObject()) {
                throw new InvalidDataException("JSON record is not an object [file=" + file + ", row=" + row + ", value=" + abbreviate(record) + "]");
            }
            for (Map.Entry<String, JsonNode> field : record.properties()) {
                List<JsonNode> column = columns.computeIfAbsent(field.getKey(), key -> new ArrayList<>());
                while (column.size() < row) {
                    column.add(null);
                }
                column.add(field.getValue());
            }
            row++;
        }
        rows = row;
    }

    private void readSplit(JsonNode whole) {
        List<String> names = new ArrayList<>();
        whole.get("columns").forEach(name -> names.add(name.asText()));
        names.forEach(name -> columns.put(name, new ArrayList<>()));
        int row = 0;
        for (JsonNode values : whole.get("data")) {
            if (!values.isArray() || values.size() != names.size()) {
                throw new InvalidDataException("JSON split row has " + values.size() + " values for " + names.size() + " columns [file="
                        + file + ", row=" + row + "]");
            }
            for (int c = 0; c < names.size(); c++) {
                columns.get(names.get(c)).add(values.get(c));
            }
            row++;
        }
        rows = row;
    }

    private void readColumns(JsonNode whole) {
        // Rows are the index labels, in the order the first column lists them; other columns are looked up by label.
        List<String> labels = new ArrayList<>();
        whole.elements().next().fieldNames().forEachRemaining(labels::add);
        for (Map.Entry<String, JsonNode> field : whole.properties()) {
            List<JsonNode> values = new ArrayList<>(labels.size());
            for (String label : labels) {
                values.add(field.getValue().get(label));
            }
            columns.put(field.getKey(), values);
        }
        rows = labels.size();
    }

    @Override
    public Map<String, SourceType> schema() {
        parse();
        Map<String, SourceType> types = new LinkedHashMap<>();
        columns.forEach((name, values) -> types.put(name, typeOf(values)));
        return types;
    }

    private static SourceType typeOf(List<JsonNode> values) {
        boolean numeric = true;
        boolean any = false;
        for (JsonNode value : values) {
            if (value == null || value.isNull()) {
                continue;
            }
            any = true;
            if (!value.isNumber() && !value.isBoolean()) {
                numeric = false;
                if (!value.isValueNode()) {
                    return SourceType.OTHER;
                }
            }
        }
        // A column of nothing but nulls can be read as numbers (all NaN).
        return numeric || !any ? SourceType.NUMBER : SourceType.TEXT;
    }

    @Override
    public List<TableColumn> read(List<String> names, MemoryBudget budget) {
        Map<String, SourceType> types = schema();
        budget.reserve(ParquetSource.estimate(names, types, rows), file.toString());
        List<TableColumn> out = new ArrayList<>();
        for (String name : names) {
            List<JsonNode> values = columns.get(name);
            if (types.get(name).isNumeric()) {
                double[] numbers = new double[rows];
                for (int row = 0; row < rows; row++) {
                    JsonNode value = row < values.size() ? values.get(row) : null;
                    numbers[row] = value == null || value.isNull() ? Double.NaN
                            : value.isBoolean() ? (value.booleanValue() ? 1 : 0) : value.doubleValue();
                }
                out.add(new TableColumn.Doubles(name, numbers));
            } else {
                String[] texts = new String[rows];
                for (int row = 0; row < rows; row++) {
                    JsonNode value = row < values.size() ? values.get(row) : null;
                    texts[row] = value == null || value.isNull() ? null : value.asText();
                }
                out.add(new TableColumn.Texts(name, texts));
            }
        }
        return out;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    @Override
    public void close() {
        columns = null;
    }

}
