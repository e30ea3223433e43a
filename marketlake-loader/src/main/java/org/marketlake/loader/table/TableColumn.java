package org.marketlake.loader.table;

import java.util.Arrays;
import java.util.List;

/**
 * One column of a {@link Table}, held in a primitive array. Nulls: NaN in numbers, {@link #NULL_TIME} in
 * timestamps, -1 in categorical codes, Java null in text. A closed set: switch over it without a default.
 */
public sealed interface TableColumn
        permits TableColumn.Doubles, TableColumn.Floats, TableColumn.Texts, TableColumn.Categorical, TableColumn.Times {
    long NULL_TIME = Long.MIN_VALUE;

    String name();

    int size();

    /** Bytes the values take in memory (strings counted as objects), for the memory report and limit. */
    long memoryBytes();

    TableColumn select(int[] rows);

    TableColumn slice(int from, int to);

    default boolean isNumeric() {
        return this instanceof Doubles || this instanceof Floats;
    }

    record Doubles(String name, double[] values) implements TableColumn {
        public int size() {
            return values.length;
        }

        public long memoryBytes() {
            return 8L * values.length;
        }

        public TableColumn select(int[] rows) {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = values[rows[i]];
            }
            return new Doubles(name, out);
        }

        public TableColumn slice(int from, int to) {
            return new Doubles(name, Arrays.copyOfRange(values, from, to));
        }
    }

    /** A floating column kept in 32 bits ({@code processing.optimize_dtypes}). */
    record Floats(String name, float[] values) implements TableColumn {
        public int size() {
            return values.length;
        }

        public long memoryBytes() {
            return 4L * values.length;
        }

        public TableColumn select(int[] rows) {
            float[] out = new float[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = values[rows[i]];
            }
            return new Floats(name, out);
        }

        public TableColumn slice(int from, int to) {
            return new Floats(name, Arrays.copyOfRange(values, from, to));
        }
    }

    record Texts(String name, String[] values) implements TableColumn {
        public int size() {
            return values.length;
        }

        public long memoryBytes() {
            long bytes = 8L * values.length;
            for (String value : values) {
                bytes += value == null ? 0 : 40 + 2L * value.length();
            }
            return bytes;
        }

        public TableColumn select(int[] rows) {
            String[] out = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = values[rows[i]];
            }
            return new Texts(name, out);
        }

        public TableColumn slice(int from, int to) {
            return new Texts(name, Arrays.copyOfRange(values, from, to));
        }
    }

    /** Text held as codes into a dictionary ({@code processing.use_categorical}); code -1 is null. */
    record Categorical(String name, int[] codes, List<String> dictionary) implements TableColumn {
        public Categorical {
            dictionary = List.copyOf(dictionary);
        }

        public String value(int row) {
            return codes[row] < 0 ? null : dictionary.get(codes[row]);
        }

        public int size() {
            return codes.length;
        }

        public long memoryBytes() {
            long bytes = 4L * codes.length;
            for (String value : dictionary) {
                bytes += 48 + 2L * value.length();
            }
            return bytes;
        }

        public TableColumn select(int[] rows) {
            int[] out = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = codes[rows[i]];
            }
            return new Categorical(name, out, dictionary);
        }

        public TableColumn slice(int from, int to) {
            return new Categorical(name, Arrays.copyOfRange(codes, from, to), dictionary);
        }
    }

    /** Instants in epoch microseconds, UTC. */
    record Times(String name, long[] micros) implements TableColumn {
        public int size() {
            return micros.length;
        }

        public long memoryBytes() {
            return 8L * micros.length;
        }

        public TableColumn select(int[] rows) {
            long[] out = new long[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = micros[rows[i]];
            }
            return new Times(name, out);
        }

        public TableColumn slice(int from, int to) {
            return new Times(name, Arrays.copyOfRange(micros, from, to));
        }
    }
}
