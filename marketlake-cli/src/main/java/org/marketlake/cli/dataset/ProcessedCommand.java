package org.marketlake.cli.dataset;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.NoLakeOptions;
import org.marketlake.loader.load.ParquetDataLoader;
import org.marketlake.loader.config.ChecksumAlgorithm;
import org.marketlake.loader.state.IdempotencyTracker;
import org.marketlake.loader.state.ProcessedEntry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code marketlake dataset processed}: the idempotency state, one line per file, with whether it changed since. */
@Command(name = "processed", mixinStandardHelpOptions = true,
        description = "List the files the idempotency state records: key, status, unchanged/changed/missing, time, rows.")
final class ProcessedCommand implements Callable<Integer> {
    @Mixin
    NoLakeOptions common;

    @Mixin
    DatasetOptions dataset;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ParquetDataLoader loader = dataset.loader();
        PrintWriter out = spec.commandLine().getOut();
        List<ProcessedEntry> entries = loader.idempotency().entries();
        for (ProcessedEntry entry : entries) {
            Path file = Path.of(entry.filePath());
            String now;
            if (!Files.exists(file)) {
                now = "missing";
            } else {
                ChecksumAlgorithm algorithm = ChecksumAlgorithm.byName(entry.checksumAlgorithm());
                now = IdempotencyTracker.checksum(file, algorithm == null ? loader.config().idempotency().checksumAlgorithm() : algorithm)
                        .equals(entry.checksum()) ? "unchanged" : "changed";
            }
            out.printf("%s\t%s\t%s\t%s\trows=%d\tlast=%s%n", entry.key(), entry.status(), now, entry.processedAt(),
                    entry.rows(), entry.lastTimestamp() == null ? "-" : entry.lastTimestamp());
        }
        out.printf("%d files in %s%n", entries.size(), loader.idempotency().stateFile());
        return 0;
    }
}
