package org.marketlake.loader.process;

import java.util.List;
import org.marketlake.loader.table.Table;

/**
 * Loaded rows after null handling, outliers and features, with what each step did. {@code fromCache} when the
 * table came from {@code cache_dir} (then the step reports are empty: the work was done by an earlier run).
 * {@code fitEndMicros}: the time of the last row the outlier fences were fitted on when they stop there (a training
 * set's training part), {@link Long#MAX_VALUE} when each row's fences use the rows at or before it.
 */
public record Processed(Table table, List<NullReport> nulls, int rowsDroppedForNulls, List<OutlierReport> outliers,
        int rowsDroppedForOutliers, List<String> features, boolean fromCache, long fitEndMicros) {
    public Processed {
        nulls = List.copyOf(nulls);
        outliers = List.copyOf(outliers);
        features = List.copyOf(features);
    }
}
