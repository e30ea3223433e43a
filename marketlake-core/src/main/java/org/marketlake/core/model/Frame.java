package org.marketlake.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of one kind and one symbol, held column by column in primitive arrays (one {@code long[]} of epoch
 * microseconds, one {@code double[]} per price or size...). This is how values cross module borders: ingest
 * builds frames, the store writes and reads them, queries return them.
 *
 * <p>The {@code symbol} column is not stored per row: every row of a frame has the frame's symbol. Nulls are
 * held as {@link ColumnType} describes (NaN, {@link ColumnType#NULL_INT}, null). Arrays may be longer than
 * {@link #size()}; only the first {@code size()} entries are rows.
 */
public final class Frame {
    private final DataKind kind;
    private final Symbol symbol;
    private final List<Column> columns;
    private final Object[] data;
    private final int size;

    Frame(DataKind kind, Symbol symbol, List<Column> columns, Object[] data, int size) {
        this.kind = kind;
        this.symbol = symbol;
        this.columns = List.copyOf(columns);
        this.data = data;
        this.size = size;
        if (data.length != columns.size()) {
            throw new IllegalArgumentException("columns and data disagree: " + columns.size() + " vs " + data.length);
        }
    }

    /** A frame over existing arrays, one per column in {@code columns} order ({@code null} for {@code symbol}). */
    public static Frame of(DataKind kind, Symbol symbol, List<Column> columns, Object[] data, int size) {
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column.name().equals(LakeSchema.SYMBOL)) {
                continue;
            }
            int length = switch (column.type()) {
                case TIMESTAMP -> ((long[]) data[i]).length;
                case DOUBLE -> ((double[]) data[i]).length;
                case INT32 -> ((int[]) data[i]).length;
                case STRING -> ((String[]) data[i]).length;
            };
            if (length < size) {
                throw new IllegalArgumentException("column " + column.name() + " has " + length + " values for " + size + " rows");
            }
        }
        return new Frame(kind, symbol, columns, data.clone(), size);
    }

    public static Frame empty(DataKind kind, Symbol symbol) {
        return builder(kind, symbol, 0).build();
    }

    /** No rows, with only {@code columns}. */
    public static Frame empty(DataKind kind, Symbol symbol, List<Column> columns) {
        Object[] data = new Object[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            data[c] = allocate(columns.get(c), 0);
        }
        return new Frame(kind, symbol, columns, data, 0);
    }

    public static Builder builder(DataKind kind, Symbol symbol, int capacity) {
        return new Builder(kind, symbol, kind.schema().columns(), capacity);
    }

    public DataKind kind() {
        return kind;
    }

    public Symbol symbol() {
        return symbol;
    }

    public List<Column> columns() {
        return columns;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Position of a column in this frame, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public boolean hasColumn(String name) {
        return indexOf(name) >= 0;
    }

    private int require(String name) {
        int index = indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("frame has no column " + name + ": " + columns);
        }
        return index;
    }

    public long[] timestamps() {
        return (long[]) data[require(LakeSchema.TIMESTAMP_COLUMN)];
    }

    public double[] doubles(String name) {
        return (double[]) data[require(name)];
    }

    public int[] ints(String name) {
        return (int[]) data[require(name)];
    }

    public String[] strings(String name) {
        return (String[]) data[require(name)];
    }

    /** The raw array of column {@code index} (null for {@code symbol}). */
    public Object array(int index) {
        return data[index];
    }

    public boolean isNull(int column, int row) {
        return switch (columns.get(column).type()) {
            case TIMESTAMP -> false;
            case DOUBLE -> Double.isNaN(((double[]) data[column])[row]);
            case INT32 -> ((int[]) data[column])[row] == ColumnType.NULL_INT;
            case STRING -> columns.get(column).name().equals(LakeSchema.SYMBOL) ? false : ((String[]) data[column])[row] == null;
        };
    }

    /** A boxed value, for printing and tests: Long micros, Double, Integer, String or null. */
    public Object value(int column, int row) {
        if (isNull(column, row)) {
            return null;
        }
        if (columns.get(column).name().equals(LakeSchema.SYMBOL)) {
            return symbol.value();
        }
        return switch (columns.get(column).type()) {
            case TIMESTAMP -> ((long[]) data[column])[row];
            case DOUBLE -> ((double[]) data[column])[row];
            case INT32 -> ((int[]) data[column])[row];
            case STRING -> ((String[]) data[column])[row];
        };
    }

    /** The rows at {@code rows}, in that order. */
    public Frame select(int[] rows) {
        Object[] picked = new Object[data.length];
        for (int c = 0; c < data.length; c++) {
            picked[c] = pick(data[c], rows);
        }
        return new Frame(kind, symbol, columns, picked, rows.length);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    public Frame slice(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of " + size);
        }
        Object[] sliced = new Object[data.length];
        for (int c = 0; c < data.length; c++) {
            sliced[c] = copyRange(data[c], from, to);
        }
        return new Frame(kind, symbol, columns, sliced, to - from);
    }

    /** Only the named columns, in the given order. */
    public Frame project(List<String> names) {
        if (names == null || names.isEmpty()) {
            return this;
        }
        List<Column> kept = new ArrayList<>();
        Object[] keptData = new Object[names.size()];
        for (int i = 0; i < names.size(); i++) {
            int index = require(names.get(i));
            kept.add(columns.get(index));
            keptData[i] = data[index];
        }
        return new Frame(kind, symbol, kept, keptData, size);
    }

    /** Row order that sorts by timestamp, stable (equal timestamps keep their order). */
    public int[] sortOrder() {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        if (isSortedByTimestamp()) {
            return order;
        }
        long[] ts = timestamps();
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(ts[a], ts[b]));
        for (int i = 0; i < size; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    public boolean isSortedByTimestamp() {
        long[] ts = timestamps();
        for (int i = 1; i < size; i++) {
            if (ts[i] < ts[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** Frames of the same kind, symbol and columns, one after another. */
    public static Frame concat(List<Frame> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        Frame first = frames.get(0);
        if (frames.size() == 1) {
            return first;
        }
        int total = 0;
        for (Frame frame : frames) {
            if (!frame.columns.equals(first.columns) || !frame.symbol.equals(first.symbol)) {
                throw new IllegalArgumentException("frames differ in columns or symbol");
            }
            total += frame.size;
        }
        Object[] joined = new Object[first.data.length];
        for (int c = 0; c < joined.length; c++) {
            joined[c] = allocate(first.columns.get(c), total);
            int at = 0;
            for (Frame frame : frames) {
                if (joined[c] != null) {
                    System.arraycopy(frame.data[c], 0, joined[c], at, frame.size);
                }
                at += frame.size;
            }
        }
        return new Frame(first.kind, first.symbol, first.columns, joined, total);
    }

    static Object allocate(Column column, int capacity) {
        if (column.name().equals(LakeSchema.SYMBOL)) {
            return null;
        }
        return switch (column.type()) {
            case TIMESTAMP -> new long[capacity];
            case DOUBLE -> {
                double[] values = new double[capacity];
                if (column.nullable()) {
                    Arrays.fill(values, Double.NaN);
                }
                yield values;
            }
            case INT32 -> {
                int[] values = new int[capacity];
                if (column.nullable()) {
                    Arrays.fill(values, ColumnType.NULL_INT);
                }
                yield values;
            }
            case STRING -> new String[capacity];
        };
    }

    private static Object pick(Object array, int[] rows) {
        return switch (array) {
            case null -> null;
            case long[] values -> {
                long[] out = new long[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    out[i] = values[rows[i]];
                }
                yield out;
            }
            case double[] values -> {
                double[] out = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    out[i] = values[rows[i]];
                }
                yield out;
            }
            case int[] values -> {
                int[] out = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    out[i] = values[rows[i]];
                }
                yield out;
            }
            case String[] values -> {
                String[] out = new String[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    out[i] = values[rows[i]];
                }
                yield out;
            }
            default -> throw new IllegalStateException("unexpected column array " + array.getClass());
        };
    }

    private static Object copyRange(Object array, int from, int to) {
        return switch (array) {
            case null -> null;
            case long[] values -> Arrays.copyOfRange(values, from, to);
            case double[] values -> Arrays.copyOfRange(values, from, to);
            case int[] values -> Arrays.copyOfRange(values, from, to);
            case String[] values -> Arrays.copyOfRange(values, from, to);
            default -> throw new IllegalStateException("unexpected column array " + array.getClass());
        };
    }

    /**
     * Appends rows: {@code int row = builder.add(timestampMicros)}, then {@code setDouble(LakeSchema.OPEN, row, 1.5)}
     * and so on. Unset nullable cells stay null; unset required cells stay 0 and are refused by validation.
     */
    public static final class Builder {
        private final DataKind kind;
        private final Symbol symbol;
        private final List<Column> columns;
        private Object[] data;
        private int size;

        Builder(DataKind kind, Symbol symbol, List<Column> columns, int capacity) {
            this.kind = kind;
            this.symbol = symbol;
            this.columns = columns;
            this.data = new Object[columns.size()];
            int initial = Math.max(capacity, 16);
            for (int c = 0; c < columns.size(); c++) {
                data[c] = allocate(columns.get(c), initial);
            }
        }

        public int add(long timestampMicros) {
            long[] ts = (long[]) data[LakeSchema.TS];
            if (size == ts.length) {
                grow();
                ts = (long[]) data[LakeSchema.TS];
            }
            ts[size] = timestampMicros;
            return size++;
        }

        public Builder setDouble(int column, int row, double value) {
            ((double[]) data[column])[row] = value;
            return this;
        }

        public Builder setInt(int column, int row, int value) {
            ((int[]) data[column])[row] = value;
            return this;
        }

        public Builder setString(int column, int row, String value) {
            ((String[]) data[column])[row] = value;
            return this;
        }

        public int size() {
            return size;
        }

        public int indexOf(String name) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(name)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no column " + name + " in " + kind.label());
        }

        private void grow() {
            int capacity = Math.max(16, ((long[]) data[LakeSchema.TS]).length * 2);
            for (int c = 0; c < data.length; c++) {
                Object grown = allocate(columns.get(c), capacity);
                if (grown != null) {
                    System.arraycopy(data[c], 0, grown, 0, size);
                }
                data[c] = grown;
            }
        }

        public Frame build() {
            return new Frame(kind, symbol, columns, data, size);
        }
    }
}
