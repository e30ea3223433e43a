package org.marketlake.core.query;

import java.time.LocalTime;
import java.time.ZoneId;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;

/**
 * The New York regular session: 09:30 <= local time < 16:00 in America/New_York. Converting each timestamp
 * through the zone rules keeps daylight-saving days right (the session is 13:30-20:00 UTC in summer and
 * 14:30-21:00 UTC in winter, and the switch happens on a Sunday morning).
 */
final class MarketHours {
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final LocalTime OPEN = LocalTime.of(9, 30);
    public static final LocalTime CLOSE = LocalTime.of(16, 0);

    private MarketHours() {}

    public static boolean isOpen(long micros) {
        LocalTime local = Micros.toInstant(micros).atZone(NEW_YORK).toLocalTime();
        return !local.isBefore(OPEN) && local.isBefore(CLOSE);
    }

    /** The rows of {@code frame} inside regular New York hours. */
    public static Frame filter(Frame frame) {
        long[] ts = frame.timestamps();
        int[] keep = new int[frame.size()];
        int kept = 0;
        for (int i = 0; i < frame.size(); i++) {
            if (isOpen(ts[i])) {
                keep[kept++] = i;
            }
        }
        return kept == frame.size() ? frame : frame.select(java.util.Arrays.copyOf(keep, kept));
    }
}
