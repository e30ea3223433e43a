package org.marketlake.cli.dataset;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.NoLakeOptions;
import org.marketlake.loader.load.ParquetDataLoader;
import org.marketlake.loader.audit.AuditSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code marketlake dataset audit}: the audit sessions, oldest first, or one session's JSON. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "List audit sessions (stale running ones are first marked abandoned), or print one with --session.")
final class AuditCommand implements Callable<Integer> {
    @Mixin
    NoLakeOptions common;

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--session", paramLabel = "ID", description = "Print this session's JSON.")
    String session;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ParquetDataLoader loader = dataset.loader();
        PrintWriter out = spec.commandLine().getOut();
        if (session != null) {
            out.println(loader.audit().sessionJson(session));
            return 0;
        }
        loader.audit().markAbandoned();
        List<AuditSession> sessions = loader.audit().sessions();
        for (AuditSession s : sessions) {
            out.printf("%s\t%s\tstart=%s\tend=%s\tdiscovered=%d processed=%d skipped=%d rows=%d%s%n", s.sessionId(), s.status(),
                    s.startTime(), s.endTime() == null ? "-" : s.endTime(), s.filesDiscovered(), s.filesProcessed(),
                    s.filesSkipped(), s.rowsLoaded(), s.error() == null ? "" : "\terror=" + s.error());
        }
        out.printf("%d sessions in %s%n", sessions.size(), loader.audit().logDir());
        return 0;
    }
}
