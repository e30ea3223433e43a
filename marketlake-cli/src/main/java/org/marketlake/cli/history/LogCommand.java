package org.marketlake.cli.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.convert.SymbolConverter;
import org.marketlake.cli.convert.TimePointConverter;
import org.marketlake.cli.lake.Provenance;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.cli.output.Output;
import org.marketlake.cli.output.OutputOptions;
import org.marketlake.cli.output.OutputTarget;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.format.Rows;
import org.marketlake.core.model.LakeCommit;
import org.marketlake.core.model.Micros;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.store.Lake;
import org.marketlake.core.time.TimePoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marketlake log}: the lake's commits, oldest first; one commit's files with {@code --show}. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "List the lake's commits (sequence, id, time, command, files changed), or the files of one commit with --show.")
public final class LogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--symbol", paramLabel = "SYM", converter = SymbolConverter.class, description = "Only commits that changed this symbol's files.")
    Symbol symbol;

    @Option(names = "--since", paramLabel = "T", converter = TimePointConverter.class, description = "Only commits at or after T (a date or an instant).")
    TimePoint since;

    @Option(names = "--file", paramLabel = "PATH", description = "Only commits that changed this lake file (a path inside the root, or relative to it); for a file copied out of the lake, the commits its own metadata names.")
    Path file;

    @Option(names = "--show", paramLabel = "ID", description = "One row per file of this commit (its id or sequence): action, rows and SHA-256 before and after.")
    String show;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        OutputTarget target = output.target(common.root(), false);
        Lake lake = common.lake();
        List<LakeCommit> log = lake.log();
        Rows rows;
        if (file != null && show == null && outside(lake.root(), file)) {
            // A file copied out of the lake: the lake's log does not know it, the file's own metadata does.
            rows = Provenance.ofFile(lake, file, file.toString());
        } else {
            rows = show != null ? files(find(log, show)) : commits(select(lake, log));
        }
        Output.print(rows, target.format(), target.file(), null, spec.commandLine().getOut());
        return 0;
    }

    private List<LakeCommit> select(Lake lake, List<LakeCommit> log) {
        String relative = file == null ? null : relative(lake.root(), file);
        long from = since == null ? Long.MIN_VALUE : since.first(null);
        List<LakeCommit> selected = new ArrayList<>();
        for (LakeCommit commit : log) {
            boolean symbolMatches = symbol == null || commit.files().stream()
                    .anyMatch(change -> Path.of(change.path()).getFileName().toString().startsWith(symbol.value() + "."));
            boolean fileMatches = relative == null || commit.touches(relative);
            boolean timeMatches = Micros.of(Instant.parse(commit.time())) >= from;
            if (symbolMatches && fileMatches && timeMatches) {
                selected.add(commit);
            }
        }
        return selected;
    }

    private static boolean outside(Path root, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return java.nio.file.Files.isRegularFile(absolute) && !absolute.startsWith(root.toAbsolutePath().normalize());
    }

    private static String relative(Path root, Path file) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path absolute = (file.isAbsolute() ? file : Path.of("").toAbsolutePath().resolve(file)).normalize();
        if (absolute.startsWith(absoluteRoot)) {
            return absoluteRoot.relativize(absolute).toString();
        }
        return file.normalize().toString();
    }

    private static LakeCommit find(List<LakeCommit> log, String id) {
        return log.stream().filter(commit -> commit.isNamed(id)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("no commit " + id + " in the lake's history"));
    }

    private static Rows commits(List<LakeCommit> commits) {
        List<Object[]> rows = new ArrayList<>();
        for (LakeCommit commit : commits) {
            String inputs = String.join("; ", commit.inputs().stream().map(input -> input.path() + " sha256:" + input.sha256()).toList());
            rows.add(new Object[] {commit.sequence(), commit.id(), Instant.parse(commit.time()), commit.files().size(), commit.command(), inputs});
        }
        return Rows.table(List.of("sequence", "id", "time", "files", "command", "inputs"), rows);
    }

    private static Rows files(LakeCommit commit) {
        List<Object[]> rows = new ArrayList<>();
        for (LakeCommit.FileChange change : commit.files()) {
            rows.add(new Object[] {change.path(), change.action(), change.rowsBefore() < 0 ? null : change.rowsBefore(),
                change.rowsAfter() < 0 ? null : change.rowsAfter(), change.sha256Before(), change.sha256After()});
        }
        return Rows.table(List.of("file", "action", "rows_before", "rows_after", "sha256_before", "sha256_after"), rows);
    }
}
