package org.marketlake.core.model;

import java.nio.file.Path;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Period;
import org.marketlake.core.model.Symbol;

/** One data file of the lake, as its footer describes it. */
public record LakeFile(DataKind kind, Symbol symbol, Period period, Path path, long rows, long bytes,
        long firstMicros, long lastMicros) {}
