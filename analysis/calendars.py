"""Calendars on one interface: a calendar turns its own (year, month, day) into a Gregorian date and back.

Date rules are written once for every calendar (`date_rules`): a month name says which calendar it
belongs to (`data/months.csv`, family `hijri` for the Hijri months, every other family Gregorian), and the
calendar gives the Gregorian day, the month's length and the publication date in its own reckoning.
`analysis.hijri` is the Hijri (Umm al-Qura) calendar; this module the Gregorian one and the lookup.
"""
from __future__ import annotations

import calendar as _stdlib
import datetime as dt
from typing import Protocol


class Calendar(Protocol):
    name: str  # the `calendar` column of a date row
    years: tuple[int, int]  # the years a text may mean, inclusive

    def gregorian(self, year: int, month: int, day: int) -> dt.date | None:
        """The Gregorian date of that day, None when the day does not exist (or is out of range)."""

    def month_length(self, year: int, month: int) -> int | None:
        """Days in that month, None out of range."""

    def ymd(self, date: dt.date) -> tuple[int, int, int] | None:
        """`date` as (year, month, day) of this calendar, None out of range."""


class Gregorian:
    name = "gregorian"
    years = (1900, 2099)

    def gregorian(self, year: int, month: int, day: int) -> dt.date | None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None

    def month_length(self, year: int, month: int) -> int | None:
        return _stdlib.monthrange(year, month)[1] if 1 <= month <= 12 and 1 <= year <= 9999 else None

    def ymd(self, date: dt.date) -> tuple[int, int, int]:
        return date.year, date.month, date.day


GREGORIAN = Gregorian()


def by_name(name: str) -> Calendar:
    """The calendar of a month-name family of data/months.csv, or of a `calendar` value."""
    if name == "hijri":
        from .hijri import HIJRI
        return HIJRI
    return GREGORIAN
