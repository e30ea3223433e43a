package org.marketlake.ingest.input;

import org.marketlake.core.format.Printable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidRequestException;

/**
 * Which source column holds which field: {@code --map size=amount,price=p} (lake name = source name). Fields
 * not mapped are looked up under their own name; the header match is exact first, then ignoring case and
 * surrounding spaces.
 */
public record ColumnMapping(Map<String, String> sourceOf) {
    public static final ColumnMapping NONE = new ColumnMapping(Map.of());

    public ColumnMapping {
        sourceOf = Map.copyOf(sourceOf);
    }

    /** Parses {@code a=b,c=d}; blank or null text is no mapping. */
    public static ColumnMapping parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new InvalidRequestException("bad column map entry [value=" + Printable.of(pair.strip()) + "]: use FIELD=COLUMN, for example size=amount").about("column map");
            }
            String field = pair.substring(0, equals).strip();
            String column = pair.substring(equals + 1).strip();
            if (pairs.put(field, column) != null) {
                throw new InvalidRequestException("the column map names field " + field + " twice").about("column map");
            }
        }
        return new ColumnMapping(pairs);
    }

    /** Refuses mappings of fields {@code layout} does not have. */
    public ColumnMapping checkedFor(RecordLayout layout) {
        for (String field : sourceOf.keySet()) {
            if (!layout.fields().contains(field)) {
                throw new InvalidRequestException("unknown field in the column map [value=" + field + "]: " + layout.label()
                        + " have " + String.join(", ", layout.fields()));
            }
        }
        return this;
    }

    /** The source column of each field, by position in the source; see {@link Resolved}. */
    public Resolved resolve(RecordLayout layout, List<String> header, String file) {
        int timestamp = find(layout, RecordLayout.TIMESTAMP, true, header, file);
        int[] numbers = new int[layout.numbers().size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = find(layout, layout.numbers().get(i), layout.required(i), header, file);
        }
        int text = layout.text() == null ? -1 : find(layout, layout.text(), false, header, file);
        return new Resolved(timestamp, numbers, text);
    }

    /**
     * Positions in the source: {@code timestamp}, one per {@link RecordLayout#numbers()} field, and the text
     * field; -1 for an optional field the source lacks.
     */
    public record Resolved(int timestamp, int[] numbers, int text) {
        /** The highest position used, so a reader knows how many fields a row must have. */
        public int maxIndex() {
            int max = Math.max(timestamp, text);
            for (int number : numbers) {
                max = Math.max(max, number);
            }
            return max;
        }
    }

    private int find(RecordLayout layout, String field, boolean required, List<String> header, String file) {
        String wanted = sourceOf.getOrDefault(field, field);
        int index = header.indexOf(wanted);
        if (index < 0) {
            String folded = wanted.strip().toLowerCase(Locale.ROOT);
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i) != null && header.get(i).strip().toLowerCase(Locale.ROOT).equals(folded)) {
                    index = i;
                    break;
                }
            }
        }
        if (index < 0 && required) {
            List<String> needed = new ArrayList<>();
            needed.add(RecordLayout.TIMESTAMP);
            for (int i = 0; i < layout.numbers().size(); i++) {
                if (layout.required(i)) {
                    needed.add(layout.numbers().get(i));
                }
            }
            throw new InvalidDataException("missing column [file=" + file + ", column=" + wanted + "]: " + layout.label()
                    + " need " + String.join(", ", needed) + "; the columns are " + Printable.of(String.valueOf(header))
                    + (sourceOf.containsKey(field) ? "" : "; map another to " + field + " (" + field + "=COLUMN)")).about("column map");
        }
        return index;
    }
}
