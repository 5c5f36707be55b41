"""The Hijri calendar (Umm al-Qura, as Saudi Arabia publishes it and most Arabic outlets print it), by the
`hijridate` package: its tables cover 1343–1500 AH (1924–2077), outside them a Hijri date stays unresolved.

A Hijri month can begin a day earlier or later in countries that fix it by sighting the moon; a Gregorian
date printed beside the Hijri one («الموافق 25 يوليو 2021م») is taken as the text's own conversion.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from hijridate import Gregorian as _G, Hijri as _H


class Hijri:
    name = "hijri"
    years = (1343, 1500)

    def gregorian(self, year: int, month: int, day: int) -> dt.date | None:
        try:
            g = _H(year, month, day).to_gregorian()
        except (ValueError, OverflowError):
            return None
        return dt.date(g.year, g.month, g.day)

    def month_length(self, year: int, month: int) -> int | None:
        try:
            return _H(year, month, 1).month_length()
        except (ValueError, OverflowError):
            return None

    def ymd(self, date: dt.date) -> tuple[int, int, int] | None:
        return _hijri_ymd(date)


@lru_cache(maxsize=4096)
def _hijri_ymd(date: dt.date) -> tuple[int, int, int] | None:
    """`date` in the Hijri calendar, remembered: it is asked of the same publication dates again and again."""
    try:
        h = _G(date.year, date.month, date.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


HIJRI = Hijri()
