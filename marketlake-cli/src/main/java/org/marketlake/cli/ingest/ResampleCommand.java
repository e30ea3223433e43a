package org.marketlake.cli.ingest;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.cli.lake.WriteSummary;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.LakeFile;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.WriteResult;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.core.query.Selection;
import org.marketlake.cli.convert.ZoneConverter;
import org.marketlake.cli.options.MonthOrRangeOptions;
import org.marketlake.ingest.aggregate.Rollup;
import org.marketlake.ingest.aggregate.Session;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code marketlake resample}: coarser bars recomputed from the stored 1s bars. */
@Command(name = "resample", mixinStandardHelpOptions = true,
        description = {"Recompute coarser bars from the stored 1s bars: every UTC day (1m..1h) or trading date (1d) the range touches,",
            "all stored months when no range is given. Prints per lake file the rows added, replaced and unchanged."})
public final class ResampleCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--symbol", required = true, paramLabel = "SYM", description = "Symbol whose bars to resample.")
    String symbol;

    @Option(names = "--from", required = true, paramLabel = "1s", description = "Source timeframe: 1s.")
    String from;

    @Option(names = "--to", required = true, split = ",", paramLabel = "TF", description = "Target timeframe(s): 1m, 5m, 15m, 1h, 1d.")
    List<String> to;

    @ArgGroup(exclusive = true)
    MonthOrRangeOptions time;

    @Option(names = "--tz", paramLabel = "ZONE", converter = ZoneConverter.class, description = "Zone of --start/--end values without an offset.")
    ZoneId zone;

    @Mixin
    DailySessionOption daily;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Symbol sym = Symbol.of(symbol);
        if (Timeframe.parse(from) != Timeframe.S1) {
            throw new InvalidRequestException("resample derives bars from 1s bars [value=" + from + "]: use --from 1s");
        }
        Set<Timeframe> targets = EnumSet.noneOf(Timeframe.class);
        for (String target : to) {
            Timeframe timeframe = Timeframe.parse(target.strip());
            if (timeframe == Timeframe.S1) {
                throw new InvalidRequestException("resample --to must be coarser than 1s [value=1s]: use 1m, 5m, 15m, 1h or 1d");
            }
            targets.add(timeframe);
        }
        Session session = daily.session();
        Lake lake = common.lake();
        WriteResult written;
        if (time == null) {
            List<LakeFile> files = lake.files(DataKind.bars(Timeframe.S1), sym);
            if (files.isEmpty()) {
                throw new InvalidDataException("no 1s bars stored for " + sym + " [root=" + common.root() + "]: ingest trades first");
            }
            written = Rollup.fromStoredSeconds(lake, sym, targets, files.stream().map(LakeFile::period).toList(), session);
        } else {
            Selection selection = time.selection(zone);
            written = Rollup.fromStoredSeconds(lake, sym, targets, selection.range(), session);
        }
        WriteSummary.print(spec.commandLine().getOut(), common.root(), written);
        return 0;
    }
}
