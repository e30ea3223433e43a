package org.marketlake.web.api;

import java.util.Locale;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.web.http.ApiRequest;

/** How bars are sent: JSON columns for the pages, Arrow IPC (stream) or Parquet for pandas and Polars. */
enum BarFormat {
    JSON("application/json"),
    ARROW("application/vnd.apache.arrow.stream"),
    PARQUET("application/vnd.apache.parquet");

    final String mediaType;

    BarFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** {@code ?format=json|arrow|parquet}, else the {@code Accept} header's Arrow or Parquet type, else JSON. */
    static BarFormat of(ApiRequest request) {
        String asked = request.text("format");
        if (asked != null) {
            return switch (asked.toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "arrow" -> ARROW;
                case "parquet" -> PARQUET;
                default -> throw new InvalidRequestException("unknown format [value=" + asked + "]: use json, arrow or parquet");
            };
        }
        String accept = request.header("accept");
        if (accept != null) {
            if (accept.contains(ARROW.mediaType)) {
                return ARROW;
            }
            if (accept.contains(PARQUET.mediaType) || accept.contains("application/x-parquet")) {
                return PARQUET;
            }
        }
        return JSON;
    }
}
