package org.marketlake.sources.jdbc;

import java.util.Arrays;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.sources.secret.Redaction;

/**
 * One export: the JDBC URL (with or without the password; never printed), the user, a password from the
 * environment ({@code PGPASSWORD}), how the source is laid out, and what to export.
 *
 * @param fetchSize rows fetched per round trip: the bound on memory per open result set
 * @param restart forget earlier completed work and export every period again ({@code --force})
 */
public record ExportRequest(String url, String user, String password, SourceMapping mapping, ExportSelection selection,
        int fetchSize, boolean restart) {
    public static final int DEFAULT_FETCH_SIZE = 10_000;

    public ExportRequest {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new InvalidRequestException("the source needs a JDBC URL such as jdbc:sqlite:/path/db.sqlite or jdbc:postgresql://host/db [value="
                    + Redaction.of(Arrays.asList(password), url).redact(url) + "]").about("jdbc");
        }
        if (mapping == null || selection == null) {
            throw new IllegalArgumentException("an export needs a mapping and a selection");
        }
        if (fetchSize < 1) {
            throw new InvalidRequestException("fetch size must be at least 1 [value=" + fetchSize + "]");
        }
    }

    public static ExportRequest of(String url, SourceMapping mapping, ExportSelection selection) {
        return new ExportRequest(url, null, null, mapping, selection, DEFAULT_FETCH_SIZE, false);
    }

    public ExportRequest withUser(String newUser, String newPassword) {
        return new ExportRequest(url, newUser, newPassword, mapping, selection, fetchSize, restart);
    }

    public ExportRequest withFetchSize(int rows) {
        return new ExportRequest(url, user, password, mapping, selection, rows, restart);
    }

    public ExportRequest restarting() {
        return new ExportRequest(url, user, password, mapping, selection, fetchSize, true);
    }

    @Override
    public String toString() {
        return "ExportRequest[url=" + redaction().redact(url) + ", user=" + user + ", selection=" + selection + "]";
    }

    /** Hides this request's secrets (the password, the URL's passwords) and every secret-looking parameter. */
    Redaction redaction() {
        return Redaction.of(Arrays.asList(password), url);
    }
}
