package org.marketlake.core.store;

import org.marketlake.core.error.InvalidRowException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.marketlake.core.error.CorruptFileException;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.model.Catalogue;
import org.marketlake.core.model.LakeFile;
import org.marketlake.core.model.LakeCommit;
import org.marketlake.core.model.DeleteResult;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.layout.LakeLayout;
import org.marketlake.core.model.Column;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.LakeSchema;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Period;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.TimeRange;
import org.marketlake.core.sql.LakeSql;

/** The lake over a folder. Reached through {@link Lake#open(Path)}. */
final class LakeStore implements Lake {
    private final LakeLayout layout;
    /** The commit this view writes into; null for the lake itself, where each write is a commit of its own. */
    private final Staging staging;
    /** What this view's commits record as their command in the history, and the files it reads. */
    private final String command;
    private final List<Path> inputs;

    private LakeStore(LakeLayout layout, Staging staging, String command, List<Path> inputs) {
        this.layout = layout;
        this.staging = staging;
        this.command = command;
        this.inputs = List.copyOf(inputs);
    }

    /** Opens the lake, first completing a commit that a killed writer left half-renamed (see {@link Journal}). */
    public static Lake open(Path root) {
        LakeStore lake = new LakeStore(new LakeLayout(root), null, "", List.of());
        if (Journal.exists(root)) {
            try {
                // A live writer holding the lock completes its own commit; only a dead writer's is ours to finish.
                WriterLock.tryHold(root, () -> Journal.recover(root));
            } catch (IOException e) {
                throw new InvalidDataException("cannot complete the lake's interrupted commit [file=" + Journal.path(root) + "]: " + e.getMessage(), e);
            }
        }
        return lake;
    }

    @Override
    public <T> T commit(Function<Lake, T> work) {
        if (staging != null) {
            return work.apply(this);
        }
        Path root = layout.root();
        try {
            return WriterLock.hold(root, () -> {
                Journal.recover(root);
                Staging commit = new Staging(root, command, inputs);
                try {
                    T result = work.apply(new LakeStore(layout, commit, command, inputs));
                    commit.commit();
                    return result;
                } finally {
                    commit.abandon();
                }
            });
        } catch (IOException e) {
            throw new InvalidDataException("cannot write lake files [folder=" + root + "]: " + e.getMessage(), e);
        }
    }

    @Override
    public Path root() {
        return layout.root();
    }

    @Override
    public Lake describedAs(String command) {
        return describedAs(command, List.of());
    }

    @Override
    public Lake describedAs(String command, List<Path> inputs) {
        return new LakeStore(layout, staging, command == null ? "" : command, inputs == null ? List.of() : inputs);
    }

    @Override
    public List<LakeCommit> log() {
        return History.read(layout.root());
    }

    @Override
    public List<org.marketlake.core.model.FileOrigin> provenance(Path file) {
        try {
            List<org.marketlake.core.model.FileOrigin> origins = new ArrayList<>(FileProvenance.read(file));
            Path root = layout.root().toAbsolutePath().normalize();
            Path absolute = file.toAbsolutePath().normalize();
            if (absolute.startsWith(root)) {
                origins = History.withLog(origins, History.read(root), root.relativize(absolute).toString(), History.sha256(absolute));
            }
            return origins;
        } catch (IOException e) {
            throw new CorruptFileException("cannot read a lake file's provenance [file=" + LakeFiles.display(layout, file) + "]: " + e.getMessage(), e);
        }
    }

    @Override
    public LakeCommit rollback(String id, boolean cascade) {
        long before = log().size();
        commit(lake -> {
            try {
                Rollback.stage(layout.root(), id, cascade, ((LakeStore) lake).staging);
            } catch (IOException e) {
                throw new InvalidDataException("cannot roll back commit " + id + ": " + e.getMessage(), e);
            }
            return null;
        });
        List<LakeCommit> after = log();
        return after.size() > before ? after.get(after.size() - 1) : null;
    }

    @Override
    public List<String> untidy() {
        try {
            return History.unexplained(layout.root());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lake's leftovers [folder=" + layout.root() + "]", e);
        }
    }

    @Override
    public HistoryUsage historyUsage() {
        try {
            return History.usage(layout.root());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure the lake's history [folder=" + layout.root() + "]", e);
        }
    }

    @Override
    public DeleteResult delete(DataKind kind, Symbol symbol, TimeRange range) {
        if (staging == null) {
            return commit(lake -> lake.delete(kind, symbol, range));
        }
        List<DeleteResult.FileDelete> deleted = new ArrayList<>();
        for (LakeFile file : files(kind, symbol)) {
            TimeRange period = TimeRange.of(file.period());
            Path target = file.path();
            if (!range.overlaps(period.startMicros(), period.endMicros()) || !Files.exists(staging.current(target))) {
                continue;
            }
            LakeLayout.FileKey key = layout.parse(target).orElseThrow();
            Frame rows = LakeFiles.readWhole(layout, staging.current(target), key);
            long[] ts = rows.timestamps();
            int[] keep = new int[rows.size()];
            int kept = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (ts[i] < range.startMicros() || ts[i] > range.endMicros()) {
                    keep[kept++] = i;
                }
            }
            if (kept == rows.size()) {
                continue;
            }
            try {
                if (kept == 0) {
                    staging.remove(target);
                } else {
                    Frame left = rows.select(java.util.Arrays.copyOf(keep, kept));
                    Map<String, String> provenance = staging.provenance(target, left.size());
                    staging.stage(target, temporary -> ParquetFileWrites.write(left, temporary, provenance));
                }
            } catch (IOException e) {
                throw new InvalidDataException("cannot rewrite " + LakeFiles.display(layout, target) + ": " + e.getMessage(), e);
            }
            deleted.add(new DeleteResult.FileDelete(target, key.period(), rows.size() - kept, kept));
        }
        return new DeleteResult(deleted);
    }

    @Override
    public GcReport gc(java.time.Duration keepFor, int keepCommits) {
        try {
            return WriterLock.hold(layout.root(), () -> {
                Journal.recover(layout.root());
                return Rollback.gc(layout.root(), keepFor, keepCommits);
            });
        } catch (IOException e) {
            throw new InvalidDataException("cannot collect the lake's garbage [folder=" + layout.root() + "]: " + e.getMessage(), e);
        }
    }

    @Override
    public Path pathOf(DataKind kind, Symbol symbol, Period period) {
        return layout.path(kind, symbol, period);
    }

    @Override
    public WriteResult write(Frame frame) {
        return write(frame, false);
    }

    @Override
    public WriteResult writeLastWins(Frame frame) {
        return write(frame, true);
    }

    private WriteResult write(Frame frame, boolean lastWins) {
        if (staging == null) {
            return commit(lake -> ((LakeStore) lake).write(frame, lastWins));
        }
        if (!RowValidator.sameSchema(frame)) {
            throw new InvalidRequestException("a write needs the full " + frame.kind().label() + " schema " + frame.kind().schema().names() + ", got " + frame.columns());
        }
        if (frame.isEmpty()) {
            return new WriteResult(List.of());
        }
        RowValidator.computeSpread(frame);
        // Validate every row of every period before any file is touched: a refused write changes nothing.
        RowValidator validator = RowValidator.of(frame);
        for (int row = 0; row < frame.size(); row++) {
            validator.check(row, row + 1L, null, ts -> fileName(frame, ts));
        }
        int[] order = frame.sortOrder();
        Frame sorted = frame.isSortedByTimestamp() ? frame : frame.select(order);
        Frame unique = dedupe(sorted, order, lastWins);
        TreeMap<Period, int[]> byPeriod = splitByPeriod(unique);
        List<WriteResult.FileWrite> files = new ArrayList<>();
        for (var entry : byPeriod.entrySet()) {
            int from = entry.getValue()[0];
            int to = entry.getValue()[1];
            // A write of one month (what ingest hands over) is passed on as it is: no second copy of a dense month.
            Frame part = from == 0 && to == unique.size() ? unique : unique.slice(from, to);
            LakeLayout.FileKey key = new LakeLayout.FileKey(frame.kind(), frame.symbol(), entry.getKey());
            try {
                files.add(FilePublisher.mergeAndStage(layout, key, part, staging));
            } catch (IOException e) {
                throw new InvalidDataException("cannot write lake file [file=" + LakeFiles.display(layout, layout.path(key)) + "]: " + e.getMessage(), e);
            }
        }
        return new WriteResult(files);
    }

    private String fileName(Frame frame, long micros) {
        return LakeFiles.display(layout, layout.path(frame.kind(), frame.symbol(), Period.containing(frame.kind(), micros)));
    }

    /** Duplicate timestamps: an error naming both rows, or (last wins) the later row of the input kept. */
    private Frame dedupe(Frame sorted, int[] order, boolean lastWins) {
        long[] ts = sorted.timestamps();
        int size = sorted.size();
        int duplicates = 0;
        for (int i = 1; i < size; i++) {
            if (ts[i] == ts[i - 1]) {
                if (!lastWins) {
                    Period period = Period.containing(sorted.kind(), ts[i]);
                    String file = LakeFiles.display(layout, layout.path(sorted.kind(), sorted.symbol(), period));
                    throw new InvalidRowException(file, order[i] + 1L, "timestamp", Micros.format(ts[i]),
                            "duplicate timestamp: rows " + (order[i - 1] + 1) + " and " + (order[i] + 1) + " of the write have the same timestamp");
                }
                duplicates++;
            }
        }
        if (duplicates == 0) {
            return sorted;
        }
        // The sort is stable, so among equal timestamps the last one came last in the input: keep it.
        int[] keep = new int[size - duplicates];
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (i + 1 == size || ts[i + 1] != ts[i]) {
                keep[kept++] = i;
            }
        }
        return sorted.select(keep);
    }

    private static TreeMap<Period, int[]> splitByPeriod(Frame sorted) {
        TreeMap<Period, int[]> parts = new TreeMap<>();
        long[] ts = sorted.timestamps();
        int start = 0;
        Period current = Period.containing(sorted.kind(), ts[0]);
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || !current.contains(ts[i])) {
                parts.put(current, new int[] {start, i});
                if (i < sorted.size()) {
                    current = Period.containing(sorted.kind(), ts[i]);
                    start = i;
                }
            }
        }
        return parts;
    }

    @Override
    public org.marketlake.core.model.ActionsWrite writeActions(Symbol symbol, List<org.marketlake.core.model.CorporateAction> actions) {
        if (staging == null) {
            return commit(lake -> lake.writeActions(symbol, actions));
        }
        for (var action : actions) {
            if (!action.symbol().equals(symbol)) {
                throw new InvalidRequestException("an action of " + action.symbol() + " cannot be written to " + symbol + "'s actions");
            }
        }
        Path target = layout.actionsPath(symbol);
        Path current = staging.current(target);
        List<org.marketlake.core.model.CorporateAction> existing = Files.exists(current)
                ? ActionFiles.read(current, LakeFiles.display(layout, target), symbol) : List.of();
        ActionFiles.Merge merged = ActionFiles.merge(existing, actions);
        if (merged.added() > 0 || merged.replaced() > 0) {
            try {
                Map<String, String> provenance = staging.provenance(target, merged.actions().size());
                staging.stage(target, temporary -> ActionFiles.write(symbol, merged.actions(), temporary, provenance));
            } catch (IOException e) {
                throw new InvalidDataException("cannot write lake file [file=" + LakeFiles.display(layout, target) + "]: " + e.getMessage(), e);
            }
        }
        return new org.marketlake.core.model.ActionsWrite(target, merged.added(), merged.replaced(), merged.unchanged(), merged.actions().size());
    }

    @Override
    public List<org.marketlake.core.model.CorporateAction> actions(Symbol symbol) {
        Path target = layout.actionsPath(symbol);
        Path current = staging == null ? target : staging.current(target);
        return Files.exists(current) ? ActionFiles.read(current, LakeFiles.display(layout, target), symbol) : List.of();
    }

    @Override
    public Frame read(DataKind kind, Symbol symbol, TimeRange range, List<String> columns) {
        return read(kind, symbol, range, columns, null);
    }

    @Override
    public Frame read(DataKind kind, Symbol symbol, TimeRange range, List<String> columns, Consumer<String> skipped) {
        LakeSchema schema = kind.schema();
        List<Column> requested = schema.select(columns);
        List<Column> reading = new ArrayList<>(requested);
        if (requested.stream().noneMatch(c -> c.name().equals(LakeSchema.TIMESTAMP_COLUMN))) {
            reading.add(schema.column(LakeSchema.TS));
        }
        List<Frame> parts = new ArrayList<>();
        for (LakeFile file : files(kind, symbol)) {
            TimeRange whole = TimeRange.of(file.period());
            if (!range.overlaps(whole.startMicros(), whole.endMicros())) {
                continue;
            }
            try {
                parts.add(readFile(file, range, reading));
            } catch (InvalidDataException e) {
                if (skipped == null) {
                    throw e;
                }
                skipped.accept(skipLine(file.path(), e));
            }
        }
        Frame all = parts.isEmpty() ? Frame.empty(kind, symbol, reading) : Frame.concat(parts);
        return all.project(requested.stream().map(Column::name).toList());
    }

    /** One file's rows in {@code range}; a file whose footer contradicts its name (copied or renamed by hand) is an error, never data. */
    private Frame readFile(LakeFile file, TimeRange range, List<Column> reading) {
        LakeLayout.FileKey key = new LakeLayout.FileKey(file.kind(), file.symbol(), file.period());
        Path content = staging == null ? file.path() : staging.current(file.path());
        try {
            return ParquetFileReads.read(content, file.kind(), file.symbol(), range, reading, LakeFiles.agreesWithName(layout, file.path(), key));
        } catch (InvalidDataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidDataException("cannot read lake file [file=" + LakeFiles.display(layout, file.path()) + "]: " + e.getMessage(), e);
        }
    }

    /** The one warning line for a file a reader skips: {@code bars/1m/X.2024-01.parquet: reason, skipped}. */
    private String skipLine(Path file, InvalidDataException e) {
        return LakeFiles.display(layout, file) + ": " + e.getMessage().replaceFirst("^.*?\\]: ", "") + ", skipped";
    }

    @Override
    public List<LakeFile> files() {
        return catalogue().files();
    }

    @Override
    public Catalogue catalogue() {
        List<LakeFile> good = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (DataKind kind : LakeLayout.kinds()) {
            for (Path path : dataFiles(kind)) {
                String name = LakeFiles.display(layout, path);
                Optional<LakeLayout.FileKey> key = layout.parse(path);
                if (key.isEmpty()) {
                    problems.add(name + ": not a lake file name, skipped");
                    continue;
                }
                if (!Files.isRegularFile(path)) {
                    problems.add(name + ": not a regular file, skipped");
                    continue;
                }
                try {
                    LakeFile file = LakeFiles.describeChecked(layout, path, key.get());
                    good.add(file);
                } catch (InvalidDataException e) {
                    problems.add(skipLine(path, e));
                }
            }
        }
        List<org.marketlake.core.model.ActionsFile> actions = new ArrayList<>();
        for (Path path : actionFiles()) {
            String name = LakeFiles.display(layout, path);
            Optional<Symbol> symbol = layout.parseActions(path);
            if (symbol.isEmpty()) {
                problems.add(name + ": not a lake file name, skipped");
                continue;
            }
            try {
                actions.add(ActionFiles.describe(path, name, symbol.get()));
            } catch (InvalidDataException e) {
                problems.add(skipLine(path, e));
            }
        }
        return new Catalogue(good, actions, problems);
    }

    @Override
    public List<LakeFile> files(DataKind kind, Symbol symbol) {
        List<LakeFile> files = new ArrayList<>();
        for (Path path : dataFiles(kind)) {
            Optional<LakeLayout.FileKey> key = layout.parse(path);
            if (key.isPresent() && key.get().symbol().equals(symbol)) {
                files.add(new LakeFile(kind, symbol, key.get().period(), path, -1, -1, 0, 0));
            }
        }
        if (staging != null) {
            // Files this commit creates are part of its view of the lake before they are visible to others.
            for (Path target : staging.targets()) {
                Optional<LakeLayout.FileKey> key = layout.parse(target);
                if (key.isPresent() && key.get().kind().equals(kind) && key.get().symbol().equals(symbol)
                        && files.stream().noneMatch(f -> f.path().toAbsolutePath().normalize().equals(target))) {
                    files.add(new LakeFile(kind, symbol, key.get().period(), target, -1, -1, 0, 0));
                }
            }
        }
        files.sort(Comparator.comparing(LakeFile::period));
        return files;
    }

    @Override
    public List<Symbol> symbols(DataKind kind) {
        return dataFiles(kind).stream().map(layout::parse).flatMap(Optional::stream)
                .map(LakeLayout.FileKey::symbol).distinct().sorted().toList();
    }

    /** The corporate-actions files, sorted by name. */
    private List<Path> actionFiles() {
        return parquetFiles(layout.actionsFolder());
    }

    /** The data files of a kind, sorted by name (symbol, then period). */
    private List<Path> dataFiles(DataKind kind) {
        return parquetFiles(layout.folder(kind));
    }

    /** The lake files directly in {@code folder} (temporary files start with a dot and are left out), sorted by name. */
    private static List<Path> parquetFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "[!.]*" + LakeLayout.EXTENSION)) {
            stream.forEach(paths::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        paths.sort(Comparator.comparing(Path::toString));
        return paths;
    }

    @Override
    public List<String> validate(List<Path> paths) {
        List<Path> targets = new ArrayList<>();
        if (paths == null || paths.isEmpty()) {
            for (DataKind kind : LakeLayout.kinds()) {
                targets.addAll(dataFiles(kind));
            }
            targets.addAll(actionFiles());
        } else {
            for (Path path : paths) {
                if (Files.isDirectory(path)) {
                    try (var walk = Files.walk(path)) {
                        // Kept versions under .marketlake/ are history, not the lake's current files.
                        walk.filter(p -> p.getFileName().toString().endsWith(LakeLayout.EXTENSION) && !p.getFileName().toString().startsWith(".")
                                        && !path.relativize(p).toString().contains(".marketlake"))
                                .sorted().forEach(targets::add);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot list " + path, e);
                    }
                } else {
                    targets.add(path);
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (Path file : targets) {
            problems.addAll(FileChecker.check(LakeLayout.of(file).orElse(layout), file));
        }
        return problems;
    }

    @Override
    public LakeSql sql(Catalogue catalogue, Path output) {
        return LakeSql.readOnlyOverLake(catalogue.pathsByKind(), output);
    }

    @Override
    public LakeSql unsafeSql(Catalogue catalogue) {
        return LakeSql.overLake(catalogue.pathsByKind());
    }
}
