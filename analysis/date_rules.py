"""The date forms, one record each: its pattern, the trigger words it needs, its resolver and its core group.

A `DateRule` is everything about one form of date expression in one place:

- `pattern`: a regex over the folded text (`text.normalize_spans`), built from `date_vocabulary`;
- `needs`: the kinds of trigger (a run of digits, a month name, a weekday, a relative day word, a period
  noun) the pattern cannot match without; it runs only in windows around them (see `dates.scan`);
- `resolve(match, anchor, folded)`: the value, against the publication date `anchor` (None: unresolved),
  or None when the match is no date after all (العام alone is the adjective "general");
- `core`: the groups that may begin the expression itself, without a leading preposition or proclitic
  (none: the whole match).

`rules()` gives them in the order they are tried; a new date form is one more record there.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Callable, NamedTuple

from .date_vocabulary import vocabulary
from .text import trie_pattern

Resolved = tuple[dt.date | None, str, bool, str | None]  # (date, precision, relative, qualifier)


class DateRule(NamedTuple):
    name: str
    pattern: re.Pattern[str]
    needs: tuple[str, ...]
    resolve: Callable[[re.Match[str], dt.date | None, str], Resolved | None]
    core: tuple[str, ...] = ()

    def start(self, m: re.Match[str]) -> int:
        """Where the expression starts in the folded text: at the first of the `core` groups that took part
        in the match (a preposition before it is not part of it), else where the match starts."""
        return next((m.start(g) for g in self.core if m.start(g) >= 0), m.start())


B, E = r"(?<![\w])", r"(?![\w])"
YEAR = r"(?:19|20)\d{2}"


@lru_cache(maxsize=1)
def rules() -> tuple[DateRule, ...]:
    w = vocabulary()
    month = trie_pattern(w.months)
    mx = rf"(?P<m1>{month}){E}(?:\s*[/\\(-]\s*(?P<m2>{month}){E}\)?|\s*\(\s*(?P<m3>{month})\s*\)|\s+(?P<m4>{month}){E})?"
    rel = rf"(?P<rel>{trie_pattern(w.modifiers)}){E}"
    qual = rf"(?P<q>{trie_pattern(w.qualifiers)}){E}"
    wd = rf"(?P<wd>{trie_pattern(w.weekdays)}){E}"
    this = rf"(?P<this>{trie_pattern(w.this)})"
    month_noun = trie_pattern(w.month_nouns)
    units = {precision: trie_pattern([u for u, p in w.units.items() if p == precision]) for precision in ("year", "month", "week")}
    year_tail = rf"(?:\s*[-/,،]?\s*(?:(?:من\s+)?(?:عام|العام|سنه)\s+)?(?P<y>{YEAR})(?:\s*م{E})?(?!\d))?"
    records = [
        ("numeric_ymd", rf"(?<![\d.,/-])(?P<y>{YEAR})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?![\d])",
         ("digit",), _numeric, ()),
        ("numeric_dmy", rf"(?<![\d.,/-])(?P<d>\d{{1,2}})[-/.](?P<m>\d{{1,2}})[-/.](?P<y>{YEAR})(?![\d])",
         ("digit",), _numeric, ()),
        ("day_month", rf"{B}(?:{wd}\s*[،,(]?\s*)?(?<!\d)(?P<d>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?\s*[-/]?\s*(?:من\s+)?"
                      rf"(?:{month_noun}\s+)?{mx}{year_tail}(?:\s+{rel})?", ("digit",), _day_month, ()),
        ("month_day_year", rf"{B}(?P<m1>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*[,،]?\s*(?P<y>{YEAR})(?!\d)",
         ("month",), _day_month, ()),
        ("month", rf"{B}(?:{qual}\s+)?(?:{month_noun}\s+)?{mx}{year_tail}(?:\s+{rel})?", ("month",), _month, ()),
        ("year", rf"{B}(?:(?P<core>{qual}\s+(?:(?:عام|العام|سنه)\s+)?(?P<y1>{YEAR})|(?:لعام|بعام|عام|العام|سنه|السنه)\s+(?P<y2>{YEAR})"
                 rf")|[وف]?(?:{trie_pattern(w.prepositions)})\s+(?P<y3>{YEAR}))(?![\d%])", ("digit",), _year, ("core", "y3")),
        ("relative_year", rf"{B}(?:{qual}\s+|{this}\s+)?(?P<unit>{units['year']}){E}(?:\s+{rel})?", ("unit",),
         _relative_period, ()),
        ("relative_month", rf"{B}(?:{qual}\s+|{this}\s+)?(?P<unit>{units['month']}){E}(?:\s+{rel})?", ("unit",),
         _relative_period, ()),
        ("relative_week", rf"{B}(?:{this}\s+)?(?P<unit>{units['week']}){E}(?:\s+{rel})?", ("unit",), _relative_week, ()),
        ("relative_day", rf"{B}[وف]?(?P<word>{trie_pattern(w.days)}){E}", ("day",), _relative_day, ("word",)),
        ("weekday", rf"{B}(?:(?P<dp>{trie_pattern(w.dayparts)})\s+)?(?:يوم\s+)?{wd}(?:\s+{rel})?", ("weekday",), _weekday, ()),
    ]
    return tuple(DateRule(name, re.compile(p, re.IGNORECASE), needs, resolve, core)
                 for name, p, needs, resolve, core in records)


# ------------------------------------------------------------------ resolvers
def _month_of(m: re.Match[str]) -> int | None:
    w = vocabulary()
    names = [m.group(g) for g in ("m1", "m2", "m3", "m4") if g in m.re.groupindex and m.group(g)]
    months = [w.months[re.sub(r"\s+", " ", n).lower()] for n in names]
    return months[0] if months else None


def _has_context(m: re.Match[str], folded: str) -> bool:
    """An ambiguous month name (مارس, آب, نيسان, May) counts only with a day, year, pair or qualifier
    beside it, or after a preposition such as في or منذ (or the noun شهر)."""
    w = vocabulary()
    name = re.sub(r"\s+", " ", m.group("m1")).lower()
    if name not in w.needs_context:
        return True
    g = m.groupdict()
    if any(g.get(k) for k in ("d", "y", "m2", "m3", "m4", "q", "rel")):
        return True
    before = folded[max(0, m.start() - 12):m.start()].split()
    context = w.prepositions + w.month_nouns
    return bool(before) and (before[-1] in context or before[-1][1:] in context)


def _anchor_month(month: int, anchor: dt.date, rel: int | None) -> int:
    """The year of `month` seen from `anchor`: last one before (rel -1), next one after (+1), this
    year's (0), or the nearest one (None)."""
    if rel == 0:
        return anchor.year
    if rel == -1:
        return anchor.year if month < anchor.month else anchor.year - 1
    if rel == 1:
        return anchor.year if month > anchor.month else anchor.year + 1
    return min((anchor.year - 1, anchor.year, anchor.year + 1),
               key=lambda y: (abs((y - anchor.year) * 12 + month - anchor.month), y > anchor.year))


def _rel(m: re.Match[str]) -> int | None:
    g = m.groupdict()
    return vocabulary().modifiers[g["rel"]] if g.get("rel") else None


def _qualified(year: int, month: int | None, q: str | None) -> tuple[dt.date, str | None]:
    """First day of the period, narrowed by a qualifier (early / mid / late third)."""
    part = vocabulary().qualifiers.get(q) if q else None
    third = {"early": 0, "mid": 1, "late": 2}.get(part, 0)
    if month is None:
        return dt.date(year, 1 + 4 * third, 1), part
    return dt.date(year, month, 1 + 10 * third), part


def _safe_date(y: int, mo: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _numeric(m, anchor, folded) -> Resolved | None:
    d = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return None if d is None else (d, "day", False, None)


def _day_month(m, anchor, folded) -> Resolved | None:
    month, day = _month_of(m), int(m.group("d"))
    if month is None or not 1 <= day <= 31:
        return None
    if m.group("y"):
        d = _safe_date(int(m.group("y")), month, day)
        return None if d is None else (d, "day", False, None)
    if anchor is None:
        return (None, "day", True, None) if _safe_date(2000, month, day) else None
    d = _safe_date(_anchor_month(month, anchor, _rel(m)), month, day)
    return None if d is None else (d, "day", True, None)


def _month(m, anchor, folded) -> Resolved | None:
    month = _month_of(m)
    if month is None or not _has_context(m, folded):
        return None
    if m.group("y"):
        d, part = _qualified(int(m.group("y")), month, m.group("q"))
        return d, "month", False, part
    if anchor is None:
        return None, "month", True, vocabulary().qualifiers.get(m.group("q") or "")
    d, part = _qualified(_anchor_month(month, anchor, _rel(m)), month, m.group("q"))
    return d, "month", True, part


def _year(m, anchor, folded) -> Resolved | None:
    year = next(int(m.group(g)) for g in ("y1", "y2", "y3") if m.group(g))
    d, part = _qualified(year, None, m.group("q"))
    return d, "year", False, part


def _relative_period(m, anchor, folded) -> Resolved | None:
    g = m.groupdict()
    if not (g.get("q") or g.get("rel") or g.get("this")):
        return None  # العام alone is the adjective "general" (القائد العام), الشهر alone is no date
    offset = _rel(m) or 0
    part = vocabulary().qualifiers.get(g["q"]) if g.get("q") else None
    precision = vocabulary().units[g["unit"]]
    if anchor is None:
        return None, precision, True, part
    if precision == "month":
        index = anchor.year * 12 + anchor.month - 1 + offset
        d, part = _qualified(index // 12, index % 12 + 1, g.get("q"))
        return d, "month", True, part
    d, part = _qualified(anchor.year + offset, None, g.get("q"))
    return d, "year", True, part


def _relative_week(m, anchor, folded) -> Resolved | None:
    """هذا الأسبوع، الأسبوع الماضي، الأسبوع المقبل: precision "week", dated by its Monday."""
    g = m.groupdict()
    if not (g.get("rel") or g.get("this")):
        return None
    if anchor is None:
        return None, "week", True, None
    monday = anchor - dt.timedelta(days=anchor.weekday())
    return monday + dt.timedelta(weeks=_rel(m) or 0), "week", True, None


def _relative_day(m, anchor, folded) -> Resolved | None:
    offset = vocabulary().days[re.sub(r"\s+", " ", m.group("word"))]
    if anchor is None:
        return None, "day", True, None
    return anchor + dt.timedelta(days=offset), "day", True, None


def _weekday(m, anchor, folded) -> Resolved | None:
    if folded[max(0, m.start() - 5):m.start()].strip().endswith("صلاه"):
        return None  # صلاة الجمعة: the Friday prayer, not a date
    if anchor is None:
        return None, "day", True, None
    target, rel = vocabulary().weekdays[m.group("wd")], _rel(m)
    back = (anchor.weekday() - target) % 7
    if rel == 1:
        return anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7), "day", True, None
    if rel == -1 and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back), "day", True, None
