package org.marketlake.core.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.marketlake.core.error.InvalidRequestException;

/**
 * The built-in calendars, computed from rules (nothing is downloaded): {@code XNYS} (NYSE, and Nasdaq-listed
 * stocks, 1990-2035), {@code 24/7} (crypto) and {@code FX} (Sunday 17:00 to Friday 17:00 New York), both
 * 1970-2099. Each is built on first use and then shared; all are immutable.
 */
public final class TradingCalendars {
    public static final String XNYS = "XNYS";
    public static final String ALWAYS_OPEN = "24/7";
    public static final String FX = "FX";

    private static final LocalDate WIDE_FIRST = LocalDate.of(1970, 1, 1);
    private static final LocalDate WIDE_LAST = LocalDate.of(2099, 12, 31);

    private TradingCalendars() {}

    /** The names {@link #of(String)} knows. */
    public static List<String> names() {
        return List.of(XNYS, ALWAYS_OPEN, FX);
    }

    /** The calendar called {@code name} (case does not matter); an unknown name is refused with the known ones. */
    public static TradingCalendar of(String name) {
        String upper = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        return switch (upper) {
            case XNYS -> Xnys.CALENDAR;
            case ALWAYS_OPEN -> AlwaysOpen.CALENDAR;
            case FX -> Fx.CALENDAR;
            default -> throw new InvalidRequestException("unknown calendar [value=" + name + "]: use one of " + String.join(", ", names()))
                    .about("calendar");
        };
    }

    // Holder classes: a calendar's table is computed when it is first asked for, once.
    private static final class Xnys {
        static final TradingCalendar CALENDAR = new SessionTable(XNYS, XnysRules.NEW_YORK, XnysRules.FIRST, XnysRules.LAST, new XnysRules());
    }

    private static final class AlwaysOpen {
        static final TradingCalendar CALENDAR = new SessionTable(ALWAYS_OPEN, ZoneOffset.UTC, WIDE_FIRST, WIDE_LAST, new AlwaysOpenRules());
    }

    private static final class Fx {
        static final TradingCalendar CALENDAR = new SessionTable(FX, ZoneId.of("America/New_York"), WIDE_FIRST, WIDE_LAST, new FxRules());
    }
}
