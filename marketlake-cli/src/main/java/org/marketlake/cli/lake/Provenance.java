package org.marketlake.cli.lake;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.format.Rows;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.FileOrigin;
import org.marketlake.core.model.LakeFile;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.store.Lake;

/** {@code query --provenance} and {@code log --file}: where a file's rows came from, as the file itself records it. */
public final class Provenance {
    private static final List<String> COLUMNS = List.of("file", "sequence", "id", "time", "action", "rows_after", "command", "sources");

    private Provenance() {}

    /** One row per lake file the range touches and commit that wrote it, oldest first. */
    static Rows rows(Lake lake, DataKind kind, Symbol symbol, TimeRange range) {
        Path root = lake.root().toAbsolutePath().normalize();
        List<Object[]> rows = new ArrayList<>();
        for (LakeFile file : lake.files(kind, symbol)) {
            TimeRange period = TimeRange.of(file.period());
            if (range.overlaps(period.startMicros(), period.endMicros())) {
                add(rows, root.relativize(file.path().toAbsolutePath().normalize()).toString(), lake.provenance(file.path()));
            }
        }
        return Rows.table(COLUMNS, rows);
    }

    /** One row per commit that wrote {@code file}, a lake file or one copied out of a lake. */
    public static Rows ofFile(Lake lake, Path file, String name) {
        List<Object[]> rows = new ArrayList<>();
        add(rows, name, lake.provenance(file));
        return Rows.table(COLUMNS, rows);
    }

    private static void add(List<Object[]> rows, String name, List<FileOrigin> origins) {
        for (FileOrigin origin : origins) {
            rows.add(new Object[] {name, origin.sequence(), origin.id(), Instant.parse(origin.time()), origin.action(), origin.rows(),
                origin.command(), origin.sources()});
        }
    }
}
