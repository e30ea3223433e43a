package org.marketlake.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.io.AtomicFiles;
import org.marketlake.core.model.Frame;

/** Query results as a Parquet file outside the lake ({@code query --format parquet --output FILE}), same encoding as lake files. */
public final class ParquetExport {
    private ParquetExport() {}

    public static void write(Frame frame, Path output) {
        try {
            Path absolute = output.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            AtomicFiles.publish(absolute, temporary -> ParquetFileWrites.write(frame, temporary));
        } catch (IOException e) {
            throw new InvalidDataException("cannot write [file=" + output + "]: " + e.getMessage(), e);
        }
    }
}
