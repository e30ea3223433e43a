package org.marketlake.cli.lake;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketlake.cli.CommonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Re-check every file of the lake (or the files and folders named): names, schemas, metadata, rows. Exit 1 if any problem.")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders (default: the whole lake).")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> problems = common.lake().validate(paths == null ? List.of() : paths);
        for (String problem : problems) {
            out.println(problem);
        }
        if (problems.isEmpty()) {
            out.println("ok: no problems found");
            return 0;
        }
        spec.commandLine().getErr().println("marketlake: " + problems.size() + " problem(s) found");
        return 1;
    }
}
