package org.marketlake.core.model;

import java.nio.file.Path;

/** What a write of corporate actions did to the symbol's file: actions added, replaced, unchanged, and the total kept. */
public record ActionsWrite(Path file, int added, int replaced, int unchanged, int total) {
    public ActionsWrite {
        if (added < 0 || replaced < 0 || unchanged < 0 || total < 0) {
            throw new IllegalArgumentException("negative action counts");
        }
    }
}
