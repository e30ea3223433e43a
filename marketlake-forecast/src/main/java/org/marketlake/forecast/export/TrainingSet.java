package org.marketlake.forecast.export;

import java.nio.file.Path;
import java.util.List;
import org.marketlake.core.store.Lake;

/**
 * {@code chronos export} as one call: the series of a selection, written as Chronos' training data (Parquet, or
 * Arrow IPC) with its training config beside it, both published whole.
 */
public final class TrainingSet {
    private TrainingSet() {}

    /** Where the training set goes: the data file, whether it is Arrow IPC, the config file (null: beside the data) and its settings. */
    public record Request(ExportSelection selection, Path data, boolean arrow, Path config, TrainingConfig.Settings settings) {
        public Request {
            if (selection == null || data == null || settings == null) {
                throw new IllegalArgumentException("a training set needs a selection, a data file and settings");
            }
            config = config != null ? config : TrainingConfig.besideData(data);
        }
    }

    /** What was written: the series count, values and observed (non-missing) values, and the two files. */
    public record Written(int series, long values, long observed, Path data, Path config) {}

    public static Written export(Lake lake, Request request) {
        List<TrainingSeries> series = TrainingExport.series(lake, request.selection());
        if (request.arrow()) {
            TrainingFiles.writeArrow(series, request.data());
        } else {
            TrainingFiles.writeParquet(series, request.data());
        }
        TrainingConfig.write(request.config(), request.data(), request.settings());
        long values = series.stream().mapToLong(one -> one.target().length).sum();
        long observed = series.stream().mapToLong(TrainingSeries::observed).sum();
        return new Written(series.size(), values, observed, request.data(), request.config());
    }
}
