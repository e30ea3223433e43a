package org.marketlake.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * A file's content for tests that compare files written by two runs: a lake file names the commit that wrote it
 * in its footer (its provenance), so two runs that write the same rows give the same data bytes and the same
 * metadata but for that. This digest covers the row groups' bytes (pages, statistics, indexes) and every
 * key-value entry except the provenance; other files are digested whole.
 */
public final class FileContent {
    private static final String PROVENANCE = "marketlake.provenance";

    private FileContent() {}

    public static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] whole = Files.readAllBytes(file);
            if (!file.getFileName().toString().endsWith(".parquet") || whole.length < 12) {
                return HexFormat.of().formatHex(digest.digest(whole));
            }
            Map<String, String> keyValues;
            try {
                keyValues = keyValues(file);
            } catch (IOException | RuntimeException unreadable) {
                // A damaged file: its bytes are its content.
                return HexFormat.of().formatHex(digest.digest(whole));
            }
            int footer = ByteBuffer.wrap(whole, whole.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            digest.update(Arrays.copyOf(whole, Math.max(0, whole.length - 8 - footer)));
            for (var entry : keyValues.entrySet()) {
                if (!entry.getKey().startsWith(PROVENANCE)) {
                    digest.update((entry.getKey() + "=" + entry.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> keyValues(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            return new TreeMap<>(reader.getFooter().getFileMetaData().getKeyValueMetaData());
        }
    }
}
