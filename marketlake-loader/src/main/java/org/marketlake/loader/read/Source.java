package org.marketlake.loader.read;

import org.marketlake.loader.table.TableColumn;

import org.marketlake.loader.table.SourceType;

import java.util.List;
import java.util.Map;

/**
 * One data file opened for reading: its schema first (names and {@link SourceType}s, so validation can refuse
 * a file before its rows are read), then the requested columns. Numbers come back as {@link TableColumn.Doubles}
 * or {@link TableColumn.Floats}, text as {@link TableColumn.Texts}, typed instants as {@link TableColumn.Times}
 * (naive ones as written, still to be placed in the configured zone).
 */
interface Source extends AutoCloseable {
    Map<String, SourceType> schema();

    /** The columns {@code names}, in that order, every row. {@code budget} is told each chunk's size. */
    List<TableColumn> read(List<String> names, MemoryBudget budget);

    @Override
    void close();
}
