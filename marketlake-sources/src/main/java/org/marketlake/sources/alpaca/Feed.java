package org.marketlake.sources.alpaca;

import org.marketlake.core.error.InvalidRequestException;

/** Alpaca's data feeds: {@code iex} (free plans) or {@code sip} (all US exchanges). */
public enum Feed {
    IEX,
    SIP;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Feed parse(String text) {
        for (Feed feed : values()) {
            if (feed.label().equals(text)) {
                return feed;
            }
        }
        throw new InvalidRequestException("unknown feed [value=" + text + "]: use iex or sip");
    }
}
