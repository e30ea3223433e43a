package org.marketlake.loader.dataset;

import java.util.List;
import org.marketlake.loader.discovery.FileInfo;
import org.marketlake.loader.table.Table;

/**
 * The last {@code contextLength} processed rows at or before {@code atMicros}, and the files they came from.
 * {@code fellBackTo}: the previous month, when the prediction's month has no file (design 3.2). {@code horizon}: the
 * bar starts (UTC epoch micros) a forecast of that many steps after the last context row covers, stepped through the
 * open time of the symbol's calendar (empty when no horizon was asked for); {@code calendar} says how they were stepped.
 */
public record PredictionDataset(Table context, long atMicros, int contextLength, List<FileInfo> files,
        java.util.Optional<java.time.YearMonth> fellBackTo, List<Long> horizon, String calendar) {
    public PredictionDataset {
        files = List.copyOf(files);
        java.util.Objects.requireNonNull(fellBackTo, "fellBackTo");
        horizon = List.copyOf(horizon);
    }
}
