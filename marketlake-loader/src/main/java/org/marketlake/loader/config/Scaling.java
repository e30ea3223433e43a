package org.marketlake.loader.config;

/** How feature columns are scaled, with statistics fitted on the training part only (processing.scaling, ours). */
public enum Scaling implements ConfigChoice {
    NONE("none"), STANDARD("standard"), MINMAX("minmax");

    private final String configName;

    Scaling(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
