package org.marketlake.ingest;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.marketlake.core.progress.Progress;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.model.Timeframe;
import org.marketlake.ingest.aggregate.Session;
import org.marketlake.ingest.input.ColumnMapping;
import org.marketlake.core.time.TimestampParser;

/**
 * What one ingest call reads and writes. Start from {@link #of} and change what differs:
 * <pre>{@code
 * IngestOptions.of(Symbol.of("IBM"), files).timeframes(Set.of(Timeframe.S1, Timeframe.M1, Timeframe.D1)).strict()
 * }</pre>
 *
 * @param timeframes bars to write for trades; 1s is always written, since every coarser bar derives from it
 * @param session which part of the day a daily bar covers
 * @param failOnRejection ({@code --strict}) any rejected row fails the whole ingest, with nothing written
 */
public record IngestOptions(Symbol symbol, List<Path> files, Set<Timeframe> timeframes, Session session, ColumnMapping mapping,
        TimestampParser timestamps, boolean failOnRejection, Progress progress) {
    public IngestOptions {
        if (symbol == null) {
            throw new InvalidRequestException("ingest needs a symbol").about("symbol");
        }
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new InvalidRequestException("no input files: name at least one FILE, folder or glob");
        }
        EnumSet<Timeframe> withSeconds = EnumSet.of(Timeframe.S1);
        withSeconds.addAll(timeframes);
        timeframes = Set.copyOf(withSeconds);
        if (session == null || mapping == null || timestamps == null || progress == null) {
            throw new IllegalArgumentException("session, mapping, timestamps and progress are required");
        }
    }

    /** 1s bars only, regular session, columns by their own names, offsets required, rejections counted. */
    public static IngestOptions of(Symbol symbol, List<Path> files) {
        return new IngestOptions(symbol, files, Set.of(Timeframe.S1), Session.REGULAR, ColumnMapping.NONE, TimestampParser.strict(), false,
                Progress.NONE);
    }

    public IngestOptions timeframes(Set<Timeframe> wanted) {
        return new IngestOptions(symbol, files, wanted, session, mapping, timestamps, failOnRejection, progress);
    }

    public IngestOptions session(Session wanted) {
        return new IngestOptions(symbol, files, timeframes, wanted, mapping, timestamps, failOnRejection, progress);
    }

    public IngestOptions mapping(ColumnMapping wanted) {
        return new IngestOptions(symbol, files, timeframes, session, wanted, timestamps, failOnRejection, progress);
    }

    public IngestOptions timestamps(TimestampParser wanted) {
        return new IngestOptions(symbol, files, timeframes, session, mapping, wanted, failOnRejection, progress);
    }

    /** Any rejected row fails the ingest before anything is written. */
    public IngestOptions strict() {
        return new IngestOptions(symbol, files, timeframes, session, mapping, timestamps, true, progress);
    }

    public IngestOptions progress(Progress wanted) {
        return new IngestOptions(symbol, files, timeframes, session, mapping, timestamps, failOnRejection, wanted);
    }
}
