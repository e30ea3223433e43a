package org.marketlake.loader.process;

import java.util.ArrayList;
import java.util.List;
import org.marketlake.loader.config.LoaderConfig;
import org.marketlake.loader.features.FeatureEngineer;
import org.marketlake.loader.table.Table;

/** The processing steps in order: nulls, then outliers (when {@code outlier_detection}), then features. */
public final class Processor {
    private Processor() {}

    /** The numeric target and feature columns of the table: what nulls and outliers are handled in. */
    public static List<String> valueColumns(Table table, List<String> targets, LoaderConfig config) {
        List<String> columns = new ArrayList<>();
        for (String name : targets) {
            if (table.has(name) && table.column(name).isNumeric()) {
                columns.add(name);
            }
        }
        for (String name : config.schema().featureColumns()) {
            if (table.has(name) && table.column(name).isNumeric() && !columns.contains(name)) {
                columns.add(name);
            }
        }
        return columns;
    }

    /** Rolling use (features, context): each row's outlier fences are fitted on the rows at or before it. */
    public static Processed process(Table table, List<String> targets, LoaderConfig config) {
        return process(table, targets, config, Integer.MAX_VALUE);
    }

    /**
     * As {@link #process(Table, List, LoaderConfig)} with the outlier fences fitted on rows before {@code fitRows}
     * at most (a training set's training part), so later rows never shape them. Null handling other than
     * {@code interpolate} and every feature use only rows at or before each row.
     */
    public static Processed process(Table table, List<String> targets, LoaderConfig config, int fitRows) {
        List<String> columns = valueColumns(table, targets, config);
        NullHandler.Result nulls = NullHandler.apply(table, columns, config.processing().nullHandling());
        Table current = nulls.table();
        List<OutlierReport> outliers = List.of();
        int droppedForOutliers = 0;
        if (config.processing().outlierDetection()) {
            // Rows dropped for nulls come before the fit's end: the fit ends at the same loaded row.
            int fit = fitRows >= table.rows() ? Integer.MAX_VALUE
                    : current.lastAtOrBefore(fitRows == 0 ? Long.MIN_VALUE : table.ds()[fitRows - 1]) + 1;
            OutlierDetector.Result result = OutlierDetector.causal(current, columns, config.processing(), fit);
            current = result.table();
            outliers = result.reports();
            droppedForOutliers = result.rowsDropped();
        }
        FeatureEngineer.Result features = FeatureEngineer.apply(current, config.features(), targets, config.schema().timestampColumns());
        return new Processed(features.table(), nulls.reports(), nulls.rowsDropped(), outliers, droppedForOutliers,
                features.features(), false,
                fitRows >= table.rows() ? Long.MAX_VALUE : fitRows == 0 ? Long.MIN_VALUE : table.ds()[fitRows - 1]);
    }
}
