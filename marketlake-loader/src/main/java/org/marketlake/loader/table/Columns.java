package org.marketlake.loader.table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Column helpers: concatenation across files and conversion between text and categorical forms. */
public final class Columns {
    private Columns() {}

    static TableColumn concat(String name, List<TableColumn> parts, int total) {
        TableColumn first = parts.get(0);
        boolean allFloat = parts.stream().allMatch(part -> part instanceof TableColumn.Floats);
        boolean allTimes = parts.stream().allMatch(part -> part instanceof TableColumn.Times);
        boolean allNumeric = parts.stream().allMatch(TableColumn::isNumeric);
        int at = 0;
        if (allFloat) {
            float[] out = new float[total];
            for (TableColumn part : parts) {
                float[] values = ((TableColumn.Floats) part).values();
                System.arraycopy(values, 0, out, at, values.length);
                at += values.length;
            }
            return new TableColumn.Floats(name, out);
        }
        if (allNumeric) {
            double[] out = new double[total];
            for (TableColumn part : parts) {
                double[] values = doubles(part);
                System.arraycopy(values, 0, out, at, values.length);
                at += values.length;
            }
            return new TableColumn.Doubles(name, out);
        }
        if (allTimes) {
            long[] out = new long[total];
            for (TableColumn part : parts) {
                long[] values = ((TableColumn.Times) part).micros();
                System.arraycopy(values, 0, out, at, values.length);
                at += values.length;
            }
            return new TableColumn.Times(name, out);
        }
        String[] out = new String[total];
        for (TableColumn part : parts) {
            String[] values = texts(part);
            System.arraycopy(values, 0, out, at, values.length);
            at += values.length;
        }
        return first instanceof TableColumn.Categorical ? categorical(name, out) : new TableColumn.Texts(name, out);
    }

    /** A numeric column's values as doubles (a copy for floats). */
    public static double[] doubles(TableColumn column) {
        return switch (column) {
            case TableColumn.Doubles doubles -> doubles.values();
            case TableColumn.Floats floats -> {
                double[] out = new double[floats.values().length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = floats.values()[i];
                }
                yield out;
            }
            case TableColumn.Texts texts -> throw new IllegalArgumentException("column " + column.name() + " is not numeric");
            case TableColumn.Categorical categorical -> throw new IllegalArgumentException("column " + column.name() + " is not numeric");
            case TableColumn.Times times -> throw new IllegalArgumentException("column " + column.name() + " is not numeric");
        };
    }

    /** A text column's values (decoded for categorical). */
    public static String[] texts(TableColumn column) {
        return switch (column) {
            case TableColumn.Texts texts -> texts.values();
            case TableColumn.Categorical categorical -> {
                String[] out = new String[categorical.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = categorical.value(i);
                }
                yield out;
            }
            case TableColumn.Doubles doubles -> throw new IllegalArgumentException("column " + column.name() + " is not text");
            case TableColumn.Floats floats -> throw new IllegalArgumentException("column " + column.name() + " is not text");
            case TableColumn.Times times -> throw new IllegalArgumentException("column " + column.name() + " is not text");
        };
    }

    public static TableColumn.Categorical categorical(String name, String[] values) {
        Map<String, Integer> codes = new HashMap<>();
        java.util.ArrayList<String> dictionary = new java.util.ArrayList<>();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            String value = values[i];
            if (value == null) {
                out[i] = -1;
                continue;
            }
            Integer code = codes.get(value);
            if (code == null) {
                code = dictionary.size();
                codes.put(value, code);
                dictionary.add(value);
            }
            out[i] = code;
        }
        return new TableColumn.Categorical(name, out, dictionary);
    }
}
