package org.marketlake.ingest.aggregate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Symbol;

/**
 * Partial results per epoch second (bars in the making, the best quote so far). Tables are mergeable: a
 * table built from later input merges into one built from earlier input exactly as if one table had seen
 * all of it, which lets input be split (into files, chunks, threads, spills) without changing the result.
 */
abstract class SecondTable {
    final SecondIndex index = new SecondIndex(1024);

    int size() {
        return index.size();
    }

    /** The kind of lake rows the table turns into. */
    abstract DataKind kind();

    /** Merges {@code later} (built from input after this table's) into this one. */
    abstract void mergeLater(SecondTable later);

    /** Writes the entries {@code ids[from..to)} (a count, then each entry), for a spill file. */
    abstract void write(DataOutputStream out, int[] ids, int from, int to) throws IOException;

    /** Reads one run {@link #write} wrote and merges it as later input. */
    abstract void readLater(DataInputStream in) throws IOException;

    /** Appends the entries as lake rows, sorted by second. */
    abstract void appendSorted(Frame.Builder rows);

    /** The entries as lake rows, sorted by second. */
    final Frame toFrame(Symbol symbol) {
        Frame.Builder rows = Frame.builder(kind(), symbol, size());
        appendSorted(rows);
        return rows.build();
    }
}
