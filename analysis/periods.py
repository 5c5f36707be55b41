"""The periods date expressions name, and the point a chart puts each one at (docs/gold.md).

A `Period` is what a date row holds besides its span: `date` (the point), `start` and `end` (inclusive,
Gregorian) and `precision` (day, week, month, quarter, half, season, year), with the part-of-period
`qualifier` (early, mid, late) that narrowed it. The conventions:

- a day is itself; a week runs Monday–Sunday and its point is its Monday; a month's point is its 1st,
  a year's 1 January;
- a part-of-period word narrows a month to days 1–10, 11–20 or 21–end (points the 1st, 15th, 25th) and a
  year to January–April, May–August or September–December (points 1 January, 1 July, 1 December), in
  the calendar of the month or year (a Hijri month's thirds are its own days 1–10, 11–20, 21–29/30);
- a quarter, half or season has the 1st of its middle month as its point (Q1 → 1 February, H1 → 1 April,
  H2 → 1 October, summer → 1 July); seasons: winter December (of the year before)–February, spring
  March–May, summer June–August, autumn September–November;
- a range or a span from the publication date has its start as its point.
"""
from __future__ import annotations

import calendar as _stdlib
import datetime as dt
from functools import lru_cache
from typing import NamedTuple

from .calendars import GREGORIAN, Calendar

THIRDS = {"early": 0, "mid": 1, "late": 2}
SEASONS = {"winter": 12, "spring": 3, "summer": 6, "autumn": 9}  # the first month of each


class Period(NamedTuple):
    date: dt.date | None  # the point a chart uses
    start: dt.date | None
    end: dt.date | None
    precision: str
    qualifier: str | None = None


def unresolved(precision: str, qualifier: str | None = None) -> Period:
    """A period whose value needs the publication date, when there is none."""
    return Period(None, None, None, precision, qualifier)


def day(date: dt.date | None, precision: str = "day") -> Period | None:
    return None if date is None else Period(date, date, date, precision)


def week(monday: dt.date, qualifier: str | None = None) -> Period:
    return Period(monday, monday, monday + dt.timedelta(days=6), "week", qualifier)


@lru_cache(maxsize=8192)
def month(year: int, number: int, part: str | None = None, cal: Calendar = GREGORIAN) -> Period | None:
    """A month of `cal`, or one third of it (remembered: a text names the same few months again and again,
    and a bare one is looked up in three years)."""
    length = cal.month_length(year, number) if 1 <= number <= 12 else None
    if length is None:
        return None
    if part is None:
        first, last, point = 1, length, 1
    else:
        k = THIRDS[part]
        first, last, point = 1 + 10 * k, (10 * (k + 1) if k < 2 else length), (1, 15, 25)[k]
    start, end, at = (cal.gregorian(year, number, d) for d in (first, last, point))
    return None if None in (start, end, at) else Period(at, start, end, "month", part)


@lru_cache(maxsize=4096)
def year(number: int, part: str | None = None, cal: Calendar = GREGORIAN) -> Period | None:
    """A year of `cal`, or one third of it (remembered, like `month`)."""
    if not cal.years[0] <= number <= cal.years[1]:
        return None
    first, last, point = (1, 12, 1) if part is None else {0: (1, 4, 1), 1: (5, 8, 7), 2: (9, 12, 12)}[THIRDS[part]]
    start, at = cal.gregorian(number, first, 1), cal.gregorian(number, point, 1)
    length = cal.month_length(number, last)
    end = cal.gregorian(number, last, length) if length else None
    return None if None in (start, end, at) else Period(at, start, end, "year", part)


def months(first_year: int, first: int, count: int, precision: str) -> Period | None:
    """`count` Gregorian months from (first_year, first), pointed at the 1st of the middle month."""
    if not GREGORIAN.years[0] <= first_year <= GREGORIAN.years[1]:
        return None
    index = first_year * 12 + first - 1
    last, middle = index + count - 1, index + count // 2
    end_year, end_month = divmod(last, 12)
    return Period(dt.date(middle // 12, middle % 12 + 1, 1),
                  dt.date(first_year, first, 1),
                  dt.date(end_year, end_month + 1, _stdlib.monthrange(end_year, end_month + 1)[1]), precision)


def quarter(number: int, q: int) -> Period | None:
    return months(number, 3 * q - 2, 3, "quarter") if 1 <= q <= 4 else None


def half(number: int, h: int) -> Period | None:
    return months(number, 6 * h - 5, 6, "half") if 1 <= h <= 2 else None


def third(number: int, t: int) -> Period | None:
    """A third of a Gregorian year named as such (الثلث الأول): the same as مطلع/منتصف/نهاية العام."""
    return year(number, ("early", "mid", "late")[t - 1]) if 1 <= t <= 3 else None


def season(number: int, name: str) -> Period | None:
    """The season of year `number` (winter: December of the year before to February)."""
    first = SEASONS[name]
    return months(number - 1 if name == "winter" else number, first, 3, "season")


def span(start: dt.date, end: dt.date, precision: str, qualifier: str | None = None) -> Period:
    """A range or a span from the publication date: pointed at its start."""
    return Period(start, start, end, precision, qualifier)


def shift(date: dt.date, count: int, unit: str) -> dt.date | None:
    """`date` moved by `count` units (day, week, month, year, decade; hours by whole days only);
    a month or year later keeps the day where it exists, else the month's last day."""
    try:
        if unit == "hour":  # الساعات الـ24 الماضية: a day back; قبل ساعتين: the same day
            return date + dt.timedelta(days=int(count / 24))
        if unit in ("day", "week"):
            return date + dt.timedelta(days=count * (7 if unit == "week" else 1))
        months_ = count * {"month": 1, "year": 12, "decade": 120}[unit]
        y, m = divmod(date.year * 12 + date.month - 1 + months_, 12)
        return dt.date(y, m + 1, min(date.day, _stdlib.monthrange(y, m + 1)[1]))
    except (ValueError, OverflowError):
        return None


def containing(periods, anchor: dt.date, future: bool):
    """Of candidate periods (in time order), the one a bare name means seen from `anchor`: in a report,
    the latest that has begun by the anchor; in a future clause, the first that has not ended by it."""
    periods = [p for p in periods if p is not None]
    if future:
        return next((p for p in periods if p.end >= anchor), None)
    return next((p for p in reversed(periods) if p.start <= anchor), None)
