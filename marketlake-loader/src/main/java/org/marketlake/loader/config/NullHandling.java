package org.marketlake.loader.config;

/** How missing values are filled (processing.null_handling). */
public enum NullHandling implements ConfigChoice {
    FORWARD_FILL("forward_fill"), INTERPOLATE("interpolate"), DROP("drop");

    private final String configName;

    NullHandling(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
