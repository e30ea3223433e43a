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

    public static Processed process(Table table, List<String> targets, LoaderConfig config) {
        List<String> columns = valueColumns(table, targets, config);
        NullHandler.Result nulls = NullHandler.apply(table, columns, config.processing().nullHandling());
        Table current = nulls.table();
        List<OutlierReport> outliers = List.of();
        int droppedForOutliers = 0;
        if (config.processing().outlierDetection()) {
            OutlierDetector.Result result = OutlierDetector.apply(current, columns, config.processing());
            current = result.table();
            outliers = result.reports();
            droppedForOutliers = result.rowsDropped();
        }
        FeatureEngineer.Result features = FeatureEngineer.apply(current, config.features(), targets, config.schema().timestampColumns());
        return new Processed(features.table(), nulls.reports(), nulls.rowsDropped(), outliers, droppedForOutliers,
                features.features(), false);
    }
}
