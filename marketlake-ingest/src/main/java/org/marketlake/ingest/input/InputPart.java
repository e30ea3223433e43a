package org.marketlake.ingest.input;

import java.nio.file.Path;
import java.util.List;

/**
 * One unit of reading work: a whole file, or a byte range of a large plain CSV file (whole lines, after the
 * header) so several threads can read one file. Parts of one file are merged in order, so splitting changes
 * nothing in the result.
 *
 * @param start first byte of the range, or -1 for the whole file
 * @param end byte after the range, or -1 for the whole file
 * @param header the file's header fields, for ranges (which do not contain it); null for whole files
 * @param first whether this is the file's first range (its lines are numbered from 2, right after the header)
 */
public record InputPart(Path file, long start, long end, List<String> header, boolean first) {
    public static InputPart whole(Path file) {
        return new InputPart(file, -1, -1, null, true);
    }

    public boolean isRange() {
        return start >= 0;
    }
}
