package org.marketlake.sources.jdbc;

import java.util.regex.Pattern;

/** What the export needs to know of a JDBC URL (shown, it goes through {@link org.marketlake.sources.secret.Redaction}). */
final class JdbcUrls {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]+:)[^@/]*@");

    private JdbcUrls() {}

    static boolean isSqlite(String url) {
        return url.startsWith("jdbc:sqlite:");
    }

    static boolean hasPassword(String url) {
        return PASSWORD_PARAMETER.matcher(url).find() || USER_INFO.matcher(url).find();
    }
}
