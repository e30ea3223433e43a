package org.marketlake.cli.history;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.marketlake.cli.convert.SymbolConverter;
import org.marketlake.cli.convert.TimeframeConverter;
import org.marketlake.cli.convert.ZoneConverter;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.cli.options.DailySessionOption;
import org.marketlake.cli.options.TimeRangeOptions;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.DeleteResult;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.store.Lake;
import org.marketlake.ingest.Deletion;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marketlake delete}: a range of one kind, or a whole symbol; recorded and undoable like every commit. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete the rows of a range (--kind, --timeframe, --start, --end), rebuilding the roll-ups of deleted 1s bars in the same commit;",
            "or every file of a symbol (no range; asks first, or --yes). One commit, undone with marketlake rollback."})
public final class DeleteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--symbol", required = true, paramLabel = "SYM", converter = SymbolConverter.class, description = "The symbol whose rows to delete.")
    Symbol symbol;

    @Option(names = "--kind", paramLabel = "bars|quotes", description = "bars or quotes (with a range; default: bars).")
    String kind = "bars";

    @Option(names = "--timeframe", paramLabel = "TF", converter = TimeframeConverter.class, description = "The bars' timeframe: 1s (whose roll-ups are rebuilt), 1m ... 1d.")
    Timeframe timeframe;

    @ArgGroup(exclusive = false)
    TimeRangeOptions range;

    @Option(names = "--tz", paramLabel = "ZONE", converter = ZoneConverter.class, description = "Zone of --start/--end values without an offset.")
    java.time.ZoneId zone;

    @Mixin
    DailySessionOption daily;

    @Option(names = "--yes", description = "Delete a whole symbol without asking.")
    boolean yes;

    @Override
    public Integer call() {
        Lake lake = common.lake();
        PrintWriter out = spec.commandLine().getOut();
        if (range == null) {
            if (!yes && !confirmed()) {
                throw new InvalidRequestException("deleting every file of " + symbol + " needs a confirmation: give --yes");
            }
            DeleteResult removed = Deletion.symbol(lake, symbol);
            out.printf("deleted %d file%s of %s (%d rows)%n", removed.files().size(), removed.files().size() == 1 ? "" : "s", symbol, removed.removed());
            return 0;
        }
        DataKind what = switch (kind) {
            case "quotes" -> DataKind.QUOTES;
            case "bars" -> {
                if (timeframe == null) {
                    throw new InvalidRequestException("deleting bars needs --timeframe");
                }
                yield DataKind.bars(timeframe);
            }
            default -> throw new InvalidRequestException("--kind takes bars or quotes [value=" + kind + "]");
        };
        Deletion.RangeDelete result = Deletion.range(lake, what, symbol, range.selection(zone).range(), daily.session());
        out.printf("deleted %d %s rows of %s from %d file%s%n", result.removed().removed(), what.label(), symbol, result.removed().files().size(),
                result.removed().files().size() == 1 ? "" : "s");
        if (!result.derivedRebuilt().files().isEmpty() || !result.derivedRemoved().files().isEmpty()) {
            out.printf("rebuilt the roll-ups around it: %d derived rows removed, %d rebuilt%n", result.derivedRemoved().removed(),
                    result.derivedRebuilt().added() + result.derivedRebuilt().replaced());
        }
        return 0;
    }

    private boolean confirmed() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        String answer = console.readLine("Delete every file of %s from %s? [y/N] ", symbol, common.root());
        return answer != null && answer.strip().equalsIgnoreCase("y");
    }
}
