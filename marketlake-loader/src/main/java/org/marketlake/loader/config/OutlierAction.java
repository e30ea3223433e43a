package org.marketlake.loader.config;

/** What is done with outliers once found (processing.outlier_action, ours): report only, clip to the fences, or drop the rows. */
public enum OutlierAction implements ConfigChoice {
    REPORT("report"), CLIP("clip"), DROP("drop");

    private final String configName;

    OutlierAction(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
