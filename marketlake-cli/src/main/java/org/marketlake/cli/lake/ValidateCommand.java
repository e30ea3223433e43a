package org.marketlake.cli.lake;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marketlake.core.store.Lake;
import org.marketlake.core.model.WriteResult;
import org.marketlake.ingest.aggregate.RollupCheck;
import picocli.CommandLine.Option;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Re-check every file of the lake (or the files and folders named): names, schemas, metadata, rows; and, for the "
                + "whole lake, that the stored roll-ups agree with the stored 1s bars. Exit 1 if any problem.")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders (default: the whole lake).")
    List<Path> paths;

    @Option(names = "--repair", description = "Rebuild the roll-ups (1m ... 1d) from the stored 1s bars, in one commit, then check again.")
    boolean repair;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Lake lake = common.lake();
        boolean wholeLake = paths == null || paths.isEmpty();
        Path root = lake.root().toAbsolutePath().normalize();
        if (repair) {
            for (WriteResult.FileWrite file : RollupCheck.repair(lake).files()) {
                if (file.changed()) {
                    out.println("repaired " + root.relativize(file.path().toAbsolutePath().normalize()) + ": "
                            + file.added() + " bars added, " + file.replaced() + " replaced");
                }
            }
        }
        List<String> problems = new ArrayList<>(lake.validate(wholeLake ? List.of() : paths));
        if (wholeLake) {
            for (RollupCheck.Disagreement disagreement : RollupCheck.check(lake)) {
                problems.add(disagreement.describe(root) + "; validate --repair rebuilds the roll-ups");
            }
        }
        for (String problem : problems) {
            out.println(problem);
        }
        if (wholeLake) {
            // Leftovers are not data and harm no reader: noted, not a problem (a killed command leaves them).
            List<String> untidy = lake.untidy();
            for (String line : untidy) {
                out.println("note: " + line);
            }
            if (!untidy.isEmpty()) {
                out.println("note: marketlake gc removes " + (untidy.size() == 1 ? "it" : "these " + untidy.size()));
            }
        }
        if (problems.isEmpty()) {
            out.println("ok: no problems found");
            return 0;
        }
        spec.commandLine().getErr().println("marketlake: " + problems.size() + " problem(s) found");
        return 1;
    }
}
