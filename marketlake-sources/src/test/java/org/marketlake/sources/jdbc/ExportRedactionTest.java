package org.marketlake.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketlake.core.store.Lake;
import org.marketlake.core.progress.Progress;
import org.marketlake.core.error.InvalidRequestException;

/** What a driver says about the URL reaches the user without the secrets in it. */
class ExportRedactionTest {
    @TempDir
    Path lakeRoot;

    private String failure(ExportRequest request) {
        Throwable thrown = catchThrowable(() -> JdbcExport.run(request, Lake.open(lakeRoot), Progress.NONE));
        assertThat(thrown).isInstanceOf(InvalidRequestException.class);
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return thrown.getMessage() + "\n" + trace;
    }

    @Test
    void noSuitableDriverNamesTheUrlWithoutThePassword() {
        String shown = failure(ExportRequest.of("jdbc:mysql://h/db?password=SEKRET123", SourceMapping.defaults(), new ExportSelection.All()));

        assertThat(shown).doesNotContain("SEKRET123").contains("No suitable driver found for jdbc:mysql://h/db?password=***");
    }

    @Test
    void thePasswordFromTheEnvironmentAndKeysInTheUrlAreHiddenToo() {
        String shown = failure(ExportRequest.of("jdbc:mysql://bob:hunter22@h/db?passphrase=SEKRET123&apikey=K3Y99", SourceMapping.defaults(),
                new ExportSelection.All()).withUser("bob", "SEKRET123"));

        assertThat(shown).doesNotContain("SEKRET123").doesNotContain("hunter22").doesNotContain("K3Y99")
                .contains("No suitable driver found for jdbc:mysql://bob:***@h/db?passphrase=***&apikey=***");
    }
}
