package org.marketlake.core.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.marketlake.core.error.CorruptFileException;
import org.marketlake.core.model.FileOrigin;

/**
 * Where a lake file's rows came from, kept in the file itself: the key {@value #KEY} of its Parquet key-value
 * metadata holds a JSON array of {@link FileOrigin}s, oldest first, one per commit that wrote the file. A rewrite
 * carries the previous version's origins forward and appends its own, so the file says where it came from even
 * when it is copied out of the lake or its history is gone. The newest {@value #KEPT} are kept (a month rewritten
 * by an hourly ingest would otherwise grow its footer without bound); {@value #OMITTED} counts the older ones,
 * which the lake's log still has.
 */
final class FileProvenance {
    static final String KEY = ParquetFormat.META_PREFIX + "provenance";
    static final String OMITTED = ParquetFormat.META_PREFIX + "provenance_omitted";
    static final int KEPT = 32;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<FileOrigin>> ORIGINS = new TypeReference<>() {};

    private FileProvenance() {}

    /** The origins {@code file} records, oldest first; empty for a file written before provenance or by another tool. */
    static List<FileOrigin> read(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReads.open(file)) {
            return origins(file, reader.getFooter().getFileMetaData().getKeyValueMetaData());
        }
    }

    /**
     * The metadata of the new version of {@code target}: the committed version's origins (if it exists) and then
     * {@code next}.
     */
    static Map<String, String> after(Path target, FileOrigin next) throws IOException {
        List<FileOrigin> origins = new ArrayList<>();
        long omitted = 0;
        if (Files.exists(target)) {
            try (ParquetFileReader reader = ParquetFileReads.open(target)) {
                Map<String, String> kv = reader.getFooter().getFileMetaData().getKeyValueMetaData();
                origins.addAll(origins(target, kv));
                omitted = Long.parseLong(kv.getOrDefault(OMITTED, "0"));
            } catch (IOException | RuntimeException unreadable) {
                // The merge refuses a damaged file with its own message; a version that cannot be read has no origins to carry.
            }
        }
        origins.add(next);
        while (origins.size() > KEPT) {
            origins.remove(0);
            omitted++;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(KEY, JSON.writeValueAsString(origins));
        if (omitted > 0) {
            metadata.put(OMITTED, Long.toString(omitted));
        }
        return metadata;
    }

    private static List<FileOrigin> origins(Path file, Map<String, String> kv) {
        String json = kv.get(KEY);
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, ORIGINS);
        } catch (IOException | RuntimeException e) {
            throw new CorruptFileException("a lake file's provenance metadata is unreadable [file=" + file.getFileName() + ", key=" + KEY + "]: "
                    + e.getMessage(), e);
        }
    }
}
