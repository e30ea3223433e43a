package org.marketlake.loader.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * What schema validation found in one file: the columns that will be read, by role, and the extra columns the
 * configuration does not name (reported, not read). {@code unavailable}: configured feature and timestamp columns
 * the file does not have (the source cannot provide them); they are not read, and left out of {@code features}
 * and {@code timestampColumns}.
 */
public record SchemaReport(String datetimeColumn, List<String> targets, List<String> features,
        List<String> timestampColumns, List<String> extras, List<String> unavailable) {
    public SchemaReport {
        unavailable = List.copyOf(unavailable);
        targets = List.copyOf(targets);
        features = List.copyOf(features);
        timestampColumns = List.copyOf(timestampColumns);
        extras = List.copyOf(extras);
    }

    /** The columns to read, datetime first, then targets, features and timestamp columns. */
    public List<String> columnsToRead() {
        List<String> all = new ArrayList<>();
        all.add(datetimeColumn);
        for (List<String> group : List.of(targets, features, timestampColumns)) {
            for (String name : group) {
                if (!all.contains(name)) {
                    all.add(name);
                }
            }
        }
        return all;
    }
}
