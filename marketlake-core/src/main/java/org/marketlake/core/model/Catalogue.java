package org.marketlake.core.model;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.nio.file.Path;
import org.marketlake.core.model.DataKind;

/**
 * What the lake holds, as its catalogue checked it: every file whose footer agrees with its name (kind,
 * timeframe, symbol, schema, and timestamps inside the period the name says), and one line per file that does
 * not. Readers use only {@link #files} (and {@link #actions}, the checked corporate-actions files); a problem names
 * the file and why it was left out.
 */
public record Catalogue(List<LakeFile> files, List<ActionsFile> actions, List<String> problems) {
    public Catalogue {
        files = List.copyOf(files);
        actions = List.copyOf(actions);
        problems = List.copyOf(problems);
    }

    /** A catalogue without corporate-actions files. */
    public Catalogue(List<LakeFile> files, List<String> problems) {
        this(files, List.of(), problems);
    }

    /** The checked files' paths of each kind, for SQL views. */
    public Map<DataKind, List<Path>> pathsByKind() {
        return files.stream().collect(Collectors.groupingBy(LakeFile::kind, Collectors.mapping(LakeFile::path, Collectors.toList())));
    }
}
