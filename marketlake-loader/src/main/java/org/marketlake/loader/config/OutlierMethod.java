package org.marketlake.loader.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How outliers are found (processing.outlier_method). */
public enum OutlierMethod implements ConfigChoice {
    IQR("iqr"), ZSCORE("zscore"), ISOLATION_FOREST("isolation_forest");

    private final String configName;

    OutlierMethod(String configName) {
        this.configName = configName;
    }

    /** The constant spelt {@code text} in a config, exactly; anything else is outside its set, with the closest. */
    @JsonCreator
    static OutlierMethod fromConfig(String text) {
        return ConfigLoader.choice(OutlierMethod.class, text);
    }

    @JsonValue
    @Override
    public String configName() {
        return configName;
    }
}
