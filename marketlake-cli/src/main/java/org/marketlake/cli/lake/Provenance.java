package org.marketlake.cli.lake;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.format.Rows;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.LakeCommit;
import org.marketlake.core.model.LakeFile;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.store.Lake;

/** {@code query --provenance}: where the rows of a query came from, as the lake's history tells it. */
final class Provenance {
    private Provenance() {}

    /** One row per lake file the range touches and commit that changed it, oldest first. */
    static Rows rows(Lake lake, DataKind kind, Symbol symbol, TimeRange range) {
        List<LakeCommit> log = lake.log();
        Path root = lake.root().toAbsolutePath().normalize();
        List<Object[]> rows = new ArrayList<>();
        for (LakeFile file : lake.files(kind, symbol)) {
            TimeRange period = TimeRange.of(file.period());
            if (!range.overlaps(period.startMicros(), period.endMicros())) {
                continue;
            }
            String relative = root.relativize(file.path().toAbsolutePath().normalize()).toString();
            for (LakeCommit commit : log) {
                for (LakeCommit.FileChange change : commit.files()) {
                    if (change.path().equals(relative)) {
                        rows.add(new Object[] {relative, commit.sequence(), commit.id(), Instant.parse(commit.time()), change.action(),
                            change.rowsAfter() < 0 ? null : change.rowsAfter(), change.sha256After(), commit.command()});
                    }
                }
            }
        }
        return Rows.table(List.of("file", "sequence", "id", "time", "action", "rows_after", "sha256_after", "command"), rows);
    }
}
