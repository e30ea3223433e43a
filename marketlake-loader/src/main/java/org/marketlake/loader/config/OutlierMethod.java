package org.marketlake.loader.config;

/** How outliers are found (processing.outlier_method). */
public enum OutlierMethod implements ConfigChoice {
    IQR("iqr"), ZSCORE("zscore"), ISOLATION_FOREST("isolation_forest");

    private final String configName;

    OutlierMethod(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
