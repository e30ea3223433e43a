package org.marketlake.loader.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The file checksum the idempotency state records (idempotency.checksum_algorithm). */
public enum ChecksumAlgorithm implements ConfigChoice {
    MD5("md5", "MD5"),
    SHA1("sha1", "SHA-1"),
    SHA256("sha256", "SHA-256");

    private final String configName;
    private final String javaName;

    ChecksumAlgorithm(String configName, String javaName) {
        this.configName = configName;
        this.javaName = javaName;
    }

    /** The constant spelt {@code text} in a config, exactly; anything else is outside its set, with the closest. */
    @JsonCreator
    static ChecksumAlgorithm fromConfig(String text) {
        return ConfigLoader.choice(ChecksumAlgorithm.class, text);
    }

    @JsonValue
    @Override
    public String configName() {
        return configName;
    }

    /** The name {@link java.security.MessageDigest#getInstance(String)} knows. */
    public String javaName() {
        return javaName;
    }

    /** The algorithm spelt {@code name} in a config or state file, or null. */
    public static ChecksumAlgorithm byName(String name) {
        for (ChecksumAlgorithm algorithm : values()) {
            if (algorithm.configName.equals(name)) {
                return algorithm;
            }
        }
        return null;
    }
}
