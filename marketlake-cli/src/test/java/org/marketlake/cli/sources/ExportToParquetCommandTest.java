package org.marketlake.cli.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.Main;

/** {@code marketlake export-to-parquet} through the command line, against a real SQLite file. */
class ExportToParquetCommandTest {
    @TempDir
    Path folder;

    private String url;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void source() throws Exception {
        url = "jdbc:sqlite:" + folder.resolve("market.db");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bars_1m (symbol TEXT, timestamp TEXT, open REAL, high REAL, low REAL, close REAL, volume REAL)");
            statement.execute("INSERT INTO bars_1m VALUES ('AAPL', '2024-01-02T14:30:00Z', 185.5, 186, 185, 185.75, 1200)");
            statement.execute("INSERT INTO bars_1m VALUES ('AAPL', '2024-01-02T14:31:00Z', 185.5, 186, -185, 185.75, 1200)");
        }
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void exportsAndPrintsTheSummary() {
        int code = run("export-to-parquet", "--root", folder.resolve("lake").toString(), "--jdbc", url, "--all");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("""
                kind     symbol  period   status    read  written  rejected  added  replaced  unchanged
                bars_1m  AAPL    2024-01  exported     2        1         1      1         0          0
                total: read 2, written 1, rejected 1
                rejected by reason: bad_price=1
                  bad_price: [table=bars_1m, symbol=AAPL, timestamp=2024-01-02T14:31:00Z, column=low, value=-185.0]
                """);
        assertThat(folder.resolve("lake/bars/1m/AAPL.2024-01.parquet")).exists();

        out.getBuffer().setLength(0);
        assertThat(run("export-to-parquet", "--root", folder.resolve("lake").toString(), "--jdbc", url, "--symbol", "AAPL", "--year", "2024")).isZero();
        assertThat(out.toString()).contains("bars_1m  AAPL    2024-01  done earlier");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("export-to-parquet", "--jdbc", url)).isEqualTo(2);
        assertThat(err.toString()).contains("give either --all or --symbol SYM");

        assertThat(run("export-to-parquet", "--jdbc", url, "--all", "--year", "2024")).isEqualTo(2);
        assertThat(run("export-to-parquet", "--jdbc", url, "--symbol", "../etc")).isEqualTo(2);
        assertThat(run("export-to-parquet", "--jdbc", "jdbc:nosuchdb://x", "--all")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot connect [url=jdbc:nosuchdb://x]");
    }

    @Test
    void aBadMappingIsAUsageErrorNamingTheFile() throws Exception {
        Path mapping = folder.resolve("mapping.yaml");
        Files.writeString(mapping, "tables:\n  bars_2m: {table: x}\n");

        assertThat(run("export-to-parquet", "--root", folder.resolve("lake").toString(), "--jdbc", url, "--all", "--mapping", mapping.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad mapping [file=" + mapping + "]: unknown kind under tables [value=bars_2m]");
    }

    @Test
    void aPasswordInTheUrlIsNeverPrinted() {
        int code = run("export-to-parquet", "--jdbc", "jdbc:postgresql://127.0.0.1:1/market?user=u&password=secret123", "--all");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("secret123").contains("password=***");
    }

    @Test
    void theWrittenFileNamesTheDatabaseItCameFromWithoutItsPassword() {
        Path root = folder.resolve("lake");
        String withPassword = url + "?password=secret123";
        assertThat(run("export-to-parquet", "--root", root.toString(), "--jdbc", withPassword, "--all")).as(err.toString()).isZero();

        org.marketlake.core.store.Lake lake = org.marketlake.core.store.Lake.openExisting(root);
        java.util.List<org.marketlake.core.model.FileOrigin> origins = lake.provenance(root.resolve("bars/1m/AAPL.2024-01.parquet"));
        assertThat(origins).singleElement().satisfies(origin -> {
            assertThat(origin.command()).startsWith("marketlake export-to-parquet --root ").contains("--jdbc " + url + "?password=***")
                    .doesNotContain("secret123");
            assertThat(origin.action()).isEqualTo("added");
            assertThat(origin.rows()).isEqualTo(1);
        });
    }
}
