package org.marketlake.cli.ingest;

import java.time.ZoneId;
import java.util.List;
import org.marketlake.core.model.Symbol;
import org.marketlake.core.time.EpochUnit;
import org.marketlake.core.time.TimestampParser;
import org.marketlake.ingest.IngestOptions;
import org.marketlake.ingest.input.ColumnMapping;
import org.marketlake.ingest.input.InputFiles;
import org.marketlake.ingest.input.RecordLayout;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code ingest trades} and {@code ingest quotes} share: {@code @Mixin InputOptions input;}. */
final class InputOptions {
    @Option(names = "--symbol", required = true, paramLabel = "SYM", description = "Symbol to store the rows under, e.g. IBM or BTC-USD.")
    String symbol;

    @Option(names = "--map", paramLabel = "FIELD=COLUMN[,...]", description = "Source column names for fields, e.g. size=amount,price=p.")
    String map;

    @Option(names = "--tz", paramLabel = "ZONE", description = "Zone of timestamps without an offset, e.g. America/New_York.")
    String zone;

    @Option(names = "--epoch-unit", paramLabel = "s|ms|us|ns", description = "What integer timestamps count since 1970-01-01T00:00:00Z.")
    String epochUnit;

    @Option(names = "--allow-any-date", description = "Accept integer timestamps that land before 1971 or after 2099 (refused by default: usually a wrong --epoch-unit).")
    boolean anyDate;

    @Option(names = "--strict", description = "Fail the whole ingest, writing nothing, if any row is rejected.")
    boolean strict;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "CSV, JSON lines (plain, .gz or .zst) or Parquet files, folders or globs.")
    List<String> files;

    IngestOptions options(RecordLayout layout) {
        ZoneId tz = TimestampParser.zone(zone);
        EpochUnit unit = epochUnit == null ? null : EpochUnit.parse(epochUnit);
        IngestOptions options = IngestOptions.of(Symbol.of(symbol), InputFiles.expand(files))
                .mapping(ColumnMapping.parse(map).checkedFor(layout))
                .timestamps(anyDate ? TimestampParser.of(tz, unit).allowingAnyDate() : TimestampParser.of(tz, unit));
        return strict ? options.strict() : options;
    }
}
