package org.marketlake.core.model;

import java.nio.file.Path;
import java.time.LocalDate;

/** One symbol's corporate-actions file, {@code actions/SYMBOL.parquet}, as its footer and rows describe it. */
public record ActionsFile(Symbol symbol, Path path, long rows, long bytes, LocalDate firstExDate, LocalDate lastExDate) {}
