"""The date forms, one record each: its pattern, the trigger words it needs, its resolver and its core groups.

A `DateRule` is everything about one form of date expression in one place:

- `pattern`: a regex over the folded text (`text.normalize_spans`), built from `date_vocabulary`;
- `needs`: the kinds of trigger (a run of digits, a month name, a weekday, a relative day word, a period
  noun, a season, a fraction of a year, a unit of time) the pattern cannot match without; it runs only
  in windows around them (see `dates.scan`);
- `resolve(match, anchor, folded)`: the `Value` (a `periods.Period`, whether it needed the publication
  date, its calendar, a note), against the publication date `anchor` (None: unresolved), or None when the
  match is no date after all (العام alone is the adjective "general");
- `core`: the groups that may begin the expression itself, without a leading preposition or proclitic
  (none: the whole match);
- `starts`: for a rule whose every match begins with one of a known set of words (قبل، منذ، بعد for an
  offset), those words: the rule is tried only where they stand, not in windows;
- `leads`: for a rule that runs in windows, what its every match begins with: a run of digits (`DIGITS`) or
  one of a set of words (a weekday before its date); in a window it is tried only where they stand. (Not
  for rules that may begin with a word as common as في or من: finding those costs more than it saves.)
- `holds`: for a rule that runs in windows, a pattern every match holds (its year, its span modifier): a
  window where it is not found holds no match and is not searched;
- `holds_word`: for a rule with `starts`, words one of which every match holds as a whole word (a season
  name): a text without any is not scanned for it.

Rules are written once for both calendars: a month name says which calendar it is (`calendars.by_name`).
`rules()` gives them in the order they are tried; a new date form is one more record there.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Callable, NamedTuple

from . import periods
from .calendars import GREGORIAN, by_name
from .date_vocabulary import vocabulary
from .numbers import value_of, word_pattern
from .periods import Period, unresolved
from .tense import is_future
from .text import normalize, trie_pattern


class Value(NamedTuple):
    period: Period
    relative: bool  # needed the publication date
    calendar: str = "gregorian"
    note: str | None = None


Resolver = Callable[[re.Match[str], dt.date | None, str], Value | None]


class DateRule(NamedTuple):
    name: str
    pattern: re.Pattern[str]
    needs: tuple[str, ...]
    resolve: Resolver
    core: tuple[str, ...] = ()
    starts: frozenset[str] | None = None  # when every match starts with one of these whole words
    leads: frozenset[str] | None = None  # when every match starts with a run of digits (DIGITS) or one of these
    holds: re.Pattern[str] | None = None  # found in every match
    holds_word: frozenset[str] | None = None  # one of these is a whole word of every match

    def start(self, m: re.Match[str]) -> int:
        """Where the expression starts in the folded text: at the first of the `core` groups that took part
        in the match (a preposition before it is not part of it), else where the match starts."""
        return next((m.start(g) for g in self.core if m.start(g) >= 0), m.start())


B, E = r"(?<![\w])", r"(?![\w])"
# where the day of a date may start: after no letter, or after a proclitic و، ف، ب، ل written on it (و5 أيار)
DAY_START = r"(?:(?<!\w)|(?<=(?<!\w)[وفبل]))(?=\d)"
DIGITS = r"\d"  # in `leads`: a run of digits (never a word itself)
YEAR = r"(?:(?:19|20)\d{2}|1[34]\d{2})(?!\d)"  # Gregorian 1900–2099, Hijri 1300–1499


def _t(words) -> str:
    return trie_pattern(words)


@lru_cache(maxsize=1)
def rules() -> tuple[DateRule, ...]:
    w = vocabulary()
    month = _t(w.months)
    latin = _t(m for m in w.months if m.isascii())

    def mx(p: str) -> str:  # a month name, perhaps paired with its other name: تموز/يوليو، كانون الثاني يناير
        return (rf"(?P<{p}1>{month}){E}(?:\s*[/\\(-]\s*(?P<{p}2>{month}){E}\)?|\s*\(\s*(?P<{p}3>{month})\s*\)|"
                rf"\s+(?P<{p}4>{month}){E})?(?:\s+(?:{_t(w.hijri_epithets)}){E})?")

    rel = rf"(?P<rel>{_t(w.modifiers)}){E}"
    qual = rf"(?P<q>{_t(w.qualifiers)}){E}"
    wd = rf"(?P<wd>{_t(w.weekdays)}){E}"
    this = _t(w.this)
    year_nouns = _t(w.year_nouns)
    marks = _t(w.gregorian_marks + w.hijri_marks)
    era = rf"(?:\s*(?P<era>{marks}){E})?"
    unit_words = {p: tuple(u for u, v in w.units.items() if v == p) for p in ("year", "month", "week")}
    unit_of = {p: _t(unit_words[p]) for p in ("year", "month", "week")}
    year_tail = rf"(?:\s*[-/,،]?\s*(?:(?:من\s+)?(?:{year_nouns})\s+)?(?P<y>{YEAR}){era})?"
    ords = {f: [o for o, (_, form) in w.ordinals.items() if form == f] for f in ("unit", "unit_compound", "teen", "ten", "last")}
    ordinal = (rf"(?:(?:{_t(ords['unit'] + ords['unit_compound'])})(?:\s+(?:{_t(ords['teen'])})|\s+و\s*(?:{_t(ords['ten'])}))?"
               rf"|(?:{_t(ords['ten'])})|(?:{_t(ords['last'])})){E}")
    numwords = rf"(?:{word_pattern()})(?:\s+(?:و\s*)?(?:{word_pattern()}))*"
    count = rf"(?:\d+|{numwords})"
    units = w.time_units
    indefinite = _t(u for u in units if not u.startswith("ال"))
    one_or_two = _t(u for u, (_, c) in units.items() if c and not u.startswith("ال"))
    definite_plural = _t(u for u, (_, c) in units.items() if c is None and u.startswith("ال"))
    definite_dual = _t(u for u, (_, c) in units.items() if c == 2 and u.startswith("ال"))
    counted = rf"(?:(?:(?P<about>{_t(w.about)})\s+)?(?:(?P<n>{count})\s+(?P<unit>{indefinite})|(?P<unit1>{one_or_two})){E})"
    connector = rf"\s*(?:[-–]|و|(?:{_t(w.range_to)}){E})\s*"

    records = [
        ("numeric_ymd", rf"(?<![\d.,/-])(?P<y>(?:19|20)\d{{2}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?![\d])",
         ("digit",), _numeric, ()),
        ("numeric_dmy", rf"(?<![\d.,/-])(?P<d>\d{{1,2}})[-/.](?P<m>\d{{1,2}})[-/.](?P<y>(?:19|20)\d{{2}})(?![\d])",
         ("digit",), _numeric, ()),
        ("numeric_month", rf"(?<![\d.,/-])(?P<m>\d{{1,2}})[/-](?P<y>(?:19|20)\d{{2}})(?![\d]|[/.-]\d)",
         ("digit",), _numeric_month, ()),
        ("day_range", rf"{DAY_START}(?P<d>\d{{1,2}})(?!\d){connector}(?P<d2>\d{{1,2}})(?!\d)\s+(?:من\s+)?(?:(?:{_t(w.month_nouns)})\s+)?"
                      rf"{mx('m')}{year_tail}(?:\s+{rel})?", ("digit",), _day_range, ()),
        ("day_month", rf"(?:{B}(?:{wd}\s*[،,(]?\s*)?|{DAY_START})(?<!\d)(?P<d>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?\s*[-/]?\s*(?:من\s+)?"
                      rf"(?:(?:{_t(w.month_nouns)})\s+)?{mx('m')}{year_tail}(?:\s+{rel})?", ("digit",), _day_month, ()),
        ("month_day_year", rf"{B}(?:(?P<wd>{_t(e for e in w.weekdays if e.isascii())}){E}\s*,?\s*)?(?P<m1>{latin})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*[,،]?\s*"
                           rf"(?P<y>(?:19|20)\d{{2}})(?!\d)", ("month",), _day_month, ()),
        ("ordinal_day", rf"{B}(?:{wd}\s*[،,]?\s*)?(?P<od>{ordinal})\s+(?:من\s+)?(?:(?:(?:{_t(w.month_nouns)})\s+)?{mx('m')}"
                        rf"{year_tail}(?:\s+{rel})?|(?P<unit>{unit_of['month']})(?:\s+{rel.replace('<rel>', '<rel2>')})?)", ("month", "unit"),
         _ordinal_day, ()),
        ("month", rf"{B}[وفبل]?(?P<core>(?:{qual}\s+)?(?:(?:{_t(w.month_nouns)})\s+)?{mx('m')}{year_tail}(?:\s+{rel})?)",
         ("month",), _month, ("core",)),
        ("ordinal_month", rf"{B}(?P<mn>{unit_of['month']}|{_t(w.month_nouns)})\s+(?:(?P<om>{ordinal})|(?P<nm>\d{{1,2}})(?![\d/.-]))"
                          rf"(?:\s+(?:من\s+)?(?:(?:(?:{year_nouns})\s+)?(?P<y>{YEAR})|(?P<yunit>{unit_of['year']})\s+{rel}|"
                          rf"(?P<this>{this})\s+(?:{unit_of['year']})))?", ("unit", "span_unit"), _ordinal_month, ()),
        ("year_range", rf"{B}(?:(?P<lead>{_t(w.range_from)})\s+)?(?P<core>(?:(?P<yn>{year_nouns})\s+)?(?P<ya>(?:19|20)\d{{2}})"
                       rf"(?P<conn>{connector})(?:(?:{year_nouns})\s+)?(?P<yb>(?:19|20)\d{{2}}))(?!\d)",
         ("digit",), _year_range, ("core",)),
        ("year", rf"{B}(?:(?P<core>(?:{qual}\s+(?:(?:{year_nouns})\s+)?|(?:{year_nouns})\s+)(?P<y1>{YEAR}){era}|"
                 rf"(?P<y2>{YEAR})\s*(?P<era2>{marks}){E})|[وفبل]?(?:{_t(w.prepositions)}|{_t(w.year_events)})\s+"
                 rf"(?P<y3>{YEAR})(?:\s*(?P<era3>{marks}){E})?)(?![\d%])", ("digit",), _year, ("core", "y3")),
        ("season", rf"{B}(?:(?P<this>{this})\s+)?(?:{qual}\s+)?(?:(?:{_t(w.season_nouns)})\s+)?(?P<season>{_t(w.seasons)}){E}"
                   rf"(?:\s+(?:(?:من\s+)?(?:(?:{year_nouns})\s+)?(?P<y>(?:19|20)\d{{2}})(?!\d)|{rel}|"
                   rf"(?P<yunit>{unit_of['year']})\s+(?P<yrel>{_t(w.modifiers)}){E}|(?P<this2>{this})\s+(?:{unit_of['year']}){E}))?",
         ("season",), _season, ()),
        ("fraction", rf"{B}(?P<frac>{_t(w.fractions)})\s+(?P<od>{ordinal})(?:\s+(?:من\s+)?(?:(?:(?:{year_nouns})\s+)?"
                     rf"(?P<y>(?:19|20)\d{{2}})(?!\d)|(?P<yunit>{unit_of['year']})(?:\s+{rel})?|(?P<this>{this})\s+(?:{unit_of['year']}){E}))?",
         ("fraction",), _fraction, ()),
        ("relative_year", rf"{B}[وفب]?(?P<core>(?:{qual}\s+)?(?:(?P<this>{this})\s+)?(?P<unit>{unit_of['year']}){E}(?:\s+{rel})?)",
         ("unit",), _relative_period, ("core",)),
        ("relative_month", rf"{B}[وفب]?(?P<core>(?:{qual}\s+)?(?:(?P<this>{this})\s+)?(?P<unit>{unit_of['month']}){E}(?:\s+{rel})?)",
         ("unit",), _relative_period, ("core",)),
        ("weekday_of_week", rf"{B}(?:(?P<dp>{_t(w.dayparts)})\s+)?(?:(?P<wdc>{_t(w.weekday_construct)})\s+|{wd}\s+من\s+)"
                            rf"(?P<unit>{unit_of['week']})\s+{rel}", ("unit",), _weekday_of_week, ()),
        ("relative_week", rf"{B}[وفب]?(?P<core>(?:{qual}\s+)?(?:(?P<this>{this})\s+)?(?P<unit>{unit_of['week']}){E}(?:\s+{rel})?)",
         ("unit",), _relative_week, ("core",)),
        ("relative_day", rf"{B}(?:(?P<dp>{_t(w.dayparts)})\s+)?[وف]?(?P<word>{_t(w.days)}){E}", ("day",), _relative_day,
         ("dp", "word")),
        ("weekday", rf"{B}(?:(?P<dp>{_t(w.dayparts)})\s+)?(?:يوم\s+)?{wd}(?:\s+{rel})?", ("weekday",), _weekday, ()),
        ("offset", rf"{B}(?P<dir>{_t(w.offsets)})\s+{counted}", ("span_unit",), _offset, ()),
        ("within", rf"{B}(?P<within>{_t(w.within)})\s+{counted}", ("span_unit",), _within, ()),
        ("span", rf"{B}[وفب]?(?P<core>(?:(?P<within>{_t(w.within)})\s+)?(?:(?P<unit>{definite_plural})\s+(?P<n>ال\s?\d+|(?:ال)?{numwords})|"
                 rf"(?P<n2>ال\s?\d+|ال{numwords})\s+(?P<unit2>{indefinite})|(?P<dual>{definite_dual}))\s+"
                 rf"(?P<srel>{_t(w.span_modifiers)}){E})", ("span_unit",), _span, ("core",)),
    ]
    first = {
        "offset": _forms(w.offsets),
        "within": _forms(w.within),
        "relative_day": _forms(w.dayparts + tuple(w.days), "وف"),
        "weekday": _forms(w.dayparts + ("يوم",) + tuple(w.weekdays)),
        "weekday_of_week": _forms(w.dayparts + tuple(w.weekday_construct) + tuple(w.weekdays)),
        # (each before its own period nouns only: العام is tried for the year, not the month or week)
        "relative_year": _forms(tuple(w.qualifiers) + w.this + unit_words["year"], "وفب"),
        "relative_month": _forms(tuple(w.qualifiers) + w.this + unit_words["month"], "وفب"),
        "relative_week": _forms(tuple(w.qualifiers) + w.this + unit_words["week"], "وفب"),
        "season": _forms(w.this + tuple(w.qualifiers) + w.season_nouns + tuple(w.seasons)),
        "fraction": _forms(tuple(w.fractions)),
        "month": _forms(tuple(w.qualifiers) + w.month_nouns + tuple(w.months), "وفبل"),
        "ordinal_day": _forms(tuple(w.weekdays) + tuple(w.ordinals)),
    }
    digits = frozenset([DIGITS])
    lead = {
        "numeric_ymd": digits, "numeric_dmy": digits, "numeric_month": digits, "day_range": digits,
        "day_month": digits | _forms(tuple(w.weekdays)),
        "month_day_year": _forms(tuple(m for m in w.months if m.isascii()) + tuple(e for e in w.weekdays if e.isascii())),
        "ordinal_month": _forms(unit_words["month"] + w.month_nouns),
    }
    held_words = {"season": _uncased(frozenset(w.seasons))}
    century = r"(?:19|20)\d{2}"  # the Gregorian year of a numeric date or of a range
    held = {name: re.compile(p, re.IGNORECASE)
            for name, p in (("numeric_ymd", century), ("numeric_dmy", century), ("numeric_month", century),
                            ("year", YEAR), ("year_range", century), ("span", _t(w.span_modifiers)))}
    return tuple(DateRule(name, re.compile(p, re.IGNORECASE), needs, resolve, core, first.get(name),
                          _checked_leads(lead.get(name)), held.get(name), held_words.get(name))
                 for name, p, needs, resolve, core in records)


def _uncased(words: frozenset[str]) -> frozenset[str] | None:
    """`words` when each is a whole word (\\w only) without case (an Arabic word: what the text holds is
    what re.IGNORECASE matches), else None."""
    return words if all(re.fullmatch(r"\w+", w) and w.lower() == w.upper() for w in words) else None


def _checked_leads(leads: frozenset[str] | None) -> frozenset[str] | None:
    """`leads` when a text's words can tell where they stand: each is a whole word (\\w only) that is
    either Latin or has no case (an Arabic word); else None (the rule searches its windows in full)."""
    if leads is None:
        return None
    words = leads - {DIGITS}
    if all(re.fullmatch(r"\w+", w) and (w.isascii() or w.lower() == w.upper()) for w in words):
        return leads
    return None


def _forms(phrases, proclitics: str = "") -> frozenset[str]:
    """The first words of `phrases` as a text may write them (Latin in any case; a proclitic before)."""
    out = set()
    for phrase in phrases:
        word = phrase.split()[0]
        out |= {word, word.title(), word.upper(), word.lower()} | {p + word for p in proclitics}
    return frozenset(out)


# ------------------------------------------------------------------ helpers
def _name(text: str) -> str:
    return " ".join(text.split()).lower()


def _month_of(m: re.Match[str], prefix: str = "m") -> tuple[int, str] | None:
    """(month number, calendar name) of the month group(s) of `m`."""
    w = vocabulary()
    for g in (f"{prefix}1", f"{prefix}2", f"{prefix}3", f"{prefix}4"):
        if g in m.re.groupindex and m.group(g):
            name = _name(m.group(g))
            return w.months[name], w.month_calendar[name]
    return None


def _group(m: re.Match[str], name: str) -> str | None:
    return m.group(name) if name in m.re.groupindex else None


def _rel(m: re.Match[str], group: str = "rel") -> int | None:
    value = _group(m, group)
    return vocabulary().modifiers[_name(value)] if value else None


def _part(m: re.Match[str]) -> str | None:
    q = _group(m, "q")
    return vocabulary().qualifiers.get(_name(q)) if q else None


def _era(m: re.Match[str]) -> str | None:
    """"hijri" or "gregorian" when the year carries an era mark (هـ، م), else None."""
    for g in ("era", "era2", "era3"):
        mark = _group(m, g)
        if mark:
            return "hijri" if _name(mark) in vocabulary().hijri_marks else "gregorian"
    return None


def _context(m: re.Match[str], folded: str) -> bool:
    """An ambiguous month name (مارس, آب, نيسان, رمضان, May) counts only with a day, year, pair, qualifier or
    modifier beside it, or after a preposition such as في or منذ, the noun شهر, or another month and و
    (بين حزيران وآب)."""
    w = vocabulary()
    name = _name(m.group("m1"))
    if name not in w.needs_context:
        return True
    if any(_group(m, k) for k in ("d", "y", "m2", "m3", "m4", "q", "rel", "od")):
        return True
    start = m.start("m1")
    text = folded[max(0, start - 16):start]
    if text.endswith("و"):  # بين حزيران وآب: a month, then و and this one
        before = text[:-1].split()
        return bool(before) and _name(before[-1]) in w.months
    before = text.split()
    if not before:
        return False
    last = before[-1]
    context = w.prepositions + w.month_nouns
    return last in context or last[1:] in context


def _direction(m: re.Match[str], folded: str) -> bool:
    """True in a future clause (the next one), False in a report (the latest one)."""
    return is_future(folded, m.start(), m.end())


def _month_seen_from(cal, number: int, anchor: dt.date, rel: int | None, future: bool, part: str | None):
    """The month `number` of `cal` that a text means, seen from `anchor`: the last one before it (rel -1),
    the next one after it (+1), the one of this year (0); a bare one by the direction of its clause."""
    today = cal.ymd(anchor)
    if today is None:
        return None
    year, this_month = today[0], today[1]
    if rel == 0:
        return periods.month(year, number, part, cal)
    if rel == -1:
        return periods.month(year if number < this_month else year - 1, number, part, cal)
    if rel == 1:
        return periods.month(year if number > this_month else year + 1, number, part, cal)
    whole = [periods.month(y, number, None, cal) for y in (year - 1, year, year + 1)]
    chosen = periods.containing(whole, anchor, future)
    if chosen is None:
        return None
    y = year - 1 + whole.index(chosen)
    return periods.month(y, number, part, cal)


def _weekday_note(m: re.Match[str], date: dt.date | None) -> str | None:
    name = _group(m, "wd")
    if not name or date is None:
        return None
    said = vocabulary().weekdays[_name(name)]
    if said == date.weekday():
        return None
    return f"the weekday {name} does not match {date.isoformat()} (a {date.strftime('%A')}); the date is kept"


# ------------------------------------------------------------------ resolvers
def _numeric(m, anchor, folded) -> Value | None:
    p = periods.day(GREGORIAN.gregorian(int(m.group("y")), int(m.group("m")), int(m.group("d"))))
    return None if p is None else Value(p, False)


def _numeric_month(m, anchor, folded) -> Value | None:
    p = periods.month(int(m.group("y")), int(m.group("m")))
    return None if p is None else Value(p, False)


def _day_of(m, anchor, folded, day: int) -> tuple[Period | None, bool, str] | None:
    """(period of that day of the month of `m`, relative, calendar); None when it is no date."""
    found = _month_of(m)
    if found is None or not 1 <= day <= 31:
        return None
    number, calendar = found
    cal = by_name(_era(m) or calendar) if _era(m) == calendar or _era(m) is None else None
    if cal is None:
        return None
    if m.group("y"):
        return periods.day(cal.gregorian(int(m.group("y")), number, day)), False, cal.name
    if cal.month_length(1442 if cal.name == "hijri" else 2000, number) is None:
        return None
    if anchor is None:
        return unresolved("day"), True, cal.name
    future = _direction(m, folded) if _rel(m) is None else False
    whole = _month_seen_from(cal, number, anchor, _rel(m), future, None)
    if whole is None:
        return None
    y, mo, _ = cal.ymd(whole.start)
    if _rel(m) is None:  # a bare day: the latest such day by the anchor (the next one in a future clause)
        days = [cal.gregorian(yy, mo, day) for yy in (y - 1, y, y + 1)]
        days = [periods.day(d) for d in days if d is not None]
        weekday = _group(m, "wd")
        fitting = [p for p in days if weekday and p.date.weekday() == vocabulary().weekdays[_name(weekday)]]
        if len(fitting) == 1:  # «الأحد 25 تموز»: the year in which the 25th of July is a Sunday
            return fitting[0], True, cal.name
        chosen = periods.containing(days, anchor, future)
        return (chosen, True, cal.name) if chosen else None
    return periods.day(cal.gregorian(y, mo, day)), True, cal.name


def _day_month(m, anchor, folded) -> Value | None:
    got = _day_of(m, anchor, folded, int(m.group("d")))
    if got is None or got[0] is None:
        return None
    p, relative, calendar = got
    return Value(p, relative, calendar, _weekday_note(m, p.date))


def _day_range(m, anchor, folded) -> Value | None:
    first, last = int(m.group("d")), int(m.group("d2"))
    if not first < last:
        return None
    a, b = _day_of(m, anchor, folded, first), _day_of(m, anchor, folded, last)
    if a is None or b is None or a[0] is None or b[0] is None:
        return None
    if a[0].date is None:
        return Value(unresolved("day"), True, a[2])
    return Value(periods.span(a[0].start, b[0].end, "day"), a[1], a[2])


def _ordinal_value(text: str) -> int | None:
    """The number of a day ordinal (الأول، الحادي عشر، الثاني والعشرين، الثلاثين)."""
    ordinals = vocabulary().ordinals
    total = 0
    for word in re.findall(r"\w+", text):
        word = word[1:] if word not in ordinals and word[:1] == "و" else word
        if word not in ordinals:
            return None
        value, form = ordinals[word]
        total += value
    return total


def _ordinal_day(m, anchor, folded) -> Value | None:
    day = _ordinal_value(m.group("od"))
    if day is None or not 1 <= day <= 31:
        return None
    if m.group("unit"):  # العاشر من الشهر الجاري
        if anchor is None:
            return Value(unresolved("day"), True)
        index = anchor.year * 12 + anchor.month - 1 + (_rel(m, "rel2") or 0)
        p = periods.day(GREGORIAN.gregorian(index // 12, index % 12 + 1, day))
        return None if p is None else Value(p, True, "gregorian", _weekday_note(m, p.date))
    return _day_month_from(m, anchor, folded, day)


def _day_month_from(m, anchor, folded, day: int) -> Value | None:
    got = _day_of(m, anchor, folded, day)
    if got is None or got[0] is None:
        return None
    p, relative, calendar = got
    return Value(p, relative, calendar, _weekday_note(m, p.date))


def _month(m, anchor, folded) -> Value | None:
    found = _month_of(m)
    if found is None or not _context(m, folded):
        return None
    number, calendar = found
    if _era(m) not in (None, calendar):
        return None
    cal, part = by_name(calendar), _part(m)
    if m.group("y"):
        p = periods.month(int(m.group("y")), number, part, cal)
        return None if p is None else Value(p, False, calendar)
    if anchor is None:
        return Value(unresolved("month", part), True, calendar)
    rel = _rel(m)
    p = _month_seen_from(cal, number, anchor, rel, rel is None and _direction(m, folded), part)
    return None if p is None else Value(p, True, calendar)


def _ordinal_month(m, anchor, folded) -> Value | None:
    number = _ordinal_value(m.group("om")) if m.group("om") else int(m.group("nm"))
    if number is None or not 1 <= number <= 12:
        return None
    if m.group("om") and _name(m.group("mn")) in vocabulary().month_nouns:
        return None  # شهر ثان: a second month (of something), not the month number two
    if m.group("y"):
        p = periods.month(int(m.group("y")), number)
        return None if p is None else Value(p, False)
    after = folded[m.end():m.end() + 6].split()
    if after and after[0] == "من":
        return None  # الشهر الثاني من الحرب: a month of something else
    if anchor is None:
        return Value(unresolved("month"), True)
    if m.group("yunit") or m.group("this"):
        year = anchor.year + (_rel(m) or 0)
        p = periods.month(year, number)
    else:
        p = _month_seen_from(GREGORIAN, number, anchor, None, _direction(m, folded), None)
    return None if p is None else Value(p, True)


def _followed_by_count(folded: str, end: int) -> bool:
    """A year-like number followed by a counted noun or a unit of time is a count (في 2000 دولار), also
    with a second number between them (بين 2000 و2500 جندي)."""
    w = vocabulary()
    second = _SECOND_NUMBER.match(folded, end)  # 2000 و2500 جندي، 1990-1995 دولاراً: the noun after both
    after = folded[second.end() if second else end:end + 40].split()
    word = after[0].rstrip("،,.؛:") if after else ""
    return word in w.count_nouns or word in w.time_units


_MORE_THAN = re.compile(r"(?<!\w)(?:اكثر|اقل|ازيد|يزيد|يقل|يربو|زهاء)\s+(?:من|عن|على)\s*$")  # (folded)
_SECOND_NUMBER = re.compile(r"\s*(?:و|-|–|(?:إلى|الى|الي|حتى|حتي)\s)\s*\d+(?!\d)")  # (folded: ى is ي)


def _year(m, anchor, folded) -> Value | None:
    number = next(int(m.group(g)) for g in ("y1", "y2", "y3") if m.group(g))
    if _followed_by_count(folded, m.end()):
        return None
    if m.group("y3") and _MORE_THAN.search(folded, max(0, m.start() - 16), m.start("y3")):
        return None  # أكثر من 2000، ما يزيد عن 1500: a count, whatever follows it
    calendar = _era(m) or "gregorian"
    p = periods.year(number, _part(m), by_name(calendar))
    return None if p is None else Value(p, False, calendar)


def _year_range(m, anchor, folded) -> Value | None:
    first, last = int(m.group("ya")), int(m.group("yb"))
    conn = m.group("conn").strip()
    if not first < last <= first + 100:
        return None
    if not (m.group("lead") or m.group("yn") or conn in ("-", "–")):
        return None  # 2019 و2020 alone: two years, each its own
    if conn == "و" and not (m.group("yn") or _name(m.group("lead") or "") in ("بين", "ما بين")):
        return None
    if _followed_by_count(folded, m.end()):
        return None  # بين 2000 و2500 جندي: counts
    a, b = periods.year(first), periods.year(last)
    return Value(periods.span(a.start, b.end, "year"), False)


_ARAB_SPRING = re.compile(r"\s+العربي(?!\w)")


def _season(m, anchor, folded) -> Value | None:
    """صيف 2020، الصيف الماضي، هذا الشتاء; a bare season («خلال الصيف») only in a future clause: the next
    one that has not ended."""
    name = vocabulary().seasons[_name(m.group("season"))]
    if m.group("y"):
        p = periods.season(int(m.group("y")), name)
        return None if p is None else Value(p._replace(qualifier=_part(m)), False)
    bare = not (m.group("rel") or m.group("yrel") or m.group("this") or m.group("this2"))
    if bare and (not _direction(m, folded) or _ARAB_SPRING.match(folded, m.end())):
        return None  # in a report «في الصيف» is no particular season; الربيع العربي is no season at all
    if anchor is None:
        return Value(unresolved("season", _part(m)), True)
    if m.group("yrel") is not None or m.group("this2"):  # صيف العام الماضي، صيف هذا العام
        offset = _rel(m, "yrel") or 0
        p = periods.season(anchor.year + offset, name)
    else:
        around = [periods.season(anchor.year + k, name) for k in (-1, 0, 1, 2)]
        rel = _rel(m) if m.group("rel") else 0
        if rel == -1:  # the last one that has ended
            p = next(p for p in reversed(around) if p.end < anchor)
        elif rel == 1:  # the next one that has not begun
            p = next(p for p in around if p.start > anchor)
        else:  # هذا الصيف، الصيف الجاري: the one of this year; in a future clause, bare, the next not ended
            p = periods.containing(around, anchor, True)
    return Value(p._replace(qualifier=_part(m)), True)


def _fraction(m, anchor, folded) -> Value | None:
    kind = vocabulary().fractions[_name(m.group("frac"))]
    number = _ordinal_value(m.group("od"))
    count = {"quarter": 4, "half": 2, "third": 3}[kind]
    if number == -1:
        number = count
    if number is None or not 1 <= number <= count:
        return None
    make = {"quarter": periods.quarter, "half": periods.half, "third": periods.third}[kind]
    if m.group("y"):
        p = make(int(m.group("y")), number)
        return None if p is None else Value(p, False)
    if not (m.group("yunit") or m.group("this")) and kind != "quarter":
        return None  # النصف الأول alone: the first half of anything
    if anchor is None:
        return Value(unresolved(kind if kind != "third" else "year"), True)
    if m.group("yunit") or m.group("this"):
        p = make(anchor.year + (_rel(m) or 0), number)
    else:
        p = periods.containing([make(anchor.year + k, number) for k in (-1, 0, 1)], anchor, _direction(m, folded))
    return None if p is None else Value(p, True)


def _relative_period(m, anchor, folded) -> Value | None:
    if not (m.group("q") or m.group("rel") or m.group("this")):
        return None  # العام alone is the adjective "general" (القائد العام), الشهر alone is no date
    offset, part = _rel(m) or 0, _part(m)
    precision = vocabulary().units[_name(m.group("unit"))]
    if anchor is None:
        return Value(unresolved(precision, part), True)
    if precision == "month":
        index = anchor.year * 12 + anchor.month - 1 + offset
        p = periods.month(index // 12, index % 12 + 1, part)
    else:
        p = periods.year(anchor.year + offset, part)
    return None if p is None else Value(p, True)


def _relative_week(m, anchor, folded) -> Value | None:
    """هذا الأسبوع، الأسبوع الماضي، الأسبوع المقبل: precision "week", from Monday to Sunday."""
    if not (m.group("rel") or m.group("this") or m.group("q")):
        return None
    if anchor is None:
        return Value(unresolved("week", _part(m)), True)
    monday = anchor - dt.timedelta(days=anchor.weekday())
    return Value(periods.week(monday + dt.timedelta(weeks=_rel(m) or 0), _part(m)), True)


def _weekday_of_week(m, anchor, folded) -> Value | None:
    """ثلاثاء الأسبوع الماضي، الخميس من الأسبوع المقبل: that weekday of the named week."""
    w = vocabulary()
    target = w.weekday_construct[_name(m.group("wdc"))] if m.group("wdc") else w.weekdays[_name(m.group("wd"))]
    if anchor is None:
        return Value(unresolved("day"), True)
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=_rel(m) or 0)
    return Value(periods.day(monday + dt.timedelta(days=target)), True)


def _relative_day(m, anchor, folded) -> Value | None:
    w = vocabulary()
    word = _name(m.group("word"))
    after = folded[m.end():m.end() + 12].split()
    if word == "اليوم" and after and after[0] in w.not_today:
        return None  # اليوم التالي، اليوم الوطني: a day of the story, not the publication day
    if _in_outlet_name(m, folded, w.outlet_days):
        return None  # المصري اليوم، اليوم السابع، عمان- الغد -: an outlet's name
    if m.start() == m.start("word") and _quoted_alone(folded, m.start("word"), m.end("word")):
        return None  # لـ«الغد»: a name in quotation marks (the paper الغد), not tomorrow
    if anchor is None:
        return Value(unresolved("day"), True)
    return Value(periods.day(anchor + dt.timedelta(days=w.days[word])), True)


_OPENING, _CLOSING = "«\"“'", "»\"”'"


def _quoted_alone(folded: str, start: int, end: int) -> bool:
    """The word at folded[start:end] stands alone between quotation marks («الغد»، "اليوم")."""
    return start > 0 and end < len(folded) and folded[start - 1] in _OPENING and folded[end] in _CLOSING


def _in_outlet_name(m, folded: str, names: tuple[str, ...]) -> bool:
    """The match's اليوم is a word of an outlet name written around it."""
    for name in names:
        lo = max(0, m.start("word") - len(name))
        i = folded.find(name, lo, m.end("word") + len(name))
        while i != -1 and i <= m.start("word"):
            if i + len(name) >= m.end("word"):
                return True
            i = folded.find(name, i + 1, m.end("word") + len(name))
    return False


def _weekday(m, anchor, folded) -> Value | None:
    if folded[max(0, m.start() - 5):m.start()].strip().endswith("صلاه"):
        return None  # صلاة الجمعة: the Friday prayer, not a date
    if anchor is None:
        return Value(unresolved("day"), True)
    target, rel = vocabulary().weekdays[_name(m.group("wd"))], _rel(m)
    back = (anchor.weekday() - target) % 7
    if rel == 1:
        return Value(periods.day(anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7)), True)
    if rel is None and _direction(m, folded):
        return Value(periods.day(anchor + dt.timedelta(days=(target - anchor.weekday()) % 7)), True)
    if rel == -1 and back == 0:
        back = 7
    return Value(periods.day(anchor - dt.timedelta(days=back)), True)


def _count(m) -> tuple[float, str] | None:
    """(count, unit) of a counted span: ثلاثة أيام، 15 يوماً، أسبوعين، عام."""
    units = vocabulary().time_units
    if m.group("unit1"):
        unit, n = units[_name(m.group("unit1"))]
        return float(n), unit
    unit, n = units[_name(m.group("unit"))]
    value = value_of(m.group("n"))
    if value is None or value <= 0 or (n is not None and value != n and n != 1):
        return None
    return value, unit


def _anchored_elsewhere(m, folded) -> bool:
    """قبل عامين من الانتخابات، بعد شهر على الاتفاق، منذ عام 2003، قبل شهر رمضان: counted from something
    else than the publication date, or no count at all."""
    w = vocabulary()
    after = folded[m.end():m.end() + 30].split()
    if after and _name(after[0]) in _ONE:
        after = after[1:]  # بعد يوم واحد على تسلمه مهامه
    if not after:
        return False
    first = _name(after[0])
    if _name(after[0].strip("،,.")) != first:
        return False  # the clause ends after the count
    return first in _COUNTED_FROM or first[:1].isdigit() or first in w.months or first in w.weekdays or \
        any(_name(x) in _RELATIVE_PRONOUNS for x in after[1:3]) or \
        (first == "بين" and len(after) > 1 and after[1][:1].isdigit())  # على مدى ثلاثة أيام بين 14 و16 نيسان


_COUNTED_FROM = tuple(normalize(w) for w in ("من", "على", "عن"))  # قبل عامين من، بعد شهر على
_DECADE = normalize("عقد")
_ONE = tuple(normalize(w) for w in ("واحد", "واحدة"))
_RELATIVE_PRONOUNS = tuple(normalize(w) for w in ("فيه", "فيها"))  # a unit described by what happened in it
_PRECISION = {"hour": "day", "day": "day", "week": "week", "month": "month", "year": "year", "decade": "year"}


def _offset(m, anchor, folded) -> Value | None:
    """قبل أسبوعين، منذ ثلاثة أيام، بعد شهرين: the day that many units from the publication date."""
    got = _count(m)
    if got is None or _anchored_elsewhere(m, folded) or got[0] != int(got[0]):
        return None
    n, unit = got
    sign = vocabulary().offsets[_name(m.group("dir"))]
    if sign > 0 and m.group("unit1") and _name(m.group("unit1")) == _DECADE:
        return None  # «بعد عقد اجتماع»: after holding a meeting (عقد, the verbal noun), hardly a decade ahead
    if anchor is None:
        return Value(unresolved(_PRECISION[unit]), True)
    date = periods.shift(anchor, sign * int(n), unit)
    if date is None or not GREGORIAN.years[0] <= date.year <= GREGORIAN.years[1]:
        return None  # منذ 2000 عام: history, not a date of the news
    return Value(periods.day(date, _PRECISION[unit]), True)


def _within(m, anchor, folded) -> Value | None:
    """في غضون أسبوع، خلال ثلاثة أشهر in a future clause: from the publication date on (in a report of what
    happened, خلال ثلاثة أشهر is a duration, not a date)."""
    got = _count(m)
    if got is None or _anchored_elsewhere(m, folded) or got[0] != int(got[0]) or not _direction(m, folded):
        return None
    n, unit = got
    if anchor is None:
        return Value(unresolved(_PRECISION[unit]), True)
    end = _counted_end(anchor, int(n), unit)
    return None if end is None else Value(periods.span(anchor, end, _PRECISION[unit]), True)


def _span(m, anchor, folded) -> Value | None:
    """الأشهر الستة المقبلة، العامين الماضيين، الساعات الـ24 الماضية: the span from or to the publication date."""
    w = vocabulary()
    if m.group("dual"):
        unit, n = w.time_units[_name(m.group("dual"))]
    else:
        unit = w.time_units[_name(m.group("unit") or m.group("unit2"))][0]
        n = value_of((m.group("n") or m.group("n2")).replace(" ", ""))
        if n is None or n <= 1 or n != int(n):
            return None
    sign = w.span_modifiers[_name(m.group("srel"))]
    if anchor is None:
        return Value(unresolved(_PRECISION[unit]), True)
    other = _counted_end(anchor, sign * int(n), unit)
    if other is None:
        return None
    start, end = (other, anchor) if sign < 0 else (anchor, other)
    return Value(periods.span(start, end, _PRECISION[unit]), True)


def _counted_end(anchor: dt.date, count: int, unit: str) -> dt.date | None:
    """The other end of N units counted from the publication date, both ends in the span: «الأشهر الستة
    المقبلة» on 7 April ends on 6 October, «الأيام الثلاثة الماضية» starts two days before. Hours count
    in whole days: «الساعات الـ24 الماضية» is the day before and the day itself."""
    other = periods.shift(anchor, count, unit)
    if other is None or unit == "hour":
        return other
    return other - dt.timedelta(days=1 if count > 0 else -1)
