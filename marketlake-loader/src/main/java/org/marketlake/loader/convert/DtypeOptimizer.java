package org.marketlake.loader.convert;

import java.util.ArrayList;
import java.util.List;
import org.marketlake.loader.table.Columns;
import org.marketlake.loader.table.Table;
import org.marketlake.loader.table.TableColumn;

/**
 * {@code processing.optimize_dtypes} and {@code use_categorical}: a double column whose every value survives a
 * round trip through float is held as float (half the memory, nothing lost; a column that would lose precision
 * stays double), a float column stays float; with optimize_dtypes off every number is a double. Text columns
 * become dictionary codes under use_categorical.
 */
public final class DtypeOptimizer {
    private DtypeOptimizer() {}

    public static Table optimize(Table table, boolean optimizeDtypes, boolean useCategorical) {
        List<TableColumn> out = new ArrayList<>();
        for (TableColumn column : table.columns()) {
            out.add(switch (column) {
                case TableColumn.Doubles doubles -> optimizeDtypes && fitsFloat(doubles.values()) ? toFloats(doubles) : doubles;
                case TableColumn.Floats floats -> optimizeDtypes ? floats : new TableColumn.Doubles(floats.name(), Columns.doubles(floats));
                case TableColumn.Texts texts -> useCategorical ? Columns.categorical(texts.name(), texts.values()) : texts;
                case TableColumn.Categorical categorical -> useCategorical ? categorical
                        : new TableColumn.Texts(categorical.name(), Columns.texts(categorical));
                case TableColumn.Times times -> times;
            });
        }
        return Table.of(table.ds(), out);
    }

    static boolean fitsFloat(double[] values) {
        for (double value : values) {
            if (!Double.isNaN(value) && (double) (float) value != value) {
                return false;
            }
        }
        return true;
    }

    private static TableColumn.Floats toFloats(TableColumn.Doubles doubles) {
        double[] values = doubles.values();
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return new TableColumn.Floats(doubles.name(), out);
    }
}
