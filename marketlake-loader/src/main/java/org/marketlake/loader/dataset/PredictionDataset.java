package org.marketlake.loader.dataset;

import java.util.List;
import org.marketlake.loader.discovery.FileInfo;
import org.marketlake.loader.table.Table;

/** The last {@code contextLength} processed rows at or before {@code atMicros}, and the files they came from. */
public record PredictionDataset(Table context, long atMicros, int contextLength, List<FileInfo> files) {}
