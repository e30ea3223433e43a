package org.marketlake.loader.config;

/** An enum whose constants are spelt in the YAML as {@link #configName()} ({@code forward_fill}, {@code sha256}). */
interface ConfigChoice {
    String configName();
}
