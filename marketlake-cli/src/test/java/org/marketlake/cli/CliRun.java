package org.marketlake.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line: exit code, stdout and stderr, for tests. */
public record CliRun(int exitCode, String out, String err) {
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
