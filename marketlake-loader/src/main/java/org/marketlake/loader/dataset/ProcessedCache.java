package org.marketlake.loader.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.marketlake.loader.config.LoaderConfig;
import org.marketlake.loader.discovery.FileInfo;
import org.marketlake.loader.process.Processed;
import org.marketlake.loader.state.IdempotencyTracker;

/**
 * {@code performance.cache_intermediate}: processed tables kept in {@code cache_dir}, keyed by the SHA-256 of the
 * configuration (its canonical text), the step's name and every input file's path and checksum. A changed file
 * or setting gives another key, so a stale entry is never read; a second identical run reads the cache.
 */
final class ProcessedCache {
    private final LoaderConfig config;

    public ProcessedCache(LoaderConfig config) {
        this.config = config;
    }

    public boolean enabled() {
        return config.performance().cacheIntermediate();
    }

    public String key(String step, List<FileInfo> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(config.fingerprint().getBytes(StandardCharsets.UTF_8));
            digest.update(("\n" + step + "\n").getBytes(StandardCharsets.UTF_8));
            for (FileInfo file : files) {
                digest.update((file.path().toAbsolutePath() + "=" + IdempotencyTracker.checksum(file.path(),
                        config.idempotency().checksumAlgorithm()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path fileOf(String key) {
        return config.performance().cacheDir().resolve(key + ".table");
    }

    public Optional<Processed> get(String key) {
        Path file = fileOf(key);
        if (!enabled() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            TableFiles.Cached cached = TableFiles.read(file);
            return cached == null ? Optional.empty()
                    : Optional.of(new Processed(cached.table(), List.of(), 0, List.of(), 0, cached.features(), true, cached.fitEndMicros()));
        } catch (IOException e) {
            // A damaged cache entry is only lost time: drop it and compute again.
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                e.addSuppressed(ignored);
            }
            return Optional.empty();
        }
    }

    public void put(String key, Processed processed) {
        if (!enabled()) {
            return;
        }
        try {
            TableFiles.write(processed.table(), processed.features(), processed.fitEndMicros(), fileOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the processing cache " + fileOf(key), e);
        }
    }
}
