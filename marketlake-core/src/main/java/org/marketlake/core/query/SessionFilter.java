package org.marketlake.core.query;


import org.marketlake.core.calendar.TradingCalendar;
import org.marketlake.core.model.DataKind;
import org.marketlake.core.model.Frame;
import org.marketlake.core.model.Micros;

/**
 * {@code --market-hours}: the rows of a frame that fall in its calendar's sessions. A bar is kept when its
 * interval {@code [start, start + timeframe)} overlaps a session (the 09:00 1h bar holds 09:30-10:00); a daily
 * bar, stamped 00:00 UTC of its trading date, when that date is a session; a quote when its instant is in one.
 * Holidays keep nothing, early closes end at their close, daylight-saving days follow the zone's rules.
 */
final class SessionFilter {
    private SessionFilter() {}

    static Frame filter(Frame frame, TradingCalendar calendar) {
        long[] ts = frame.timestamps();
        int[] keep = new int[frame.size()];
        int kept = 0;
        for (int i = 0; i < frame.size(); i++) {
            if (inSession(frame.kind(), ts[i], calendar)) {
                keep[kept++] = i;
            }
        }
        return kept == frame.size() ? frame : frame.select(java.util.Arrays.copyOf(keep, kept));
    }

    private static boolean inSession(DataKind kind, long micros, TradingCalendar calendar) {
        if (kind instanceof DataKind.Bars bars) {
            if (bars.timeframe().isDaily()) {
                return calendar.session(Micros.utcDate(micros)).isPresent();
            }
            return calendar.overlapsSession(micros, micros + bars.timeframe().micros());
        }
        return calendar.isOpen(micros);
    }
}
