package org.marketlake.loader.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marketlake.core.io.AtomicFiles;
import org.marketlake.loader.table.Table;

/**
 * Where a dataset command writes its files: nowhere (it only reports), or a folder. Every file is published
 * through {@link AtomicFiles} (temporary file, forced, renamed, folder forced; leftovers of a killed publish are
 * removed by the next publish of the same file), and {@link Datasets} publishes inside the audit session before
 * the files read are marked processed, so an output that failed or was killed never counts as done.
 */
public final class OutputFolder {
    private final Path folder;
    private final List<Path> written = new ArrayList<>();

    private OutputFolder(Path folder) {
        this.folder = folder;
    }

    /** No files: the command only reports. */
    public static OutputFolder none() {
        return new OutputFolder(null);
    }

    /** Files in {@code folder}, created when missing. */
    public static OutputFolder at(Path folder) {
        return new OutputFolder(java.util.Objects.requireNonNull(folder, "folder"));
    }

    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** The files published so far, in order. */
    public List<Path> written() {
        return List.copyOf(written);
    }

    /** Publishes {@code table} as ZSTD Parquet {@code name} ({@code ds} a UTC timestamp); nothing without a folder. */
    public void parquet(String name, Table table) {
        if (folder != null) {
            Path file = folder.resolve(name);
            TableWriter.writeParquet(table, file, TableWriter.TimeFormat.TIMESTAMP);
            written.add(file);
        }
    }

    /** Publishes {@code text} as the UTF-8 file {@code name}; nothing without a folder. */
    public void text(String name, String text) {
        if (folder != null) {
            Path file = folder.resolve(name);
            try {
                AtomicFiles.publishString(file, text);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            written.add(file);
        }
    }
}
