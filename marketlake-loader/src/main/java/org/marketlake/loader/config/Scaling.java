package org.marketlake.loader.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How feature columns are scaled, with statistics fitted on the training part only (processing.scaling, ours). */
public enum Scaling implements ConfigChoice {
    NONE("none"), STANDARD("standard"), MINMAX("minmax");

    private final String configName;

    Scaling(String configName) {
        this.configName = configName;
    }

    /** The constant spelt {@code text} in a config, exactly; anything else is outside its set, with the closest. */
    @JsonCreator
    static Scaling fromConfig(String text) {
        return ConfigLoader.choice(Scaling.class, text);
    }

    @JsonValue
    @Override
    public String configName() {
        return configName;
    }
}
