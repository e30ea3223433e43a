package org.marketlake.core.model;

import java.util.List;

/**
 * One commit that wrote a lake file, as the file's own Parquet metadata records it: the commit's sequence, id and
 * time, the command line (secrets redacted; it names an API's date range or a database URL without its password),
 * the input files with their checksums, and what the commit did to the file ({@code added} or {@code replaced})
 * with the rows the file held after it. A file carries the origins of the commits that wrote it, oldest first.
 * {@code restored} is the lake log's word for a rollback that put back an earlier version's exact bytes (and with
 * them that version's origins).
 */
public record FileOrigin(long sequence, String id, String time, String command, List<LakeCommit.Input> inputs, String action, long rows) {
    public FileOrigin {
        if (sequence < 1 || id == null || id.isBlank() || time == null || time.isBlank()) {
            throw new IllegalArgumentException("a file origin needs a sequence, an id and a time");
        }
        if (!List.of("added", "replaced", "restored").contains(action)) {
            throw new IllegalArgumentException("unknown file origin action [value=" + action + "]");
        }
        if (rows < 0) {
            throw new IllegalArgumentException("a file origin's rows cannot be negative [value=" + rows + "]");
        }
        command = command == null ? "" : command;
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    /** The inputs as one line: {@code trades.csv sha256:ab12...; map.yaml sha256:...}. */
    public String sources() {
        return String.join("; ", inputs.stream().map(input -> input.path() + " sha256:" + input.sha256()).toList());
    }
}
