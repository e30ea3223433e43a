package org.marketlake.core.store;

import org.marketlake.core.error.InvalidRowException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marketlake.core.layout.LakeLayout;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.TimeRange;

/** Re-checks one lake file: its name, schema, metadata, and every row against the write rules. */
final class FileChecker {
    private FileChecker() {}

    static List<String> check(LakeLayout layout, Path file) {
        String name = LakeFiles.display(layout, file);
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            problems.add(name + ": no such file");
            return problems;
        }
        Optional<org.marketlake.core.model.Symbol> actionsOf = layout.parseActions(file);
        if (actionsOf.isPresent()) {
            try {
                ActionFiles.read(file, name, actionsOf.get());
            } catch (RuntimeException e) {
                problems.add(name + ": " + e.getMessage().replace("[file=" + name + ", ", "[").replace(" [file=" + name + "]", ""));
            }
            return problems;
        }
        Optional<LakeLayout.FileKey> parsed = layout.parse(file);
        if (parsed.isEmpty()) {
            problems.add(name + ": not a lake file name (expected bars/<tf>/SYMBOL.YYYY-MM.parquet, bars/1d/SYMBOL.YYYY.parquet quotes/SYMBOL.YYYY-MM.parquet or actions/SYMBOL.parquet under " + layout.root() + ")");
            return problems;
        }
        LakeLayout.FileKey key = parsed.get();
        try {
            for (String problem : LakeFiles.footerProblems(file, key)) {
                problems.add(name + ": " + problem);
            }
            if (problems.stream().anyMatch(problem -> problem.contains("schema differs"))) {
                return problems; // rows of another shape cannot be checked against the rules
            }
            Frame frame = ParquetFileReads.read(file, key.kind(), key.symbol(), TimeRange.ALL, key.kind().schema().columns());
            long[] ts = frame.timestamps();
            RowValidator validator = RowValidator.of(frame);
            for (int row = 0; row < frame.size(); row++) {
                if (row > 0 && ts[row] <= ts[row - 1]) {
                    problems.add(name + ": [row=" + (row + 1) + ", column=timestamp, value=" + Micros.format(ts[row]) + "] "
                            + (ts[row] == ts[row - 1] ? "duplicate timestamp" : "not sorted by timestamp"));
                    continue;
                }
                try {
                    validator.check(row, row + 1L, key.period(), micros -> name);
                } catch (InvalidRowException e) {
                    problems.add(name + ": [row=" + e.row() + ", column=" + e.column() + ", value=" + e.value() + "] " + e.reason());
                }
                if (frame.kind() instanceof org.marketlake.core.model.DataKind.Quotes) {
                    double spread = frame.doubles("spread")[row];
                    double expected = frame.doubles("ask_price")[row] - frame.doubles("bid_price")[row];
                    if (Double.doubleToLongBits(spread) != Double.doubleToLongBits(expected)) {
                        problems.add(name + ": [row=" + (row + 1) + ", column=spread, value=" + RowValidator.text(spread) + "] spread is not ask_price - bid_price");
                    }
                }
                if (problems.size() > 20) {
                    problems.add(name + ": more problems not shown");
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(name + ": unreadable: " + e.getMessage());
        }
        return problems;
    }
}
