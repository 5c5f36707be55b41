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
from functools import lru_cache
from typing import NamedTuple

from .date_rules import DateRule, rules
from .date_vocabulary import vocabulary
from .registry import extractor
from .schema import names, schema
from .text import Normalized, normalize_spans

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


@lru_cache(maxsize=1)
def _triggers() -> dict[str, dict[str, int]]:
    """What date expressions hold, besides digits: a month name, a weekday, a relative day word, or a period
    noun (العام، السنة، الشهر، الأسبوع). Every date rule needs one as a whole word (و/ف allowed before it),
    so they are looked up among the article's words. Maps each phrase's first word, as it may be written
    (with و/ف; Latin in lower, Title or UPPER case), to {kind: length of the longest phrase it starts}."""
    w = vocabulary()
    phrases = [(m, "month") for m in w.months] + [(d, "weekday") for d in w.weekdays] + \
        [(d, "day") for d in w.days] + [(u, "unit") for u in w.units]
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


def scan(norm: Normalized) -> list[tuple[DateRule, re.Match[str]]]:
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
    for rule in rules():
        for kind in rule.needs:
            for lo, hi in windows.get(kind, ()):
                for m in rule.pattern.finditer(folded, lo, hi):
                    found.append((rule, m))
    return found


def scan_whole(norm: Normalized) -> list[tuple[DateRule, re.Match[str]]]:
    """What `scan` gives, by running every rule over the whole text (slow: for tests)."""
    return [(rule, m) for rule in rules() for m in rule.pattern.finditer(norm.text)]


def find_dates(text: str, published: dt.date | None = None, norm: Normalized | None = None,
               scanned: list | None = None) -> list[DateMatch]:
    """All date expressions in `text`, non-overlapping, in text order; relative ones resolved against
    `published` (left with date None when there is no anchor). `scanned` reuses a `scan` of the text."""
    norm = norm or normalize_spans(text)
    folded = norm.text
    candidates = []
    for rule, m in scanned if scanned is not None else scan(norm):
        got = rule.resolve(m, published, folded)
        if got is not None:
            candidates.append((rule.start(m), m.end(), rule.name, got))
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
