package org.marketlake.loader.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How missing values are filled (processing.null_handling). */
public enum NullHandling implements ConfigChoice {
    FORWARD_FILL("forward_fill"), INTERPOLATE("interpolate"), DROP("drop");

    private final String configName;

    NullHandling(String configName) {
        this.configName = configName;
    }

    /** The constant spelt {@code text} in a config, exactly; anything else is outside its set, with the closest. */
    @JsonCreator
    static NullHandling fromConfig(String text) {
        return ConfigLoader.choice(NullHandling.class, text);
    }

    @JsonValue
    @Override
    public String configName() {
        return configName;
    }
}
