"""Date expressions in Arabic news text: absolute, numeric, English and relative, with spans.

Both month-name families (يناير… and كانون الثاني…) and their pairings (يونيو/حزيران, كانون الثاني يناير)
come from `data/months.csv`; weekday names, relative modifiers (الماضي، المقبل، الجاري) and part-of-period
qualifiers (مطلع، منتصف، نهاية) from `data/date_words.csv`. Relative expressions are resolved against the
article's publication date and left unresolved (NaT) when there is none.

`date` is the first day of the period the expression names (a week's is its Monday); a qualifier
narrows the period to a third of a month (days 1, 11, 21) or of a year (January, May, September) and is
reported in `qualifier`.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, NamedTuple

from . import lexicons
from .registry import extractor
from .schema import names, schema
from .text import Normalized, normalize, normalize_spans, trie_pattern

SCHEMA = schema(("article_id", "str"), ("start", "int"), ("end", "int"), ("text", "str"), ("rule", "str"),
                ("date", "date"), ("precision", "str"), ("relative", "bool"), ("qualifier", "str"))
COLUMNS = names(SCHEMA)


class DateMatch(NamedTuple):
    """One date expression: span in the original text and its resolved value (None if unresolved)."""

    start: int
    end: int
    rule: str
    date: dt.date | None
    precision: str  # "day" | "week" | "month" | "year"
    relative: bool
    qualifier: str | None = None


@dataclass(frozen=True)
class _Words:
    months: dict[str, int]
    needs_context: frozenset[str]
    weekdays: dict[str, int]
    modifiers: dict[str, int]
    qualifiers: dict[str, str]
    days: dict[str, int]
    dayparts: tuple[str, ...]


@lru_cache(maxsize=1)
def _words() -> _Words:
    months = lexicons.table("months")
    words = lexicons.table("date_words")
    by_kind = {k: g for k, g in words.groupby("kind")}
    return _Words(
        months={normalize(n).lower(): int(m) for n, m in zip(months["name"], months["month"])},
        needs_context=frozenset(normalize(n).lower() for n, c in zip(months["name"], months["needs_context"]) if c == "1"),
        weekdays={normalize(w): int(v) for w, v in zip(by_kind["weekday"]["word"], by_kind["weekday"]["value"])},
        modifiers={normalize(w): int(v) for k in ("past", "future", "current") for w, v in zip(by_kind[k]["word"], by_kind[k]["value"])},
        qualifiers={normalize(w): v for w, v in zip(by_kind["qualifier"]["word"], by_kind["qualifier"]["value"])},
        days={normalize(w): int(v) for w, v in zip(by_kind["day"]["word"], by_kind["day"]["value"])},
        dayparts=tuple(normalize(w) for w in by_kind["daypart"]["word"]),
    )


B, E = r"(?<![\w])", r"(?![\w])"
YEAR = r"(?:19|20)\d{2}"
PREPOSITIONS = tuple(normalize(w) for w in ("في", "منذ", "خلال", "حتى", "مع", "قبل", "بعد", "من", "إلى", "بين"))
CONTEXT_WORDS = PREPOSITIONS + ("شهر",)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    w = _words()
    month = trie_pattern(w.months)
    mx = rf"(?P<m1>{month}){E}(?:\s*[/\\(-]\s*(?P<m2>{month}){E}\)?|\s*\(\s*(?P<m3>{month})\s*\)|\s+(?P<m4>{month}){E})?"
    rel = rf"(?P<rel>{trie_pattern(w.modifiers)}){E}"
    qual = rf"(?P<q>{trie_pattern(w.qualifiers)}){E}"
    wd = rf"(?P<wd>{trie_pattern(w.weekdays)}){E}"
    year_tail = rf"(?:\s*[-/,،]?\s*(?:(?:من\s+)?(?:عام|العام|سنه)\s+)?(?P<y>{YEAR})(?:\s*م{E})?(?!\d))?"
    rules = {
        "numeric_ymd": rf"(?<![\d.,/-])(?P<y>{YEAR})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?![\d])",
        "numeric_dmy": rf"(?<![\d.,/-])(?P<d>\d{{1,2}})[-/.](?P<m>\d{{1,2}})[-/.](?P<y>{YEAR})(?![\d])",
        "day_month": rf"{B}(?:{wd}\s*[،,(]?\s*)?(?<!\d)(?P<d>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?\s*[-/]?\s*(?:من\s+)?(?:شهر\s+)?{mx}{year_tail}(?:\s+{rel})?",
        "month_day_year": rf"{B}(?P<m1>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*[,،]?\s*(?P<y>{YEAR})(?!\d)",
        "month": rf"{B}(?:{qual}\s+)?(?:شهر\s+)?{mx}{year_tail}(?:\s+{rel})?",
        "year": rf"{B}(?:{qual}\s+(?:(?:عام|العام|سنه)\s+)?|(?P<kw>(?:لعام|بعام|عام|العام|سنه|السنه)\s+)|[وف]?(?:{trie_pattern(PREPOSITIONS)})\s+)(?P<y>{YEAR})(?![\d%])",
        "relative_year": rf"{B}(?:{qual}\s+|(?P<this>هذا|هذه)\s+)?(?P<unit>العام|السنه){E}(?:\s+{rel})?",
        "relative_month": rf"{B}(?:{qual}\s+|(?P<this>هذا)\s+)?(?P<unit>الشهر){E}(?:\s+{rel})?",
        "relative_week": rf"{B}(?:(?P<this>هذا)\s+)?(?P<unit>الاسبوع){E}(?:\s+{rel})?",
        "relative_day": rf"{B}[وف]?(?P<word>{trie_pattern(w.days)}){E}",
        "weekday": rf"{B}(?:(?P<dp>{trie_pattern(w.dayparts)})\s+)?(?:يوم\s+)?{wd}(?:\s+{rel})?",
    }
    return [(name, re.compile(p, re.IGNORECASE)) for name, p in rules.items()]


_UNITS = ("العام", "السنه", "الشهر", "الاسبوع")


@lru_cache(maxsize=1)
def _triggers() -> dict[str, dict[str, int]]:
    """What date expressions hold, besides digits: a month name, a weekday, a relative day word, or one of
    العام، السنة، الشهر، الأسبوع. Every date rule needs one as a whole word (و/ف allowed before it), so
    they are looked up among the article's words. Maps each phrase's first word, as it may be written
    (with و/ف; Latin in lower, Title or UPPER case), to {kind: length of the longest phrase it starts}."""
    w = _words()
    phrases = [(m, "month") for m in w.months] + [(d, "weekday") for d in w.weekdays] + \
        [(d, "day") for d in w.days] + [(u, "unit") for u in _UNITS]
    out: dict[str, dict[str, int]] = {}
    for phrase, kind in phrases:
        first = phrase.split()[0]
        forms = {first, first.title(), first.upper()} if first.isascii() else {first, "و" + first, "ف" + first}
        for form in forms:
            lengths = out.setdefault(form, {})
            lengths[kind] = max(lengths.get(kind, 0), len(phrase))
    return out


_DIGITS = re.compile(r"\d+")


def _trigger_hits(norm: Normalized) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every trigger: a run of digits, or a word of `_triggers` (end: where its
    longest phrase would end)."""
    folded = norm.text
    hits = [(m.start(), m.end(), "digit") for m in _DIGITS.finditer(folded)]
    triggers = _triggers()
    for i, word in norm.word_positions(triggers):
        skip = 1 if word[:1] in "وف" and word[1:] in triggers else 0  # the proclitic is not the date
        for kind, length in triggers[word].items():
            hits.append((i + skip, min(len(folded), i + skip + length), kind))
    return hits


# the trigger kinds each pattern needs: it runs only in windows around them
_NEEDS = {"numeric_ymd": ("digit",), "numeric_dmy": ("digit",), "year": ("digit",), "day_month": ("digit",),
          "month_day_year": ("month",), "month": ("month",), "relative_year": ("unit",),
          "relative_month": ("unit",), "relative_week": ("unit",), "relative_day": ("day",),
          "weekday": ("weekday",)}


def scan(norm: Normalized) -> list[tuple[str, re.Match[str]]]:
    """Every match of every date pattern in the folded text: the costly part, independent of the anchor.
    Each pattern runs only in windows around the words it needs, a small part of a news text."""
    folded = norm.text
    windows: dict[str, list[list[int]]] = {}
    for start, end, kind in sorted(_trigger_hits(norm)):
        lo, hi = max(0, start - 40), min(len(folded), end + 60)
        space = folded.find(" ", hi, hi + 40)  # never end a window inside a word: (?!\w) must see the next one
        hi = space if space != -1 else min(len(folded), hi + 40)
        spans = windows.setdefault(kind, [])
        if spans and lo <= spans[-1][1]:  # overlapping windows merge
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    found = []
    for name, pattern in _patterns():
        for kind in _NEEDS[name]:
            for lo, hi in windows.get(kind, ()):
                for m in pattern.finditer(folded, lo, hi):
                    found.append((name, m))
    return found


def find_dates(text: str, published: dt.date | None = None, norm: Normalized | None = None,
               scanned: list | None = None) -> list[DateMatch]:
    """All date expressions in `text`, non-overlapping, in text order; relative ones resolved against
    `published` (left with date None when there is no anchor). `scanned` reuses a `scan` of the text."""
    norm = norm or normalize_spans(text)
    folded = norm.text
    candidates = []
    for name, m in scanned if scanned is not None else scan(norm):
        got = _RESOLVERS[name](m, published, folded)
        if got is not None:
            candidates.append((_core_start(name, m), m.end(), name, got))
    kept: list[tuple[int, int, str, tuple]] = []
    for c in sorted(candidates, key=lambda c: (c[0], -(c[1] - c[0]))):  # by start, longest first
        if not kept or c[0] >= kept[-1][1]:
            kept.append(c)
        elif c[1] - c[0] > kept[-1][1] - kept[-1][0] and (len(kept) < 2 or c[0] >= kept[-2][1]):
            kept[-1] = c  # a longer expression overlapping the last one wins
    out = []
    for start, end, name, (date, precision, relative, qualifier) in kept:
        s, e = norm.span(start, end)
        out.append(DateMatch(s, e, name, date, precision, relative, qualifier))
    return out


def _core_start(name: str, m: re.Match[str]) -> int:
    """Where the expression starts: a preposition (في، منذ) or proclitic (و) before it is not part of it."""
    if name == "year":
        starts = [m.start(g) for g in ("q", "kw") if m.group(g) is not None]
        return min(starts) if starts else m.start("y")
    if name == "relative_day":
        return m.start("word")
    return m.start()


@extractor("dates", SCHEMA)
def extract(article, facts: dict[str, list[dict]]) -> list[dict]:
    """The `dates` rows of a segmented article, resolved against its publication date (the date scan of
    segmentation is reused, and so are its resolved dates when the input gave that publication date)."""
    found = article.found if article.published == article.article.published else None
    return rows(article.article_id, article.text, article.published, article.norm, article.scanned, found)


def rows(article_id: str, text: str, published: dt.date | None, norm: Normalized | None = None,
         scanned: list | None = None, found: list[DateMatch] | None = None) -> list[dict]:
    """Rows for the `dates` frame of one article; `found` reuses what find_dates gave for `published`."""
    rows = []
    for d in find_dates(text, published, norm, scanned) if found is None else found:
        rows.append({"article_id": article_id, "start": d.start, "end": d.end, "text": text[d.start:d.end],
                     "rule": d.rule, "date": d.date, "precision": d.precision, "relative": d.relative,
                     "qualifier": d.qualifier})
    return rows


def period_end(date: dt.date, precision: str, qualifier: str | None = None) -> dt.date:
    """The last day of the period a date row stands for (its `date` is the first day)."""
    if precision == "day":
        return date
    if precision == "week":
        return date + dt.timedelta(days=6)
    if precision == "month":
        last = calendar.monthrange(date.year, date.month)[1]
        return date.replace(day=min(last, date.day + 9)) if qualifier in ("early", "mid") else date.replace(day=last)
    if qualifier in ("early", "mid"):
        month = date.month + 3
        return dt.date(date.year, month, calendar.monthrange(date.year, month)[1])
    return dt.date(date.year, 12, 31)


def parse_date(text: str) -> DateMatch | None:
    """The first absolute date (day precision) in `text`, e.g. a dateline; None if there is none."""
    for d in find_dates(text):
        if d.date is not None and d.precision == "day" and not d.relative:
            return d
    return None


# ------------------------------------------------------------------ resolvers
Resolved = tuple[dt.date | None, str, bool, str | None]


def _month_of(m: re.Match[str]) -> int | None:
    w = _words()
    names = [m.group(g) for g in ("m1", "m2", "m3", "m4") if g in m.re.groupindex and m.group(g)]
    months = [w.months[re.sub(r"\s+", " ", n).lower()] for n in names]
    return months[0] if months else None


def _has_context(m: re.Match[str], folded: str) -> bool:
    """An ambiguous month name (مارس, آب, نيسان, May) counts only with a day, year, pair or qualifier
    beside it, or after a preposition such as في or منذ."""
    name = re.sub(r"\s+", " ", m.group("m1")).lower()
    if name not in _words().needs_context:
        return True
    g = m.groupdict()
    if any(g.get(k) for k in ("d", "y", "m2", "m3", "m4", "q", "rel")):
        return True
    before = folded[max(0, m.start() - 12):m.start()].split()
    return bool(before) and (before[-1] in CONTEXT_WORDS or before[-1][1:] in CONTEXT_WORDS)


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
    return _words().modifiers[g["rel"]] if g.get("rel") else None


def _qualified(year: int, month: int | None, q: str | None) -> tuple[dt.date, str | None]:
    """First day of the period, narrowed by a qualifier (early / mid / late third)."""
    part = _words().qualifiers.get(q) if q else None
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
        return None, "month", True, _words().qualifiers.get(m.group("q") or "")
    d, part = _qualified(_anchor_month(month, anchor, _rel(m)), month, m.group("q"))
    return d, "month", True, part


def _year(m, anchor, folded) -> Resolved | None:
    d, part = _qualified(int(m.group("y")), None, m.group("q"))
    return d, "year", False, part


def _relative_period(m, anchor, folded) -> Resolved | None:
    g = m.groupdict()
    if not (g.get("q") or g.get("rel") or g.get("this")):
        return None  # العام alone is the adjective "general" (القائد العام), الشهر alone is no date
    offset = _rel(m) or 0
    part = _words().qualifiers.get(g["q"]) if g.get("q") else None
    if anchor is None:
        return None, "year" if g["unit"] != "الشهر" else "month", True, part
    if g["unit"] == "الشهر":
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
    offset = _words().days[re.sub(r"\s+", " ", m.group("word"))]
    if anchor is None:
        return None, "day", True, None
    return anchor + dt.timedelta(days=offset), "day", True, None


def _weekday(m, anchor, folded) -> Resolved | None:
    if folded[max(0, m.start() - 5):m.start()].strip().endswith("صلاه"):
        return None  # صلاة الجمعة: the Friday prayer, not a date
    if anchor is None:
        return None, "day", True, None
    target, rel = _words().weekdays[m.group("wd")], _rel(m)
    back = (anchor.weekday() - target) % 7
    if rel == 1:
        return anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7), "day", True, None
    if rel == -1 and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back), "day", True, None


_RESOLVERS: dict[str, Callable[..., Resolved | None]] = {
    "numeric_ymd": _numeric, "numeric_dmy": _numeric, "day_month": _day_month,
    "month_day_year": _day_month, "month": _month, "year": _year,
    "relative_year": _relative_period, "relative_month": _relative_period,
    "relative_week": _relative_week, "relative_day": _relative_day, "weekday": _weekday,
}
