package org.marketlake.cli.history;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.core.model.LakeCommit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code marketlake rollback ID}: every file a commit changed back to its state before, as one new commit. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Restore every file a commit changed to its state before it, as one new commit (which can itself be rolled back).")
public final class RollbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "ID", description = "The commit to undo: its id or sequence number (marketlake log).")
    String id;

    @Option(names = "--cascade", description = "Also undo the later commits that changed the same files (else such a rollback is refused).")
    boolean cascade;

    @Override
    public Integer call() {
        LakeCommit commit = common.lake().rollback(id, cascade);
        PrintWriter out = spec.commandLine().getOut();
        if (commit == null) {
            out.println("nothing to roll back: the files of commit " + id + " are already as they were before it");
        } else {
            out.printf("rolled back %s as commit %d (%s): %d file%s restored%n", id, commit.sequence(), commit.id(), commit.files().size(),
                    commit.files().size() == 1 ? "" : "s");
        }
        return 0;
    }
}
