package org.marketlake.core.format;

import org.marketlake.core.error.InvalidRequestException;

/** The value of {@code --format}. */
public enum OutputFormat {
    TABLE, CSV,
    /** One JSON document: an array of row objects. */
    JSON,
    /** One JSON object per line. */
    JSONL,
    PARQUET;

    public static OutputFormat parse(String text) {
        for (OutputFormat format : values()) {
            if (format.name().equalsIgnoreCase(text)) {
                return format;
            }
        }
        throw new InvalidRequestException("unknown format [value=" + text + "]: use table, csv, json, jsonl or parquet");
    }
}
