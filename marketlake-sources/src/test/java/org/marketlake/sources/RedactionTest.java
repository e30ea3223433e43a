package org.marketlake.sources;

import org.marketlake.sources.secret.Redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlake.core.error.InvalidDataException;
import org.marketlake.core.error.InvalidRequestException;

/** Secrets in messages, ours and any library's, become {@code ***}. */
class RedactionTest {
    @Test
    void secretNamedParametersAndUserInfoAreHidden() {
        assertThat(Redaction.text("No suitable driver found for jdbc:mysql://h/db?password=SEKRET123"))
                .isEqualTo("No suitable driver found for jdbc:mysql://h/db?password=***");
        assertThat(Redaction.text("jdbc:sqlserver://h;user=u;pwd=P4ss;databaseName=m")).isEqualTo("jdbc:sqlserver://h;user=u;pwd=***;databaseName=m");
        assertThat(Redaction.text("https://h/x?secret=s1&token=t2&apikey=a3&api_key=a4&key=k5&client_secret=c6&Password = p7 (more)"))
                .isEqualTo("https://h/x?secret=***&token=***&apikey=***&api_key=***&key=***&client_secret=***&Password = *** (more)");
        assertThat(Redaction.text("[url=jdbc:postgresql://bob:hunter2@db:5432/m]")).isEqualTo("[url=jdbc:postgresql://bob:***@db:5432/m]");
        assertThat(Redaction.text("cannot connect [url=jdbc:x://h/db?password=abc]: refused")).isEqualTo("cannot connect [url=jdbc:x://h/db?password=***]: refused");
        assertThat(Redaction.text("GET /v2/stocks/AAPL/trades?limit=10000&page_token=NDAw failed")).endsWith("page_token=NDAw failed");
        assertThat(Redaction.text("table quotes has no column bid_price")).isEqualTo("table quotes has no column bid_price");
        assertThat(Redaction.text(null)).isNull();
    }

    @Test
    void literalSecretsAreHiddenWhereverTheyStand() {
        Redaction redaction = Redaction.of(List.of("pa ss]word"), "jdbc:mysql://h/db?user=u&password=S3K%20R%21x;other=1", "jdbc:x://bob:hunter22@h/db");

        assertThat(redaction.redact("login failed for pa ss]word; hunter22 refused; S3K R!x; S3K%20R%21x"))
                .isEqualTo("login failed for ***; *** refused; ***; ***");
        // A short flag value is hidden only in its parameter, not everywhere.
        assertThat(Redaction.of(List.of(), "jdbc:x://h/db?token=1").redact("row 1 of 10, token=1")).isEqualTo("row 1 of 10, token=***");
    }

    @Test
    void aFailureIsCopiedWithEveryMessageRedactedKeepingItsFamily() {
        SQLException driver = new SQLException("No suitable driver found for jdbc:mysql://h/db?password=SEKRET123", "08001", 7);
        driver.addSuppressed(new IllegalStateException("closing jdbc:mysql://h/db?password=SEKRET123"));
        InvalidRequestException ours = new InvalidRequestException("cannot connect: " + driver.getMessage(), driver);
        ours.addSuppressed(new RuntimeException("wrapped", new java.io.IOException("sent SEKRET123")));

        RuntimeException redacted = Redaction.of(List.of("SEKRET123")).redact(ours);

        assertThat(redacted).isInstanceOf(InvalidRequestException.class).hasMessage("cannot connect: No suitable driver found for jdbc:mysql://h/db?password=***");
        assertThat(redacted.getCause()).isInstanceOf(SQLException.class);
        assertThat(((SQLException) redacted.getCause()).getSQLState()).isEqualTo("08001");
        assertThat(redacted.getStackTrace()).isEqualTo(ours.getStackTrace());
        StringWriter trace = new StringWriter();
        redacted.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("SEKRET123").contains("closing jdbc:mysql://h/db?password=***").contains("sent ***");

        InvalidDataException clean = new InvalidDataException("bad row", new SQLException("syntax error"));
        assertThat(Redaction.of(List.of("SEKRET123")).redact(clean)).isSameAs(clean);
    }
}
