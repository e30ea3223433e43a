package org.marketlake.loader.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What is done with outliers once found (processing.outlier_action, ours): report only, clip to the fences, or drop the rows. */
public enum OutlierAction implements ConfigChoice {
    REPORT("report"), CLIP("clip"), DROP("drop");

    private final String configName;

    OutlierAction(String configName) {
        this.configName = configName;
    }

    /** The constant spelt {@code text} in a config, exactly; anything else is outside its set, with the closest. */
    @JsonCreator
    static OutlierAction fromConfig(String text) {
        return ConfigLoader.choice(OutlierAction.class, text);
    }

    @JsonValue
    @Override
    public String configName() {
        return configName;
    }
}
