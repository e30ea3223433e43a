package org.marketlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.marketlake.core.error.CorruptFileException;
import org.marketlake.core.error.DataNotFoundException;
import org.marketlake.core.error.DataQualityException;
import org.marketlake.core.error.ForbiddenStatementException;
import org.marketlake.core.error.IncompleteContextException;
import org.marketlake.core.error.InvalidConfigException;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidFileNameException;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.error.LakeNotFoundException;
import org.marketlake.core.error.SchemaMismatchException;
import picocli.CommandLine;

/** The one mapping from failure type to exit code, and the one line each failure prints. */
class ExitCodesTest {
    private final ExitCodes codes = new ExitCodes();

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new InvalidDataException("bad row"), 1),
                Arguments.of(new CorruptFileException("flipped byte"), 1),
                Arguments.of(new DataNotFoundException("no files"), 1),
                Arguments.of(new DataQualityException("3 issues"), 1),
                Arguments.of(new IncompleteContextException("453 of 512 rows"), 1),
                Arguments.of(new InvalidFileNameException("AAPL.2024-13.parquet"), 1),
                Arguments.of(new SchemaMismatchException("close is a string"), 1),
                Arguments.of(new InvalidRequestException("bad horizon"), 2),
                Arguments.of(new InvalidConfigException("unknown key"), 2),
                Arguments.of(new ForbiddenStatementException("COPY"), 2),
                Arguments.of(new LakeNotFoundException("no lake at x"), 2),
                Arguments.of(new UncheckedIOException("cannot write out.csv", new AccessDeniedException("/out.csv")), 2),
                Arguments.of(new NoSuchFileException("/missing.csv"), 2),
                Arguments.of(new IllegalStateException("a bug"), 1));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("failures")
    void eachFailureTypeHasItsExitCode(Throwable failure, int expected) {
        assertThat(codes.getExitCode(failure)).isEqualTo(expected);
    }

    private static String printed(Exception failure, CommandLine commandLine) {
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        int code = new ExitCodes().handleExecutionException(failure, commandLine, null);
        return code + " " + err.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void aFailurePrintsOneLineAndTheOptionsOfTheFailedCommandThatWouldFixIt() {
        CommandLine backtest = MarketLakeCommand.commandLine().getSubcommands().get("backtest");
        Exception tooMany = (Exception) new InvalidDataException("use 4 windows or a shorter horizon\nsecond line").about("windows", "horizon");
        assertThat(printed(tooMany, backtest)).isEqualTo("1 marketlake: use 4 windows or a shorter horizon second line (--windows N, --horizon H)\n");
        // A parameter the command has no option for is not hinted: ls has no --horizon.
        CommandLine ls = MarketLakeCommand.commandLine().getSubcommands().get("ls");
        assertThat(printed((Exception) new InvalidRequestException("horizon must be between 1 and 100000 [value=0]").about("horizon"), ls))
                .isEqualTo("2 marketlake: horizon must be between 1 and 100000 [value=0]\n");
        // Parameters whose flag is spelled otherwise: time zone is --tz.
        CommandLine query = MarketLakeCommand.commandLine().getSubcommands().get("query");
        assertThat(printed((Exception) new InvalidRequestException("give the time zone it is in").about("time zone"), query))
                .isEqualTo("2 marketlake: give the time zone it is in (--tz ZONE)\n");
    }

    @Test
    void aWrapperKeepsTheParametersOfItsCause() {
        InvalidRequestException cause = (InvalidRequestException) new InvalidRequestException("no offset").about("time zone");
        assertThat(new InvalidRequestException("no offset [file=a.csv, line=2]", cause).parameters()).containsExactly("time zone");
    }

    @Test
    void anUnexpectedFailureSaysSoAndPointsAtVerbose() {
        CommandLine ls = MarketLakeCommand.commandLine().getSubcommands().get("ls");
        assertThat(printed(new IllegalStateException("a bug"), ls))
                .isEqualTo("1 marketlake: unexpected IllegalStateException: a bug (run with --verbose for the stack trace)\n");
        assertThat(printed(new UncheckedIOException("cannot write out.csv", new AccessDeniedException("/x/out.csv")), ls))
                .isEqualTo("2 marketlake: cannot write out.csv: permission denied [file=/x/out.csv]\n");
    }

    @Test
    void runningOutOfMemoryInAWorkerIsOneLineWithTheRemedyNeverAStackTrace() {
        CommandLine ingest = MarketLakeCommand.commandLine().getSubcommands().get("ls");
        Exception wrapped = new java.io.UncheckedIOException("cannot read [file=big.csv]", new java.io.IOException(new OutOfMemoryError("Java heap space")));
        String printed = printed(wrapped, ingest);
        assertThat(printed).startsWith("1 marketlake: out of memory (Java heap, ").contains("the lake is unchanged; give the JVM more with JAVA_OPTS=-Xmx4g");
        assertThat(printed.lines().count()).isEqualTo(1);
    }
}
