package org.marketlake.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.error.MarketLakeException;
import picocli.CommandLine;

/**
 * The one place where failures become exit codes: 0 ok, 1 data problem, 2 usage or configuration error.
 * Prints one line naming what and where; the stack trace only with {@code --verbose}.
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler, CommandLine.IExitCodeExceptionMapper {
    static final int OK = 0;
    static final int DATA = 1;
    static final int USAGE = 2;

    /**
     * The exit code of each failure type: the library names what failed, only this says what it means to a
     * script. Files the user named that cannot be read or written are usage errors; anything unexpected is 1.
     */
    @Override
    public int getExitCode(Throwable exception) {
        return switch (exception) {
            case InvalidRequestException request -> USAGE;
            case InvalidDataException data -> DATA;
            case UncheckedIOException io when io.getCause() instanceof java.nio.file.FileSystemException -> USAGE;
            case java.nio.file.FileSystemException fs -> USAGE;
            case CommandLine.ParameterException parameter -> USAGE;
            default -> DATA;
        };
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = parseResult != null && isVerbose(parseResult);
        int code = getExitCode(exception);
        String message;
        if (outOfMemory(exception)) {
            err.println(outOfMemoryLine());
            err.flush();
            return DATA;
        }
        if (exception instanceof MarketLakeException known) {
            message = known.getMessage() + OptionHints.of(known.parameters(), commandLine);
        } else if (exception instanceof UncheckedIOException io && io.getCause() instanceof java.nio.file.FileSystemException fs) {
            // A path the user gave that cannot be written or read (no such folder, no permission): a usage error.
            message = (io.getMessage() == null ? "" : io.getMessage() + ": ") + describe(fs);
        } else if (exception instanceof java.nio.file.FileSystemException fs) {
            message = describe(fs);
        } else if (exception instanceof UncheckedIOException io) {
            message = io.getCause() == null ? io.getMessage() : io.getCause().toString();
        } else {
            message = "unexpected " + exception.getClass().getSimpleName() + ": " + exception.getMessage()
                    + (verbose ? "" : " (run with --verbose for the stack trace)");
        }
        err.println("marketlake: " + oneLine(message));
        if (verbose) {
            exception.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** True when the failure, or what it wraps (a worker thread's failure), is the heap running out. */
    static boolean outOfMemory(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /**
     * Never a stack trace for this: say what ran out and what to do. Nothing was published half-way (every write is
     * staged and renamed only when whole), so the lake is as it was before the command.
     */
    static String outOfMemoryLine() {
        return "marketlake: out of memory (Java heap, " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB): the lake is unchanged; give the JVM more with JAVA_OPTS=-Xmx4g, or narrow the input or range";
    }

    private static String describe(java.nio.file.FileSystemException fs) {
        String reason = switch (fs) {
            case java.nio.file.NoSuchFileException e -> "no such file or folder";
            case java.nio.file.AccessDeniedException e -> "permission denied";
            default -> fs.getReason() == null ? fs.getClass().getSimpleName() : fs.getReason();
        };
        return reason + " [file=" + fs.getFile() + "]";
    }

    static int usageError(CommandLine.ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("marketlake: " + oneLine(exception.getMessage()) + " (see '" + commandLine.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return USAGE;
    }

    private static boolean isVerbose(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(String message) {
        return message == null ? "failed" : message.replace('\n', ' ').replace('\r', ' ').strip();
    }
}
