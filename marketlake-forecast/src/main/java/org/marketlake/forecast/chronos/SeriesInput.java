package org.marketlake.forecast.chronos;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidRequestException;

/**
 * Raw series for {@code chronos predict}, NaN for missing: JSON {@code {"series": [[1.0, null, ...], ...]}} (a flat
 * {@code {"series": [1.0, null, ...]}} is one series), or CSV with one column per series, rows aligned at the end
 * (a shorter series starts lower down) and blank cells missing. A CSV whose first row is not numeric has a header.
 * JSON is recognised by a {@code .json} name or a leading {@code {}.
 */
public final class SeriesInput {
    private SeriesInput() {}

    public static double[][] read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidRequestException("input file not found [file=" + file + "]");
        }
        try {
            String text = Files.readString(file);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    || text.stripLeading().startsWith("{");
            double[][] series = json ? fromJson(text, file) : fromCsv(file);
            if (series.length == 0) {
                throw new InvalidDataException("no series in input [file=" + file + "]");
            }
            return series;
        } catch (IOException e) {
            throw new InvalidDataException("cannot read input [file=" + file + "]: " + e.getMessage(), e);
        }
    }

    private static double[][] fromJson(String text, Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonParseException e) {
            throw new InvalidDataException("input is not valid JSON [file=" + file + "]: " + e.getOriginalMessage(), e);
        }
        JsonNode series = root == null ? null : root.get("series");
        if (series == null || !series.isArray()) {
            throw new InvalidDataException("JSON input needs {\"series\": [[...], ...]} [file=" + file + "]");
        }
        if (series.size() > 0 && !series.get(0).isArray()) {
            // a flat list is one series: {"series": [1.0, null, 2.5]}
            series = new ObjectMapper().createArrayNode().add(series);
        }
        double[][] result = new double[series.size()][];
        for (int s = 0; s < result.length; s++) {
            JsonNode values = series.get(s);
            if (!values.isArray()) {
                throw new InvalidDataException("series " + s + " is not an array [file=" + file + ", value=" + values + "]");
            }
            result[s] = new double[values.size()];
            for (int i = 0; i < values.size(); i++) {
                JsonNode value = values.get(i);
                if (value.isNull()) {
                    result[s][i] = Double.NaN;
                } else if (value.isNumber()) {
                    result[s][i] = value.asDouble();
                } else {
                    throw new InvalidDataException("not a number [file=" + file + ", series=" + s + ", index=" + i
                            + ", value=" + value + "] (use null for a missing value)");
                }
            }
        }
        return result;
    }

    private static double[][] fromCsv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        // rows may end early (trailing blanks left out) and files may start with a byte order mark
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .ignoreDifferentFieldCount(true)
                .detectBomHeader(true)
                .ofCsvRecord(file)) {
            for (CsvRecord record : reader) {
                rows.add(record.getFields());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            throw new InvalidDataException("malformed CSV [file=" + file + "]: " + e.getMessage(), e);
        }
        rows.removeIf(row -> row.stream().allMatch(String::isBlank));
        if (rows.isEmpty()) {
            return new double[0][];
        }
        int firstData = isNumericRow(rows.get(0)) ? 0 : 1;
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int length = rows.size() - firstData;
        double[][] grid = new double[columns][length];
        for (int r = 0; r < length; r++) {
            List<String> row = rows.get(firstData + r);
            for (int c = 0; c < columns; c++) {
                String cell = c < row.size() ? row.get(c).strip() : "";
                grid[c][r] = cell.isEmpty() ? Double.NaN : parse(cell, file, firstData + r + 1, c);
            }
        }
        // blank cells above a series' first value are the alignment, not data
        double[][] series = new double[columns][];
        for (int c = 0; c < columns; c++) {
            int start = 0;
            while (start < length && Double.isNaN(grid[c][start])) {
                start++;
            }
            series[c] = Arrays.copyOfRange(grid[c], start, length);
        }
        return series;
    }

    private static boolean isNumericRow(List<String> row) {
        for (String cell : row) {
            String value = cell.strip();
            if (!value.isEmpty() && parseOrNull(value) == null) {
                return false;
            }
        }
        return true;
    }

    private static double parse(String cell, Path file, int line, int column) {
        Double value = parseOrNull(cell);
        if (value == null) {
            throw new InvalidDataException("not a number [file=" + file + ", row=" + line + ", column=" + (column + 1)
                    + ", value=" + cell + "] (leave the cell blank for a missing value)");
        }
        return value;
    }

    private static Double parseOrNull(String cell) {
        if (cell.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
