package org.marketlake.core.sql;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.marketlake.core.model.Catalogue;

/** The SQL that defines the lake's views over a catalogue's checked files, one statement per line ending in ';'. */
public final class LakeViewText {
    private LakeViewText() {}

    public static List<String> of(Catalogue catalogue) {
        return of(catalogue, List.of());
    }

    /** As {@link #of(Catalogue)}, with the bars views adjusted by {@code spans} (see {@link LakeSql#readOnlyOverLake(Map, List, Path)}). */
    public static List<String> of(Catalogue catalogue, List<org.marketlake.core.model.FactorSpan> spans) {
        return LakeViews.definitions(catalogue.pathsByKind(), spans).stream().map(definition -> definition + ";").toList();
    }
}
