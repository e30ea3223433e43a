package org.marketlake.loader.state;

/**
 * One file in the idempotency state, with the design's fields ({@code file_path}, {@code processed_at},
 * {@code checksum}, {@code status}) and ours: the checksum's algorithm, the file's rows and its last timestamp
 * (so an incremental load can skip files that hold nothing after its start).
 */
public record ProcessedEntry(String key, String filePath, String processedAt, String checksum, String checksumAlgorithm,
        String status, long rows, String lastTimestamp) {}
