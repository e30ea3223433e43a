package org.marketlake.core.format;

/** Input text as it may be quoted in a message or a rejection example: never a raw control character or undecodable byte. */
public final class Printable {
    private Printable() {}

    /**
     * {@code text} with newline, return and tab as {@code \n}, {@code \r}, {@code \t}, other control characters as
     * {@code \xNN}, and other characters that do not print (U+FFFD, which an invalid UTF-8 byte decodes to, a byte
     * order mark, format and line separator characters, unpaired surrogates) as {@code \\uNNNN}; null stays null.
     */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        boolean changed = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
                continue;
            }
            String escaped = escape(c);
            changed |= escaped != null;
            if (escaped != null) {
                out.append(escaped);
            } else {
                out.append(c);
            }
        }
        return changed ? out.toString() : text;
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
            return String.format("\\x%02X", (int) c);
        }
        int type = Character.getType(c);
        if (c == '\uFFFD' || type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE) {
            return String.format("\\u%04X", (int) c);
        }
        return null;
    }
}
