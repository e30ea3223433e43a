package org.marketlake.core.store;

import java.util.List;
import org.marketlake.core.model.Column;
import org.marketlake.core.model.Frame;

/**
 * Rows merged by timestamp: a new timestamp is added, an existing one with other values is replaced (last write
 * wins), an identical row is unchanged. Both inputs are sorted with unique timestamps and the full schema. The
 * merged rows are not copied: {@link RowsToWrite} reads them from the two inputs when the file is encoded.
 */
record MergeResult(RowsToWrite rows, long added, long replaced, long unchanged) {

    static MergeResult allNew(Frame rows) {
        return new MergeResult(RowsToWrite.of(rows), rows.size(), 0, 0);
    }

    static MergeResult merge(Frame existing, Frame incoming) {
        long[] old = existing.timestamps();
        long[] neu = incoming.timestamps();
        int n = existing.size();
        int m = incoming.size();
        int[] source = new int[n + m];   // >= 0: row of existing; < 0: -(row of incoming) - 1
        int size = 0;
        long added = 0;
        long replaced = 0;
        long unchanged = 0;
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (j >= m || (i < n && old[i] < neu[j])) {
                source[size++] = i++;
            } else if (i >= n || neu[j] < old[i]) {
                source[size++] = -j - 1;
                j++;
                added++;
            } else {
                if (sameRow(existing, i, incoming, j)) {
                    source[size++] = i;
                    unchanged++;
                } else {
                    source[size++] = -j - 1;
                    replaced++;
                }
                i++;
                j++;
            }
        }
        if (added == 0 && replaced == 0) {
            return new MergeResult(RowsToWrite.of(existing), 0, 0, unchanged);
        }
        return new MergeResult(new RowsToWrite(existing, incoming, source, size), added, replaced, unchanged);
    }

    /** Values equal bit for bit (so null, held as NaN, equals null, and 0.0 differs from -0.0). */
    private static boolean sameRow(Frame a, int i, Frame b, int j) {
        List<Column> columns = a.columns();
        for (int c = 2; c < columns.size(); c++) {
            boolean same = switch (columns.get(c).type()) {
                case DOUBLE -> Double.doubleToLongBits(((double[]) a.array(c))[i]) == Double.doubleToLongBits(((double[]) b.array(c))[j]);
                case INT32 -> ((int[]) a.array(c))[i] == ((int[]) b.array(c))[j];
                case STRING -> java.util.Objects.equals(((String[]) a.array(c))[i], ((String[]) b.array(c))[j]);
                case TIMESTAMP -> true;
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
