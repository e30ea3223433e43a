package org.marketlake.loader.dataset;

import java.util.Map;
import org.marketlake.loader.process.Processed;
import org.marketlake.loader.table.Table;

/**
 * Targets and features split in time: the first part for training, the last {@code validation_split} for
 * validation. {@code scaling} maps each scaled feature to {center, scale}, fitted on the training part only.
 */
public record TrainingDataset(Table train, Table validation, Map<String, double[]> scaling, Processed processed) {}
