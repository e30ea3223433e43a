package org.marketlake.sources.jdbc;

import java.util.regex.Pattern;

/** JDBC URLs as they may be shown: a password in them is replaced by {@code ***}. */
final class JdbcUrls {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]+:)[^@/]*@");

    private JdbcUrls() {}

    static String redact(String url) {
        if (url == null) {
            return null;
        }
        String hidden = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(hidden).replaceAll("$1***@");
    }

    static boolean isSqlite(String url) {
        return url.startsWith("jdbc:sqlite:");
    }

    static boolean hasPassword(String url) {
        return PASSWORD_PARAMETER.matcher(url).find() || USER_INFO.matcher(url).find();
    }
}
