package org.marketlake.core.store;

import org.marketlake.core.model.WriteResult;

import org.marketlake.core.model.LakeFile;

import org.marketlake.core.model.Catalogue;

import java.nio.file.Path;
import java.util.List;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Period;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.sql.LakeSql;
import org.marketlake.core.store.LakeStore;

/**
 * The lake: one folder of ZSTD Parquet files, one per kind, symbol and month (year for daily bars). The entry
 * point of the library; everything that reads or writes lake data goes through here.
 *
 * <pre>{@code
 * Lake lake = Lake.open(Path.of("data/parquet"));
 * WriteResult result = lake.write(frame);                  // validated, merged, atomically published
 * Frame day = lake.read(DataKind.bars(Timeframe.M1), Symbol.of("AAPL"), range, List.of("timestamp", "close"));
 * }</pre>
 */
public interface Lake {

    /** Opens (does not create) the lake at {@code root}; folders are made on the first write. */
    static Lake open(Path root) {
        return LakeStore.open(root);
    }

    /**
     * Opens the lake at {@code root} for reading: a root that does not exist, or holds no lake (no {@code bars/},
     * {@code quotes/} or {@code .marketlake/} folder), is refused, so a mistyped root never looks like an empty lake.
     */
    static Lake openExisting(Path root) {
        if (!java.nio.file.Files.isDirectory(root)) {
            throw new org.marketlake.core.error.LakeNotFoundException("no lake at " + root + ": the folder does not exist");
        }
        if (!java.nio.file.Files.isDirectory(root.resolve("bars")) && !java.nio.file.Files.isDirectory(root.resolve("quotes"))
                && !java.nio.file.Files.isDirectory(root.resolve(".marketlake"))) {
            throw new org.marketlake.core.error.LakeNotFoundException("no lake at " + root + ": it has no bars/ or quotes/ folder");
        }
        return LakeStore.open(root);
    }

    /** {@code MARKETLAKE_ROOT} if set, else {@code data/parquet}. */
    static Path defaultRoot() {
        String fromEnvironment = System.getenv("MARKETLAKE_ROOT");
        return Path.of(fromEnvironment == null || fromEnvironment.isBlank() ? "data/parquet" : fromEnvironment);
    }

    Path root();

    /** Where the file of {@code kind}, {@code symbol} and {@code period} lives (whether or not it exists). */
    Path pathOf(DataKind kind, Symbol symbol, Period period);

    /**
     * Validates {@code frame} (all rows, before anything touches disk), splits it into its month (or year)
     * files and merges each into the lake: new timestamps are added, existing ones with different values
     * replaced (last write wins), identical rows left alone. Duplicate timestamps inside {@code frame} are refused.
     */
    WriteResult write(Frame frame);

    /**
     * Runs {@code work} as one commit of the lake: every file written through the {@code Lake} it is given becomes
     * visible together when {@code work} returns, or none does (when it throws, or the process dies before the
     * commit's journal is on disk; once it is, the commit completes, if need be by the next command that opens the
     * lake). Reads through that {@code Lake} see the commit's own writes. One commit at a time per lake: others wait.
     * A plain {@link #write} is a commit of its own; inside {@code work}, writes join the commit.
     */
    <T> T commit(java.util.function.Function<Lake, T> work);

    /** As {@link #write(Frame)}, but a later row in {@code frame} wins over an earlier one with the same timestamp. */
    WriteResult writeLastWins(Frame frame);

    /**
     * Validates {@code actions} (all of {@code symbol}) and merges them into {@code actions/SYMBOL.parquet}: an action
     * with the ex_date and type of a stored one replaces it (last wins, also within {@code actions}), others are added.
     * A commit of its own, or part of the commit this lake is in.
     */
    org.marketlake.core.model.ActionsWrite writeActions(Symbol symbol, List<org.marketlake.core.model.CorporateAction> actions);

    /** The stored corporate actions of {@code symbol}, sorted by ex_date and type; empty when it has none. */
    List<org.marketlake.core.model.CorporateAction> actions(Symbol symbol);

    /** Rows with {@code range.start <= timestamp <= range.end}, sorted, reading only {@code columns} (all when empty). */
    Frame read(DataKind kind, Symbol symbol, TimeRange range, List<String> columns);

    /**
     * As {@link #read(DataKind, Symbol, TimeRange, List)}, but a file that cannot be read or disagrees with its
     * name is skipped (none of its rows returned) and named, with the reason, in one line to {@code skipped}.
     */
    Frame read(DataKind kind, Symbol symbol, TimeRange range, List<String> columns, java.util.function.Consumer<String> skipped);

    /** Every data file of the lake, sorted by kind, symbol and period. */
    List<LakeFile> files();

    /** The files of one kind and symbol, sorted by period. */
    List<LakeFile> files(DataKind kind, Symbol symbol);

    /** The symbols with at least one file of {@code kind}. */
    List<Symbol> symbols(DataKind kind);

    /**
     * Re-checks files (every file of the lake when {@code paths} is empty) against their names, schemas,
     * metadata and the write rules; returns one line per problem, empty when all is well.
     */
    List<String> validate(List<Path> paths);

    /** Every file that agrees with its name, and one line per file that does not (see {@link Catalogue}). */
    Catalogue catalogue();

    /**
     * Read-only DuckDB over the catalogue's files, one view per kind: it can read those views and nothing else,
     * and write only {@code output} (null: nothing). Close it when done.
     */
    LakeSql sql(Catalogue catalogue, Path output);

    /** Read-only DuckDB over the files the catalogue accepts (its problems are dropped). */
    default LakeSql sql() {
        return sql(catalogue(), null);
    }

    /** DuckDB with the catalogue's views and full access (files, extensions, writes): {@code sql --unsafe}. */
    LakeSql unsafeSql(Catalogue catalogue);

    /**
     * A view of this lake whose commits record {@code command} (what the user ran, secrets redacted) in the
     * history; reads and writes are the lake's.
     */
    Lake describedAs(String command);

    /** As {@link #describedAs(String)}, also recording the files the command reads, with their checksums. */
    Lake describedAs(String command, List<java.nio.file.Path> inputs);

    /** Every commit of the lake, oldest first (see docs/LAKE.md, History). */
    List<org.marketlake.core.model.LakeCommit> log();

    /**
     * The commits that wrote {@code file} (a lake file, or one copied out of a lake), oldest first, as the file's
     * own Parquet metadata records them: empty for a file written before the lake kept provenance in its files.
     */
    List<org.marketlake.core.model.FileOrigin> provenance(java.nio.file.Path file);

    /**
     * Restores every file commit {@code id} changed to its state before it, as one new commit (returned), so a
     * rollback can itself be rolled back. Refused when later commits changed those files, naming them, unless
     * {@code cascade}: then those are undone too, each file to its state before the first of them.
     */
    org.marketlake.core.model.LakeCommit rollback(String id, boolean cascade);

    /** As {@link #rollback(String, boolean)}, refused when later commits changed the same files. */
    default org.marketlake.core.model.LakeCommit rollback(String id) {
        return rollback(id, false);
    }

    /**
     * Removes kept versions older than {@code keepFor} beyond the newest {@code keepCommits} commits, versions no
     * commit explains, and leftovers of interrupted writes. The commits' log entries stay.
     */
    GcReport gc(java.time.Duration keepFor, int keepCommits);

    /** What {@link #gc} removed. */
    record GcReport(int versionsRemoved, long bytesFreed, int leftoversRemoved) {}

    /**
     * Removes the rows of {@code kind} and {@code symbol} with {@code range.start <= timestamp <= range.end}, as
     * one commit (or as part of the commit this lake is in): each file is rewritten without them, and a file left
     * with no rows is removed. Derived bars are the caller's: {@code ingest}'s range delete rebuilds them.
     */
    org.marketlake.core.model.DeleteResult delete(DataKind kind, Symbol symbol, TimeRange range);

    /** What the history takes on disk: the log, and per symbol the kept versions (files and bytes). */
    HistoryUsage historyUsage();

    /** The history's size: log entries and their bytes, and per symbol the kept version files and their bytes. */
    record HistoryUsage(int commits, long logBytes, java.util.Map<String, long[]> versionsBySymbol) {
        public HistoryUsage {
            versionsBySymbol = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(versionsBySymbol));
        }
    }

    /**
     * What no commit explains, one line each: kept version folders without a log entry, and temporary files of
     * interrupted writes. Neither is data or harms a reader; {@link #gc} removes both.
     */
    List<String> untidy();
}
