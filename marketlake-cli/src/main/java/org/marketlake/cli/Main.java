package org.marketlake.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code marketlake} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given streams and returns its exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = MarketLakeCommand.commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        int code;
        try {
            code = commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            err.println(ExitCodes.outOfMemoryLine());
            code = ExitCodes.DATA;
        }
        out.flush();
        err.flush();
        return code;
    }
}
