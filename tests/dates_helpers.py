"""Shared helper of the tests/test_dates_*.py files: the one date expression a sentence holds."""
from __future__ import annotations

import datetime as dt

from analysis.dates import find_dates

PUB = dt.date(2021, 4, 7)  # a Wednesday; 25 Sha'ban 1442


def one(text: str, published: dt.date | None = PUB):
    """(span, point, period start, period end, precision) of the only date expression in `text`."""
    found = find_dates(text, published)
    assert len(found) == 1, [(text[d.start:d.end], d.rule) for d in found]
    d = found[0]
    return text[d.start:d.end], d.date, d.period_start, d.period_end, d.precision


def only(text: str, published: dt.date | None = PUB):
    found = find_dates(text, published)
    assert len(found) == 1, [(text[d.start:d.end], d.rule) for d in found]
    return found[0]


def D(y: int, m: int, d: int) -> dt.date:
    return dt.date(y, m, d)
