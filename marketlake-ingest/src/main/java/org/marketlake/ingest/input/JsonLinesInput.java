package org.marketlake.ingest.input;

import org.marketlake.core.time.TimestampParser;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON lines: one object per line, fields found by key. The keys of the first object play the part of a
 * CSV header (a required field missing there fails the file); a later row missing a required field is
 * rejected. Strings and numbers are both accepted for every field (an integer timestamp needs
 * {@code --epoch-unit}); a line that is not a JSON object is rejected as malformed and reading goes on.
 */
final class JsonLinesInput {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonLinesInput() {}

    /** The fields of one row that the layout wants, by slot: 0 timestamp, 1.. numbers, last the text field. */
    private static final class Values {
        final String[] texts;
        final boolean[] isInteger;
        final long[] integers;

        Values(int slots) {
            texts = new String[slots];
            isInteger = new boolean[slots];
            integers = new long[slots];
        }

        void clear() {
            Arrays.fill(texts, null);
            Arrays.fill(isInteger, false);
        }
    }

    static void read(Path file, InputStream bytes, RecordLayout layout, ColumnMapping mapping, TimestampParser timestamps,
            RowSink sink) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8), 1 << 16);
        RowParser parser = new RowParser(layout, timestamps, sink, file.toString());
        int textSlot = layout.numbers().size() + 1;
        Values values = new Values(textSlot + 1);
        Map<String, Integer> slotOf = null;
        List<String> keys = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Long> integers = new ArrayList<>();
        long line = 0;
        String row;
        while ((row = lines.readLine()) != null) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            keys.clear();
            texts.clear();
            integers.clear();
            try (JsonParser json = JSON.createParser(row)) {
                if (json.nextToken() != JsonToken.START_OBJECT) {
                    sink.reject(Reason.MALFORMED_ROW, line, "not a JSON object");
                    continue;
                }
                JsonToken token;
                while ((token = json.nextToken()) == JsonToken.FIELD_NAME) {
                    keys.add(json.currentName());
                    JsonToken value = json.nextToken();
                    boolean scalar = value.isScalarValue() && value != JsonToken.VALUE_NULL;
                    texts.add(scalar ? json.getText() : null);
                    integers.add(value == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.LONG
                            || value == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.INT
                            ? json.getLongValue() : null);
                    json.skipChildren();
                }
                if (token != JsonToken.END_OBJECT) {
                    sink.reject(Reason.MALFORMED_ROW, line, "not a JSON object");
                    continue;
                }
            } catch (StreamReadException e) {
                sink.reject(Reason.MALFORMED_ROW, line, "invalid JSON: " + e.getOriginalMessage());
                continue;
            }
            if (slotOf == null) {
                slotOf = slots(layout, mapping.resolve(layout, keys, file.toString()), keys, textSlot);
            }
            values.clear();
            for (int i = 0; i < keys.size(); i++) {
                Integer slot = slotOf.get(keys.get(i));
                if (slot != null) {
                    values.texts[slot] = texts.get(i);
                    if (integers.get(i) != null) {
                        values.isInteger[slot] = true;
                        values.integers[slot] = integers.get(i);
                    }
                }
            }
            deliver(parser, layout, values, textSlot, line);
        }
    }

    private static void deliver(RowParser parser, RecordLayout layout, Values values, int textSlot, long line) {
        long timestamp = values.isInteger[0]
                ? parser.timestampFromEpoch(values.integers[0], line)
                : parser.timestamp(values.texts[0], line);
        if (timestamp == Long.MIN_VALUE) {
            return;
        }
        for (int i = 0; i < layout.numbers().size(); i++) {
            if (!parser.number(i, values.texts[i + 1], line)) {
                return;
            }
        }
        parser.accept(timestamp, CsvInput.emptyToNull(values.texts[textSlot]), line);
    }

    private static Map<String, Integer> slots(RecordLayout layout, ColumnMapping.Resolved resolved, List<String> keys, int textSlot) {
        Map<String, Integer> slots = new HashMap<>();
        slots.put(keys.get(resolved.timestamp()), 0);
        for (int i = 0; i < resolved.numbers().length; i++) {
            if (resolved.numbers()[i] >= 0) {
                slots.put(keys.get(resolved.numbers()[i]), i + 1);
            }
        }
        if (resolved.text() >= 0) {
            slots.put(keys.get(resolved.text()), textSlot);
        }
        return slots;
    }
}
