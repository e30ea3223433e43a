package org.marketlake.cli.ingest;

import org.marketlake.ingest.aggregate.Session;
import picocli.CommandLine.Option;

/** {@code --session}: which part of a trading date a daily bar covers, for every command that builds daily bars. */
final class DailySessionOption {
    @Option(names = "--session", paramLabel = "regular|extended|utc", defaultValue = "regular",
            description = "Daily bars cover 09:30-16:00 New York (regular, default), 04:00-20:00 (extended) or the UTC day (utc).")
    String session;

    Session session() {
        return Session.parse(session);
    }
}
