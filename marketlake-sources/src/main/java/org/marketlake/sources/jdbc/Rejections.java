package org.marketlake.sources.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marketlake.core.model.Micros;

/** The first few examples of each rejection reason over a whole export, for the summary. Thread-safe. */
final class Rejections {
    static final int EXAMPLES_PER_REASON = 3;
    private final Map<String, Integer> shown = new HashMap<>();
    private final List<String> examples = new ArrayList<>();

    synchronized void example(Rejection rejection, String table, String symbol, long timestamp) {
        int count = shown.merge(rejection.reason(), 1, Integer::sum);
        if (count <= EXAMPLES_PER_REASON) {
            examples.add(rejection.reason() + ": [table=" + table + ", symbol=" + symbol
                    + (timestamp == Long.MIN_VALUE ? "" : ", timestamp=" + Micros.format(timestamp))
                    + ", column=" + rejection.column() + ", value=" + rejection.value() + "]");
        }
    }

    synchronized List<String> examples() {
        return List.copyOf(examples);
    }
}
