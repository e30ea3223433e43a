package org.marketlake.loader.discovery;

import java.nio.file.Path;

/** A data file of the loader's layout, with the fields its name carries (design 000 section 1.2). */
public record FileInfo(Path path, String symbol, String timeframe, int horizon, int year, int month, String hash,
        String extension) implements Comparable<FileInfo> {
    public FileInfo {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month out of range [file=" + path + ", value=" + month + "]");
        }
    }

    public boolean isParquet() {
        return extension.equals("parquet");
    }

    public boolean isJson() {
        return extension.equals("json");
    }

    /** The name without its extension: a Parquet file and its JSON twin share it. */
    public String stem() {
        String name = path.getFileName().toString();
        return name.substring(0, name.length() - extension.length() - 1);
    }

    /** The series this file belongs to: symbol, timeframe, horizon and hash. */
    public String series() {
        return symbol + " " + timeframe + " h" + horizon + " " + hash;
    }

    /** {@code 2014-03}. */
    public String monthLabel() {
        return String.format("%04d-%02d", year, month);
    }

    /** Sorted by year, month, symbol, then the rest of the name, Parquet before JSON. */
    @Override
    public int compareTo(FileInfo other) {
        int order = Integer.compare(year, other.year);
        if (order == 0) {
            order = Integer.compare(month, other.month);
        }
        if (order == 0) {
            order = symbol.compareTo(other.symbol);
        }
        if (order == 0) {
            order = timeframe.compareTo(other.timeframe);
        }
        if (order == 0) {
            order = Integer.compare(horizon, other.horizon);
        }
        if (order == 0) {
            order = hash.compareTo(other.hash);
        }
        if (order == 0) {
            order = Boolean.compare(!isParquet(), !other.isParquet());
        }
        return order;
    }
}
