package org.marketlake.core.sql;

import java.util.List;
import org.marketlake.core.model.Catalogue;

/** The SQL that defines the lake's views over a catalogue's checked files, one statement per line ending in ';'. */
public final class LakeViewText {
    private LakeViewText() {}

    public static List<String> of(Catalogue catalogue) {
        return LakeViews.definitions(catalogue.pathsByKind()).stream().map(definition -> definition + ";").toList();
    }
}
