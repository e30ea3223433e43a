package org.marketlake.core.store;

import java.util.List;
import org.marketlake.core.model.Column;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Symbol;

/**
 * The rows one file write encodes, sorted: a frame, or the merge of a stored file and new rows read through an
 * index ({@code source[r] >= 0}: row of {@code first}; else row {@code -source[r] - 1} of {@code second}). A merge
 * thus never builds a third copy of a dense month: memory stays at the two inputs and four bytes a row.
 */
record RowsToWrite(Frame first, Frame second, int[] source, int size) {
    RowsToWrite {
        if (source == null ? size != first.size() : source.length < size || second == null) {
            throw new IllegalArgumentException("rows to write disagree with their sources: " + size + " rows");
        }
    }

    static RowsToWrite of(Frame frame) {
        return new RowsToWrite(frame, null, null, frame.size());
    }

    DataKind kind() {
        return first.kind();
    }

    Symbol symbol() {
        return first.symbol();
    }

    List<Column> columns() {
        return first.columns();
    }

    Frame frameAt(int row) {
        return source == null || source[row] >= 0 ? first : second;
    }

    int rowAt(int row) {
        return source == null ? row : source[row] >= 0 ? source[row] : -source[row] - 1;
    }

    long timestamp(int row) {
        return frameAt(row).timestamps()[rowAt(row)];
    }
}
