package org.marketlake.loader.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loaded rows of one series, column by column: the datetime column as UTC epoch microseconds ({@link #ds()}),
 * then targets, features and the rest in a fixed order. Immutable: every change makes a new table that shares
 * the untouched arrays.
 */
public final class Table {
    private final long[] ds;
    private final Map<String, TableColumn> columns;

    private Table(long[] ds, Map<String, TableColumn> columns) {
        this.ds = ds;
        this.columns = columns;
    }

    public static Table of(long[] ds, List<TableColumn> columns) {
        Map<String, TableColumn> byName = new LinkedHashMap<>();
        for (TableColumn column : columns) {
            if (column.size() != ds.length) {
                throw new IllegalArgumentException("column " + column.name() + " has " + column.size() + " values for " + ds.length + " rows");
            }
            if (byName.put(column.name(), column) != null) {
                throw new IllegalArgumentException("column " + column.name() + " appears twice");
            }
        }
        return new Table(ds, byName);
    }

    public int rows() {
        return ds.length;
    }

    /** The datetime column, UTC epoch microseconds. */
    public long[] ds() {
        return ds;
    }

    public List<TableColumn> columns() {
        return List.copyOf(columns.values());
    }

    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    public boolean has(String name) {
        return columns.containsKey(name);
    }

    public TableColumn column(String name) {
        TableColumn column = columns.get(name);
        if (column == null) {
            throw new IllegalArgumentException("no column " + name + " in " + columns.keySet());
        }
        return column;
    }

    /** The values of a numeric column as doubles: the array itself for a double column, a widened copy for float. */
    public double[] doubles(String name) {
        return Columns.doubles(column(name));
    }

    public List<String> numericNames() {
        return columns.values().stream().filter(TableColumn::isNumeric).map(TableColumn::name).toList();
    }

    /** This table with {@code column} replacing the one of the same name, or added at the end. */
    public Table with(TableColumn column) {
        if (column.size() != ds.length) {
            throw new IllegalArgumentException("column " + column.name() + " has " + column.size() + " values for " + ds.length + " rows");
        }
        Map<String, TableColumn> copy = new LinkedHashMap<>(columns);
        copy.put(column.name(), column);
        return new Table(ds, copy);
    }

    public Table withAll(List<? extends TableColumn> added) {
        Table table = this;
        for (TableColumn column : added) {
            table = table.with(column);
        }
        return table;
    }

    /** Only the named columns, in the given order. */
    public Table project(List<String> names) {
        Map<String, TableColumn> kept = new LinkedHashMap<>();
        for (String name : names) {
            kept.put(name, column(name));
        }
        return new Table(ds, kept);
    }

    public Table select(int[] rows) {
        long[] pickedDs = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            pickedDs[i] = ds[rows[i]];
        }
        Map<String, TableColumn> picked = new LinkedHashMap<>();
        columns.forEach((name, column) -> picked.put(name, column.select(rows)));
        return new Table(pickedDs, picked);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    public Table slice(int from, int to) {
        if (from < 0 || to > ds.length || from > to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of " + ds.length);
        }
        if (from == 0 && to == ds.length) {
            return this;
        }
        Map<String, TableColumn> sliced = new LinkedHashMap<>();
        columns.forEach((name, column) -> sliced.put(name, column.slice(from, to)));
        return new Table(Arrays.copyOfRange(ds, from, to), sliced);
    }

    /** Index of the last row with {@code ds <= micros} in a time-sorted table, or -1. */
    public int lastAtOrBefore(long micros) {
        int low = 0;
        int high = ds.length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (ds[middle] <= micros) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    public long memoryBytes() {
        long bytes = 8L * ds.length;
        for (TableColumn column : columns.values()) {
            bytes += column.memoryBytes();
        }
        return bytes;
    }

    /** Rows of several tables with the same columns one after another (numbers widened to double where they differ). */
    public static Table concat(List<Table> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        if (tables.size() == 1) {
            return tables.get(0);
        }
        int total = tables.stream().mapToInt(Table::rows).sum();
        long[] ds = new long[total];
        int at = 0;
        for (Table table : tables) {
            System.arraycopy(table.ds, 0, ds, at, table.rows());
            at += table.rows();
        }
        List<TableColumn> joined = new ArrayList<>();
        for (String name : tables.get(0).names()) {
            List<TableColumn> parts = new ArrayList<>();
            for (Table table : tables) {
                parts.add(table.column(name));
            }
            joined.add(Columns.concat(name, parts, total));
        }
        return of(ds, joined);
    }
}
