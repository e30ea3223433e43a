package org.marketlake.core.model;

import java.util.List;

/**
 * One entry of the lake's history: a commit, in commit order ({@code sequence}), with what it did to each file.
 * Paths are relative to the lake root. {@code command} is what the caller said it was (the command line, secrets
 * redacted), or empty; {@code inputs} the files it read, with their checksums.
 */
public record LakeCommit(long sequence, String id, String time, String command, List<Input> inputs, List<FileChange> files) {
    public LakeCommit {
        if (sequence < 1 || id == null || id.isBlank() || time == null) {
            throw new IllegalArgumentException("a commit needs a sequence, an id and a time");
        }
        command = command == null ? "" : command;
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        files = List.copyOf(files);
    }

    /** A file the command read (a trades CSV, a mapping): its path as given, size and SHA-256. */
    public record Input(String path, long bytes, String sha256) {}

    /** What a commit did to one file: {@code added}, {@code replaced} or {@code removed}; rows and SHA-256 before and after (-1 and "" where absent). */
    public record FileChange(String path, String action, long rowsBefore, long rowsAfter, String sha256Before, String sha256After) {
        public FileChange {
            if (!List.of("added", "replaced", "removed").contains(action)) {
                throw new IllegalArgumentException("unknown file action [value=" + action + "]");
            }
        }
    }

    /** True when {@code name} is this commit's id or its sequence number, the two ways a user names it. */
    public boolean isNamed(String name) {
        return id.equals(name) || Long.toString(sequence).equals(name);
    }

    /** True when this commit changed {@code path}. */
    public boolean touches(String path) {
        return files.stream().anyMatch(file -> file.path().equals(path));
    }
}
