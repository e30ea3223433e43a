package org.marketlake.cli.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.CliRun;

/** What the driver says about a URL with a password reaches the terminal without the password, stack trace included. */
class ExportToParquetSecretsTest {
    @TempDir
    Path folder;

    @Test
    void noSuitableDriverIsPrintedWithoutThePassword() {
        CliRun run = CliRun.of("export-to-parquet", "--root", folder.resolve("lake").toString(), "--jdbc", "jdbc:mysql://h/db?password=SEKRET123", "--all");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("SEKRET123").contains("No suitable driver found for jdbc:mysql://h/db?password=***");
    }

    @Test
    void theVerboseStackTraceHidesItToo() {
        CliRun run = CliRun.of("export-to-parquet", "--verbose", "--root", folder.resolve("lake").toString(), "--jdbc",
                "jdbc:mysql://u:hunter22@h/db?password=SEKRET123", "--all");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("SEKRET123").doesNotContain("hunter22").contains("SQLException");
    }
}
