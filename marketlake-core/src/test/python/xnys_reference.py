"""Writes the XNYS reference sessions that XnysReferenceTest compares TradingCalendars.of("XNYS") with.

Run once, by hand, when the reference should move to a newer exchange_calendars:

    pip install exchange-calendars==4.13.2
    python3 marketlake-core/src/test/python/xnys_reference.py \
        > marketlake-core/src/test/resources/calendar/xnys-exchange-calendars.csv

One line per session from 1990-01-01 to 2035-12-31: the date, then the open and close in UTC as HH:MM on
that same date (an XNYS session never crosses midnight UTC). Lines starting with # are comments.
"""

import sys

import exchange_calendars

START = "1990-01-01"
END = "2035-12-31"


def main() -> None:
    calendar = exchange_calendars.get_calendar("XNYS", start=START, end=END)
    version = getattr(exchange_calendars, "__version__", None) or "unknown"
    out = sys.stdout
    out.write(f"# XNYS sessions from exchange_calendars {version}, {START}..{END}\n")
    out.write("# written by marketlake-core/src/test/python/xnys_reference.py; times are UTC on the session date\n")
    out.write("date,open_utc,close_utc\n")
    for date, row in calendar.schedule.iterrows():
        opened = row["open"].tz_convert("UTC")
        closed = row["close"].tz_convert("UTC")
        day = date.strftime("%Y-%m-%d")
        if opened.strftime("%Y-%m-%d") != day or closed.strftime("%Y-%m-%d") != day:
            raise SystemExit(f"session {day} crosses midnight UTC: {opened} .. {closed}")
        out.write(f"{day},{opened.strftime('%H:%M')},{closed.strftime('%H:%M')}\n")


if __name__ == "__main__":
    main()
