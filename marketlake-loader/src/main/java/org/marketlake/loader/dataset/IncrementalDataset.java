package org.marketlake.loader.dataset;

import java.util.List;
import org.marketlake.loader.discovery.FileInfo;
import org.marketlake.loader.table.Table;

/**
 * Rows strictly after {@code afterMicros}, as loaded, from the files read (files the state records as processed
 * and unchanged whose last row is not after the start are skipped).
 *
 * @param dataset the rows merged into the existing dataset when one was given, else {@code rows}: what
 *     {@code incremental.parquet} holds
 */
public record IncrementalDataset(Table rows, long afterMicros, List<FileInfo> read, List<FileInfo> skipped, Table dataset) {}
