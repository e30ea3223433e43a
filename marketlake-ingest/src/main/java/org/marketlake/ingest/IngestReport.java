package org.marketlake.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.marketlake.core.WriteResult;
import org.marketlake.ingest.input.Reason;
import org.marketlake.ingest.input.Rejections;

/**
 * What an ingest did: rows read, accepted and rejected (by reason, with first examples), and for every lake
 * file written the rows added, replaced and unchanged.
 *
 * @param written per kind label ({@code 1s}, {@code 1m}, ..., {@code quotes}), in the order written
 */
public record IngestReport(long files, long rowsRead, long rowsAccepted, Rejections rejections, Map<String, WriteResult> written) {
    public IngestReport {
        written = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(written));
    }

    public long rowsRejected() {
        return rowsRead - rowsAccepted;
    }

    /** The summary the command prints, one line each; paths relative to {@code root}. */
    public List<String> summary(Path root) {
        List<String> lines = new ArrayList<>();
        lines.add("files read: " + files);
        lines.add("rows read: " + rowsRead);
        lines.add("rows accepted: " + rowsAccepted);
        lines.add("rows rejected: " + rowsRejected());
        for (Reason reason : rejections.reasons()) {
            StringJoiner examples = new StringJoiner("; ");
            rejections.examples(reason).forEach(example -> examples.add(example.toString()));
            lines.add("  " + reason.label() + ": " + rejections.count(reason) + " (first: " + examples + ")");
        }
        lines.addAll(fileLines(root, written));
        return lines;
    }

    /** One line per lake file written: {@code bars/1m/IBM.2013-10.parquet: added 453, replaced 0, unchanged 0 (453 rows in file)}. */
    public static List<String> fileLines(Path root, Map<String, WriteResult> written) {
        List<String> lines = new ArrayList<>();
        Path base = root.toAbsolutePath().normalize();
        for (WriteResult result : written.values()) {
            for (WriteResult.FileWrite file : result.files()) {
                Path path = file.path().toAbsolutePath().normalize();
                Path shown = path.startsWith(base) ? base.relativize(path) : path;
                lines.add(shown + ": added " + file.added() + ", replaced " + file.replaced() + ", unchanged " + file.unchanged()
                        + " (" + file.rowsAfter() + " rows in file)");
            }
        }
        if (lines.isEmpty()) {
            lines.add("nothing written");
        }
        return lines;
    }
}
