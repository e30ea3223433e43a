package org.marketlake.loader.process;

import java.util.List;
import org.marketlake.loader.table.Table;

/**
 * Loaded rows after null handling, outliers and features, with what each step did. {@code fromCache} when the
 * table came from {@code cache_dir} (then the step reports are empty: the work was done by an earlier run).
 */
public record Processed(Table table, List<NullReport> nulls, int rowsDroppedForNulls, List<OutlierReport> outliers,
        int rowsDroppedForOutliers, List<String> features, boolean fromCache) {
    public Processed {
        nulls = List.copyOf(nulls);
        outliers = List.copyOf(outliers);
        features = List.copyOf(features);
    }
}
