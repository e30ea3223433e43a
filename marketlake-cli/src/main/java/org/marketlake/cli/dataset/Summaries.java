package org.marketlake.cli.dataset;

import java.io.PrintWriter;
import org.marketlake.core.model.Micros;
import org.marketlake.loader.read.LoadResult;
import org.marketlake.loader.read.Sizes;
import org.marketlake.loader.table.Table;

/** The text the dataset commands print about loaded data. */
final class Summaries {
    private Summaries() {}

    static void printLoad(PrintWriter out, LoadResult result, int skipped) {
        Table table = result.table();
        long parquet = result.files().stream().filter(stats -> stats.file().isParquet()).count();
        out.printf("files: %d read (%d parquet, %d json), %d skipped as processed%n", result.files().size(), parquet,
                result.files().size() - parquet, skipped);
        out.printf("rows: %d (%d duplicates across files dropped)%n", table.rows(), result.duplicatesDropped());
        out.printf("columns: %d (ds, %s)%n", table.names().size() + 1, String.join(", ", table.names()));
        printRange(out, table);
        out.printf("memory: %s before, %s after dtype optimization%n", Sizes.human(result.memoryBefore()), Sizes.human(result.memoryAfter()));
        if (!result.extraColumns().isEmpty()) {
            out.printf("extra columns (not loaded): %s%n", String.join(", ", result.extraColumns()));
        }
        printUnavailable(out, result);
    }

    /** The configured columns the source cannot provide, once: they are left out of everything after the load. */
    static void printUnavailable(PrintWriter out, LoadResult result) {
        if (!result.unavailable().isEmpty()) {
            out.printf("unavailable (the source cannot provide them; not validated, checked or used for features): %s%n",
                    String.join(", ", result.unavailable().stream().map(u -> u.column() + " (" + u.reason() + ")").toList()));
        }
    }

    static void printRange(PrintWriter out, Table table) {
        if (table.rows() == 0) {
            out.println("time range: none");
        } else {
            out.printf("time range: %s .. %s%n", Micros.format(table.ds()[0]), Micros.format(table.ds()[table.rows() - 1]));
        }
    }
}
