package org.marketlake.loader.dataset;

import java.util.Map;
import org.marketlake.loader.process.Processed;
import org.marketlake.loader.table.Table;

/**
 * Targets and features split in time, without overlap: training first, then {@code validation_split} of the rows
 * for validation and the last {@code test_split} for testing (empty when 0), {@code split_gap} rows left out
 * before validation and before test. {@code scaling} maps each scaled feature to {center, scale}, fitted on the
 * training part only.
 */
public record TrainingDataset(Table train, Table validation, Table test, Map<String, double[]> scaling, Processed processed) {}
