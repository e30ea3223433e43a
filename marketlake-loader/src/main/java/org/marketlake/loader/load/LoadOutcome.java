package org.marketlake.loader.load;

import java.util.List;
import java.util.Optional;
import org.marketlake.loader.discovery.FileInfo;
import org.marketlake.loader.read.LoadResult;

/**
 * What a load did: the loaded rows (empty when every selected file was skipped as processed), the files
 * skipped, and the audit session that recorded it (empty when auditing is off).
 */
public record LoadOutcome(Optional<LoadResult> result, List<FileInfo> skipped, Optional<String> sessionId) {
    public LoadOutcome {
        skipped = List.copyOf(skipped);
    }
}
