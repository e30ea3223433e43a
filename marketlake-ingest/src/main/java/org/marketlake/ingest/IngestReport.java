package org.marketlake.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.marketlake.core.model.WriteResult;
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

    /** What was read, one line each: files, rows read, accepted, rejected, and each reason with its first examples. */
    public List<String> readSummary() {
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
        return lines;
    }

    /** Every file written, all kinds together, in the order written. */
    public WriteResult writes() {
        return WriteResult.combine(List.copyOf(written.values()));
    }
}
