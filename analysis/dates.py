"""Date expressions in Arabic news text, with spans and the periods they mean (issue 13).

Each form of expression is a rule record of `analysis.date_rules` (pattern, trigger words, resolver, core
groups), its words rows of `data/*.csv` with sources; two neighbouring expressions that are one (a weekday
and its date, a Hijri date and its Gregorian one, the ends of a range) are joined by `analysis.date_joins`.
This module finds them: trigger words, windows, overlaps, rows.

Conventions (the annotation guide, docs/gold.md):

- The span is the expression without a leading preposition or proclitic (في، منذ، و، ب), with its modifier
  (الماضي), its weekday when one stands beside its date («الأحد 25 تموز» is one date), and the Gregorian
  date given beside a Hijri one. An offset or span from the publication date keeps its head word
  («قبل أسبوعين»، «خلال الأشهر الستة المقبلة»).
- `period_start`/`period_end`: the period the text means (inclusive, Gregorian). `precision`: day, week,
  month, quarter, half, season or year. `date`: the point a chart uses (`analysis.periods`): a day itself,
  a week its Monday, a month its 1st, a year 1 January; a part-of-period word (مطلع، منتصف، نهاية; the
  `qualifier` early/mid/late) narrows a month to days 1–10/11–20/21–end (points 1st/15th/25th) and a year
  to Jan–Apr/May–Aug/Sep–Dec (points 1 Jan/1 Jul/1 Dec): «نهاية العام» is 1 Sep–31 Dec, point 1 Dec;
  a quarter, half or season points at the 1st of its middle month; a range or a span its start.
- Relative expressions are resolved against the publication date; without one, `date` and the period are
  empty (NaT) and `relative` is True.
- Direction (`analysis.tense`): a bare weekday, month, day of a month or quarter in a report of what happened
  is the latest one that has begun by the publication date (the publication day's own weekday is that
  day); in a future clause (سـ، سوف، لن، من المقرر) the first one that has not ended by it. With a modifier
  it is the one before (الماضي) or after (المقبل) the publication date's, or that one (الجاري).
- Offsets (قبل أسبوعين، منذ ثلاثة أيام، بعد شهرين) are the day that many units from the publication date,
  `precision` the unit counted in; spans (الأشهر الستة المقبلة، العامين الماضيين) run from or to the
  publication date, both ends counted (the next six months from 7 April end on 6 October); «خلال ثلاثة أشهر»، «في غضون أسبوع» are a span from it only in a future clause (in a
  report they are a duration). Uncounted spans (الأشهر المقبلة، قبل أيام) and durations (لمدة ثلاث سنوات)
  are no dates.
- A bare year is a date after a context word (عام، في، منذ، حتى، اتفاق، انتخابات …, or with 2021م), never
  before a counted noun (2000 جندي).
- Hijri dates (calendar "hijri", Umm al-Qura by `hijridate`) have their Gregorian period; the Gregorian date
  printed beside one is the same date, and its value. A weekday that contradicts its date, or a Hijri
  date the text converts differently, is said in `note`.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

from .date_joins import edge_days, join, paired_months, same_year
from .date_rules import DIGITS, DateRule, rules
from .date_vocabulary import vocabulary
from .inputs import origin, problem
from .numbers import digit_run_spans
from .registry import extractor
from .schema import names, schema
from .text import Normalized, matches_at, normalize_spans

SCHEMA = schema(("article_id", "str"), ("start", "int"), ("end", "int"), ("text", "str"), ("rule", "str"),
                ("date", "date"), ("precision", "str"), ("relative", "bool"), ("qualifier", "str"),
                ("period_start", "date"), ("period_end", "date"), ("calendar", "str"), ("note", "str"))
COLUMNS = names(SCHEMA)


class DateMatch(NamedTuple):
    """One date expression: span in the original text and its resolved value (None if unresolved)."""

    start: int
    end: int
    rule: str
    date: dt.date | None  # the point a chart uses
    precision: str  # day | week | month | quarter | half | season | year
    relative: bool
    qualifier: str | None = None  # early | mid | late: the part of the period
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    calendar: str = "gregorian"
    note: str | None = None


# how far before its trigger a pattern may start (الحادي والعشرين من before a month; ما يزيد على ثلاثة عشر
# before a unit of time; نهاية العام before a year) and how far after it may end
LOOKBACK = {"digit": 25, "month": 50, "unit": 40, "weekday": 30, "day": 25, "season": 30, "fraction": 10,
            "span_unit": 40}
LOOKAHEAD = 60


@lru_cache(maxsize=1)
def _triggers() -> dict[str, frozenset[str]]:
    """What date expressions hold, besides digits: a month name, a weekday, a relative day word, a period
    noun (العام، الشهر، الأسبوع), a season, a fraction of a year (الربع) or a unit of time (أيام، عامين).
    Every date rule needs one as a whole word (و/ف allowed before it), so they are looked up among the
    article's words. Maps each trigger word as it may be written (with و/ف; Latin in lower, Title or UPPER
    case) to its kinds. A phrase's trigger is its first word, a relative day phrase's its last (أمس in
    «أول من أمس», غد in «بعد غد»)."""
    w = vocabulary()
    phrases = [(m, "month", 0) for m in w.months] + [(d, "weekday", 0) for d in w.weekdays] + \
        [(d, "day", -1) for d in w.days] + [(u, "unit", 0) for u in w.units] + \
        [(s, "season", 0) for s in w.seasons] + [(f, "fraction", 0) for f in w.fractions] + \
        [(u, "span_unit", 0) for u in w.time_units]
    out: dict[str, set[str]] = {}
    for phrase, kind, which in phrases:
        word = phrase.split()[which]
        forms = {word, word.title(), word.upper()} if word.isascii() else {word, "و" + word, "ف" + word}
        for form in forms:
            out.setdefault(form, set()).add(kind)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _looked_up() -> frozenset[str]:
    """Every word the scan looks up: the triggers and the words rules start with (`starts`, `leads`)."""
    return frozenset(_triggers()).union(*(r.starts for r in rules() if r.starts is not None),
                                        *(r.leads - {DIGITS} for r in rules() if r.leads is not None))


def _trigger_hits(norm: Normalized, positions: list[tuple[int, str]] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every trigger: a run of digits (found among the words), or a word of `_triggers`."""
    hits = [(start, end, "digit") for start, end in digit_run_spans(norm)]
    triggers = _triggers()
    for i, word in norm.word_positions(triggers) if positions is None else positions:
        for kind in triggers.get(word, ()):
            hits.append((i, i + len(word), kind))
    return hits


def scan(norm: Normalized) -> list[tuple[DateRule, re.Match[str]]]:
    """Every match of every date pattern in the folded text: the costly part, independent of the anchor.
    Each pattern runs only in windows around the words it needs, a small part of a news text, or only
    where the words its matches start with stand (what `Normalized.matches_at_words` does, with one
    lookup of the words for all rules and one pass over them). Matches are given rule by rule, in table
    order, each rule's in text order."""
    folded = norm.text
    positions = norm.word_positions(_looked_up())
    windows: dict[str, list[list[int]]] = {}
    hits = sorted(_trigger_hits(norm, positions))
    for start, end, kind in hits:
        lo, hi = max(0, start - LOOKBACK[kind]), min(len(folded), end + LOOKAHEAD)
        space = folded.find(" ", hi, hi + 40)  # never end a window inside a word: (?!\w) must see the next one
        hi = space if space != -1 else min(len(folded), hi + 40)
        spans = windows.setdefault(kind, [])
        if spans and lo <= spans[-1][1]:  # overlapping windows merge
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    by_rule = _matches_at_start_words(folded, positions, norm.word_set)
    leads = _Leads(positions, [start for start, _, kind in hits if kind == "digit"])
    latin = _latin_leads()
    held: dict[tuple[str, int, int], bool] = {}  # whether a window holds a pattern: rules share them (a year)
    found = []
    for k, rule in enumerate(rules()):
        if rule.starts is not None:
            found.extend((rule, m) for m in by_rule[k])
            continue
        for kind in rule.needs:
            spans = windows.get(kind)
            if not spans:
                continue
            starts = None if rule.leads is None else leads.of(k, rule)
            for lo, hi in spans:
                if rule.holds is not None and not _holds(held, rule.holds, folded, lo, hi):
                    continue  # what every match holds is not there
                # a Latin lead may stand in any case where a Latin letter is: there the window is searched
                if starts is None or (latin[k] and _holds(held, _LATIN, folded, lo, hi)):
                    matches = rule.pattern.finditer(folded, lo, hi)
                else:
                    matches = matches_at(rule.pattern, folded, starts, lo, hi)
                for m in matches:
                    found.append((rule, m))
    return found


def _holds(held: dict[tuple[str, int, int], bool], pattern: re.Pattern[str], folded: str, lo: int, hi: int) -> bool:
    """Whether `pattern` is found in folded[lo:hi], each pattern searched once in a window (`held`)."""
    key = (pattern.pattern, lo, hi)
    got = held.get(key)
    if got is None:
        got = held[key] = pattern.search(folded, lo, hi) is not None
    return got


# what a Latin letter of a pattern matches with re.IGNORECASE (the re docs: 52 ASCII letters and 4 more)
_LATIN = re.compile("[A-Za-z\u0130\u0131\u017f\u212a]")


@lru_cache(maxsize=1)
def _lead_words() -> tuple[frozenset[str], ...]:
    """For each rule, the words among its `leads` (without `DIGITS`)."""
    return tuple((r.leads or frozenset()) - {DIGITS} for r in rules())


@lru_cache(maxsize=1)
def _latin_leads() -> tuple[bool, ...]:
    """For each rule, whether one of its `leads` is Latin (matched in any case, so not found among the
    words as written)."""
    return tuple(any(w.isascii() for w in words) for words in _lead_words())


class _Leads:
    """Where the `leads` of each windowed rule stand in one text (folded starts, in order), from the
    looked-up words and the runs of digits; gathered the first time a rule asks."""

    def __init__(self, positions: list[tuple[int, str]], digit_starts: list[int]):
        self.positions, self.digit_starts = positions, digit_starts
        self.by_rule: dict[int, list[int]] = {}

    def of(self, k: int, rule: DateRule) -> list[int]:
        if k not in self.by_rule:
            words = _lead_words()[k]
            at = [i for i, word in self.positions if word in words] if words else []
            if DIGITS in rule.leads:
                at = sorted(at + self.digit_starts) if at else self.digit_starts
            self.by_rule[k] = at
        return self.by_rule[k]


@lru_cache(maxsize=1)
def _rules_by_start_word() -> dict[str, tuple[int, ...]]:
    """For each word some rules' matches start with, the indexes (in `rules()`) of those rules."""
    out: dict[str, list[int]] = {}
    for k, rule in enumerate(rules()):
        for word in rule.starts or ():
            out.setdefault(word, []).append(k)
    return {word: tuple(ks) for word, ks in out.items()}


def _matches_at_start_words(folded: str, positions: list[tuple[int, str]], words: frozenset[str]) -> list[list[re.Match[str]]]:
    """For each rule with `starts`, its matches, by one pass over the looked-up words: a rule is tried where
    one of its start words stands and its last match has ended (what its finditer would give), and not at
    all when none of its `holds_word` is among the text's `words`."""
    by_word = _rules_by_start_word()
    n = len(rules())
    found: list[list[re.Match[str]]] = [[] for _ in range(n)]
    ends = [0] * n
    for k, rule in enumerate(rules()):
        if rule.holds_word is not None and rule.holds_word.isdisjoint(words):
            ends[k] = len(folded) + 1  # (never tried)
    patterns = [rule.pattern for rule in rules()]
    for i, word in positions:
        for k in by_word.get(word, ()):
            if i >= ends[k]:
                m = patterns[k].match(folded, i)
                if m:
                    found[k].append(m)
                    ends[k] = m.end()
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
    candidates, matched = [], {}
    for rule, m in scanned if scanned is not None else scan(norm):
        got = rule.resolve(m, published, folded)
        if got is not None:
            candidates.append((rule.start(m), m.end(), rule.name, got))
            matched[(rule.start(m), m.end(), rule.name)] = (rule, m)
    kept: list[tuple] = []
    for c in sorted(candidates, key=lambda c: (c[0], -(c[1] - c[0]))):  # by start, longest first
        if not kept or c[0] >= kept[-1][1]:
            kept.append(c)
        elif c[1] - c[0] > kept[-1][1] - kept[-1][0] and (len(kept) < 2 or c[0] >= kept[-2][1]):
            kept[-1] = c  # a longer expression overlapping the last one wins
    out = []
    def resolve_at(start: int, end: int, anchor: dt.date):
        found = [rm for key, rm in matched.items() if key[:2] == (start, end)]
        return found[0][0].resolve(found[0][1], anchor, folded) if found else None

    for start, end, name, value in paired_months(edge_days(same_year(join(kept, folded, resolve_at), folded, resolve_at), folded), folded, published):
        s, e = norm.span(start, end)
        p = value.period
        out.append(DateMatch(s, e, name, p.date, p.precision, value.relative, p.qualifier, p.start, p.end,
                             value.calendar, value.note))
    return out


@extractor("dates", SCHEMA)
def extract(article, facts: dict[str, list[dict]]) -> list[dict]:
    """The `dates` rows of a segmented article, resolved against its publication date (the date scan of
    segmentation is reused, and so are its resolved dates when the input gave that publication date);
    none from a line segmentation marked as a crawl stamp or a today header, nor from a date line far after
    the publication date (`_read_later`)."""
    found = article.found if article.published == article.article.published else None
    out = rows(article.article_id, article.text, article.published, article.norm, article.scanned, found)
    stamps = [(s["start"], s["end"]) for s in article.sentences if s["boilerplate_kind"] == "stamp" or
              (_header_line(s) and _read_later(s, out, article.published))]
    if stamps:  # a crawl stamp or a today header says when the page was read: its dates are no facts
        out = [r for r in out if not any(s <= r["start"] and r["end"] <= e for s, e in stamps)]
    unresolved = sum(r["relative"] and r["date"] is None for r in out)
    if article.published is None and unresolved and "problems" in facts:  # this article's problems
        path, row = origin(article.article)
        facts["problems"].append(problem(path, "info", "no publication date in the input or the text: "
                                         f"{unresolved} relative date(s) stay unresolved", row))
    return out


TODAY_AFTER = 30  # days: a date line this long after the publication date is the page's "today" header


def _header_line(sentence: dict) -> bool:
    """A date line of the page's header: segmentation's dateline, or a short line near the top (الخميس 14
    مارس 2024 - آخر الأخبار)."""
    return sentence["boilerplate_kind"] == "dateline" or (sentence["start"] < 400 and len(sentence["text"].split()) <= 8)


def _read_later(sentence: dict, found: list[dict], published: dt.date | None) -> bool:
    """A header date line, mostly its date, whose every date is stated in full and falls more than `TODAY_AFTER` days after the publication date
    (found elsewhere: the URL, a later dateline): the day the page was read («الأربعاء، 14 فبراير 2024»
    above an article of 6 April 2021), not a fact of the article."""
    if published is None:
        return False
    inside = [r for r in found if sentence["start"] <= r["start"] and r["end"] <= sentence["end"]]
    if not inside or any(r["relative"] or r["date"] is None for r in inside):
        return False  # a header states its day in full; «العام المقبل» in a short sentence is a fact
    if sum(r["end"] - r["start"] for r in inside) < 0.4 * len(sentence["text"].strip()):
        return False  # the line is mostly something else than its date
    return all((r["date"] - published).days > TODAY_AFTER for r in inside)


def rows(article_id: str, text: str, published: dt.date | None, norm: Normalized | None = None,
         scanned: list | None = None, found: list[DateMatch] | None = None) -> list[dict]:
    """Rows for the `dates` frame of one article; `found` reuses what find_dates gave for `published`."""
    rows = []
    for d in find_dates(text, published, norm, scanned) if found is None else found:
        rows.append({"article_id": article_id, "start": d.start, "end": d.end, "text": text[d.start:d.end],
                     "rule": d.rule, "date": d.date, "precision": d.precision, "relative": d.relative,
                     "qualifier": d.qualifier, "period_start": d.period_start, "period_end": d.period_end,
                     "calendar": d.calendar, "note": d.note})
    return rows


def parse_date(text: str) -> DateMatch | None:
    """The first absolute date (day precision) in `text`, e.g. a dateline; None if there is none."""
    for d in find_dates(text):
        if d.date is not None and d.precision == "day" and not d.relative:
            return d
    return None
