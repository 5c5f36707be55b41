"""Clauses inside a sentence, and the date a clause gives to a fact in it.

A clause ends at a comma, semicolon or full stop (not a decimal point) or before a connective that opens
another clause (بينما، فيما، في حين، بعد أن، ثم …; `data/clause_words.csv`). A fact is dated by the
resolved date nearest to it in its own clause: a date elsewhere in the sentence may date something else
(the statement, not the talks). Positions are in the folded text (`text.normalize_spans`).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from . import lexicons
from .text import normalize


@lru_cache(maxsize=1)
def _cut() -> re.Pattern[str]:
    words = sorted((normalize(w) for w in lexicons.table("clause_words")["word"]), key=len, reverse=True)
    return re.compile(r"[،,؛;]|\.(?!\d)|\s(?:" + "|".join(re.escape(w) for w in words) + r")\s")


def clause_around(folded: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """Folded (start, end) of the clause holding position `pos`, within folded[lo:hi]."""
    cut = _cut()
    start = lo
    for m in cut.finditer(folded, lo, pos):
        start = m.end()
    after = cut.search(folded, pos, hi)
    return start, after.start() if after else hi


def clause_end(folded: str, pos: int, hi: int) -> int:
    """Where the clause running at `pos` ends, at the latest `hi`."""
    m = _cut().search(folded, pos, hi)
    return m.start() if m else hi


def nearest_date(pos: int, lo: int, hi: int, by_start: list[dict], starts: list[int]) -> dict | None:
    """The resolved date row starting in original offsets [lo, hi) nearest to `pos` (rows sorted by start,
    `starts` their start offsets)."""
    i, j = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
    inside = [d for d in by_start[i:j] if d["date"] is not None]
    return min(inside, key=lambda d: abs(d["start"] - pos)) if inside else None
