package org.marketlake.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.cli.CliRun;

/** {@code marketlake serve}'s refusals; serving itself is marketlake-web's WebApiTest and BrowserTest. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void anAddressBeyondThisMachineNeedsAToken() {
        CliRun demo = CliRun.of("demo", "--root", dir.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("Web view: ./marketlake serve --root " + dir + ", then open http://127.0.0.1:8080/");
        CliRun run = CliRun.of("serve", "--root", dir.toString(), "--bind", "0.0.0.0", "--port", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("marketlake: binding to 0.0.0.0 lets other machines read the lake: give an access token, or bind to 127.0.0.1 (--token T)");
    }

    @Test
    void aMissingLakeIsAUsageError() {
        CliRun run = CliRun.of("serve", "--root", dir.resolve("nothing").toString(), "--port", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no lake at");
    }

    @Test
    void aPortInUseIsAUsageError() throws java.io.IOException {
        CliRun.of("demo", "--root", dir.toString());
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("serve", "--root", dir.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()).contains("choose another port (--port PORT)");
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        CliRun.of("demo", "--root", dir.toString());
        CliRun run = CliRun.of("serve", "--root", dir.toString(), "--port", "70000");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("port must be between 0 and 65535").contains("(--port PORT)");
    }
}
