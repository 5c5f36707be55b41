"""Two neighbouring date expressions that are one: a weekday and its date, a Hijri date and its Gregorian
equivalent, and the two ends of a range.

- «الأحد الموافق 25 تموز»، «اليوم الأربعاء»، «25 تموز (الأحد)»: one day; a weekday that does not match the
  date is noted in the row (`note`), the date is kept;
- «15 ذو الحجة 1442هـ الموافق 25 يوليو 2021م»: one day, its value the Gregorian date the text gives
  (calendar hijri); a converter's day more than one day off is noted;
- «من 28 حزيران إلى 2 تموز 2021»، «بين حزيران وآب»، «منذ آذار وحتى أيار»: one interval from the start of the
  first to the end of the second, its point its start; the first end takes its year from the second when
  only the second has one (also when there is no publication date to resolve it by).

Joining words are kinds of `data/date_words.csv`: same_day (الموافق), range_from (من، بين) and range_to
(إلى، حتى، و). A join runs on the expressions the rules found, after overlaps are settled.

`same_year` then gives a date written without its year the year it is said to be in: that of a year
expression right after it and من («آب من العام الماضي»، «أيلول من العام المقبل»: one date), or, before
«من العام نفسه» (same_year in date_words.csv), that of the latest date before it that states one («في 29
تشرين الأول 2019 … في 17 تشرين الأول من العام نفسه»: 2019), the phrase included in its span (with no
such date before it, it is left as the rules resolved it). A yearless day or month before «و» and a date
that states its year takes that year («في حزيران وآب 2020»، «في يونيو وأغسطس من العام الماضي»): each
stays a date of its own.

`edge_days` last makes a period written after «آخر يوم من»، «أول يوم من» (edge_day in date_words.csv) that
one day, its rule `edge_day+<rule>` («آخر يوم من السنة الجارية»: 31 December), and `paired_months` reads a
dual modifier after two months as said of both («بين حزيران وآب الماضيين»: the last such pair).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from . import periods
from .date_rules import Value
from .date_vocabulary import vocabulary
from .text import trie_pattern

Found = tuple[int, int, str, Value]  # folded start, end, rule, value

_WEEKDAY_RULES = ("weekday",)
_RELATIVE_DAY_RULES = ("relative_day",)


@lru_cache(maxsize=1)
def _gaps() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    w = vocabulary()
    same = re.compile(rf"\s*[،,(\-–]?\s*(?:(?:{trie_pattern(w.same_day)})(?!\w)\s*(?:ل\s*)?)?\(?\s*")
    to = re.compile(rf"\s*(?:[-–]|(?:{trie_pattern(w.range_to)})(?!\w)|و)\s*")
    before = re.compile(rf"(?<!\w)(?P<lead>{trie_pattern(w.range_from)})\s*$")
    return same, to, before


def join(found: list[Found], folded: str, resolve_at=None) -> list[Found]:
    """`found` (in text order, not overlapping) with each joinable pair made one expression.
    `resolve_at(start, end, anchor)` resolves the expression at folded [start, end) again from another
    anchor (the first end of a range from its second when there is no publication date), or is None."""
    out: list[Found] = []
    for item in found:
        if out:
            merged = _same_day(out[-1], item, folded) or _range(out[-1], item, folded, resolve_at)
            if merged is not None:
                out[-1] = merged
                continue
        out.append(item)
    return out


def _same_day(a: Found, b: Found, folded: str) -> Found | None:
    same, _, _ = _gaps()
    gap = folded[a[1]:b[0]]
    if not same.fullmatch(gap) or len(gap) > 24:
        return None
    va, vb = a[3], b[3]
    pa, pb = va.period, vb.period
    end = b[1] + 1 if "(" in gap and folded[b[1]:b[1] + 1] == ")" else b[1]
    if a[2] in _WEEKDAY_RULES and pb.precision == "day" and b[2] not in _WEEKDAY_RULES + _RELATIVE_DAY_RULES:
        if vb.relative and pb.date is not None and _mismatch(folded[a[0]:a[1]], pa.date, pb.date):
            vb = _fitting_year(vb, folded[a[0]:a[1]])  # «الأحد الموافق 25 تموز»: the year it is a Sunday
        note = _mismatch(folded[a[0]:a[1]], pa.date, vb.period.date) or vb.note
        return a[0], end, f"weekday+{b[2]}", vb._replace(note=note)
    if a[2].startswith(_RELATIVE_DAY_RULES) and pb.precision == "day" and pb.date is not None and \
            b[2] not in _WEEKDAY_RULES + _RELATIVE_DAY_RULES and "\n" not in gap and \
            (_said_same(gap) or _starts_with_weekday(folded, b)):
        # «بعد غد الجمعة، الموافق 24 ديسمبر»، «غداً الخميس 23 ديسمبر»: one day, the date the text gives, in
        # the year nearest the relative day when it gives none; a relative day that differs is noted
        if vb.relative and pa.date is not None:
            vb = _nearest_year(vb, pa.date)
        note = vb.note
        if pa.date is not None and pa.date != vb.period.date:
            note = f"the relative day is {pa.date.isoformat()}; the date the text gives is kept"
        return a[0], end, f"{a[2]}+{b[2]}", vb._replace(note=note)
    if a[2] in _RELATIVE_DAY_RULES and b[2] in _WEEKDAY_RULES and gap.strip() in ("", "،", ","):
        return a[0], end, f"{a[2]}+weekday", va._replace(note=_mismatch(folded[b[0]:b[1]], pb.date, pa.date))
    if pa.precision == "day" and b[2] in _WEEKDAY_RULES and "(" in gap:
        return a[0], end, f"{a[2]}+weekday", va._replace(note=_mismatch(folded[b[0]:b[1]], pb.date, pa.date))
    if pa.precision == pb.precision and va.calendar != vb.calendar and (gap.strip() not in ("", "،", ",")):
        hijri, gregorian = (va, vb) if va.calendar == "hijri" else (vb, va)
        note = None
        if hijri.period.date and gregorian.period.date and abs((hijri.period.date - gregorian.period.date).days) > 1:
            note = (f"the Hijri date converts to {hijri.period.date.isoformat()}, the text gives "
                    f"{gregorian.period.date.isoformat()}; the text's date is kept")
        return a[0], end, f"{a[2]}+{b[2]}", Value(gregorian.period, gregorian.relative, "hijri", note)
    return None


def _starts_with_weekday(folded: str, b: Found) -> bool:
    return any(folded.startswith(w, b[0]) for w in vocabulary().weekdays)


def _nearest_year(value: Value, near) -> Value:
    """A yearless day moved to the year (that before, its own, or after) that puts it nearest `near`."""
    date = value.period.date
    best = min(_in_years(date, (date.year - 1, date.year, date.year + 1)), key=lambda d: abs((d - near).days))
    return value._replace(period=periods.day(best))


def _in_years(date, years):
    """The day and month of `date` in each of `years` that has it (29 February only in leap years)."""
    for year in years:
        try:
            yield date.replace(year=year)
        except ValueError:
            pass


def _said_same(gap: str) -> bool:
    """Whether the gap between two expressions holds a same-day word (الموافق), not only punctuation."""
    return gap.strip(" \t\n،,(-–") != ""


def _fitting_year(value: Value, weekday_text: str) -> Value:
    """A yearless day moved to the year before or after when the weekday beside it fits that one only."""
    date = value.period.date
    fits = [moved for moved in _in_years(date, (date.year - 1, date.year + 1)) if not _mismatch(weekday_text, moved, moved)]
    return value._replace(period=periods.day(fits[0])) if len(fits) == 1 else value


def _mismatch(weekday_text: str, weekday_date, date) -> str | None:
    """A note when the weekday the text names is not the weekday of the date."""
    if weekday_date is None or date is None:
        return None
    said = next((v for w, v in vocabulary().weekdays.items() if w in weekday_text.lower()), None)
    if said is None or said == date.weekday():
        return None
    return f"the weekday in the text does not match {date.isoformat()} (a {date.strftime('%A')}); the date is kept"


def _range(a: Found, b: Found, folded: str, resolve_at=None) -> Found | None:
    _, to, before = _gaps()
    gap = folded[a[1]:b[0]]
    lead = before.search(folded, max(0, a[0] - 12), a[0])
    va, vb = a[3], b[3]
    pa, pb = va.period, vb.period
    if lead is None or not to.fullmatch(gap) or pa.precision != pb.precision or pa.precision not in ("day", "month", "year"):
        return None
    if gap.strip() == "و" and lead.group("lead") not in ("بين", "ما بين"):
        return None
    if va.calendar != vb.calendar or "weekday" in a[2] or "weekday" in b[2]:
        return None
    if pa.start is None and pb.start is not None and not vb.relative and resolve_at is not None:
        again = resolve_at(a[0], a[1], pb.end)  # بين حزيران وآب 2020 with no publication date: June 2020
        if again is not None and again.period.start is not None:
            va, pa = again._replace(relative=False), again.period
    if pa.start is None or pb.start is None:
        return a[0], b[1], "range", Value(periods.unresolved(pa.precision), True, va.calendar)
    start = pa.start
    if va.relative and not vb.relative and va.calendar == "gregorian":  # من 28 حزيران إلى 2 تموز 2021
        start = _year_of(pa.start, pb.start)
    if start is None or start > pb.end:
        return None
    return a[0], b[1], "range", Value(periods.span(start, pb.end, pa.precision), va.relative and vb.relative,
                                      va.calendar)


def _year_of(first, last):
    """The first end of a range in the year of the second (the year before when it would come after it)."""
    try:
        moved = first.replace(year=last.year)
        return moved if moved <= last else moved.replace(year=last.year - 1)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _same_year() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{trie_pattern(vocabulary().same_year)})(?!\w)")


_OF = re.compile(r"\s*من\s+")


def same_year(found: list[Found], folded: str, resolve_at=None) -> list[Found]:
    """`found` with each yearless day or month given the year it is said to be in: the year expression
    right after it (آب من العام الماضي، أيلول من العام المقبل), or, before «من العام نفسه», the year of the
    latest date before it that states its year, or, coordinated with و to a date that states its year,
    that one's year (see the module docstring). With `resolve_at` (see `join`), a day or month left
    unresolved for want of a publication date gets that year too."""
    out: list[Found] = []
    days: list[periods.Period | None] = []  # for each item of out, its yearless day or month, if it is one
    year = None  # the year of the latest date that states one
    k = 0
    while k < len(found):
        start, end, rule, value = found[k]
        p = _yearless(found[k], resolve_at)
        item, stated = (start, end, rule, value), not value.relative and value.period.date is not None
        if p is not None and k + 1 < len(found) and found[k + 1][3].period.precision == "year" and \
                _OF.fullmatch(folded, end, found[k + 1][0]):
            _, y_end, _, y_value = found[k + 1]  # آب من العام الماضي: August of that year
            if y_value.period.date is None:  # (no publication date: one date, unresolved as its year is)
                item = (start, y_end, rule, value._replace(period=periods.unresolved(p.precision), relative=True))
                k += 1
            elif (moved := _in_year(p, y_value.period.date.year)) is not None:
                item, stated = (start, y_end, rule, value._replace(period=moved, relative=y_value.relative)), True
                k += 1
        if p is not None and not stated and year is not None and (m := _same_year().match(folded, end)) is not None:
            moved = _in_year(p, year)
            if moved is not None:
                item, stated = (start, m.end(), rule, value._replace(period=moved, relative=False)), True
        if stated:
            year = item[3].period.date.year
            if out and days[-1] is not None and _AND.fullmatch(folded, out[-1][1], start):
                out[-1] = _coordinated(out[-1], days[-1], item[3])
        out.append(item)
        days.append(None if stated else p)
        k += 1
    return out


_ANY_DAY = dt.date(2000, 1, 1)  # an anchor to learn which day or month an unresolved expression names


def _yearless(item: Found, resolve_at) -> periods.Period | None:
    """The day or month a yearless expression names (in some year), or None when it is not one."""
    start, end, _, value = item
    p = value.period
    if not value.relative or p.precision not in ("day", "month"):
        return None
    if p.date is None and resolve_at is not None:
        again = resolve_at(start, end, _ANY_DAY)
        p = again.period if again is not None and again.period.precision == p.precision else p
    return p if p.date is not None else None


_AND = re.compile(r"\s*و\s*")


def _coordinated(first: Found, day: periods.Period, second: Value) -> Found:
    """A yearless day or month (`day`) before «و» and a date that states its year («في حزيران وآب 2020»،
    «في يونيو وأغسطس من العام الماضي»): the first in the second's year, the year before when it would come
    after the second (كانون الأول وكانون الثاني 2021). Anything else before «و» is left as it is."""
    start, end, rule, value = first
    q = second.period
    if q.precision not in ("day", "month") or q.start is None:
        return first
    moved = _in_year(day, q.start.year)
    if moved is not None and moved.start > q.start:
        moved = _in_year(day, q.start.year - 1)
    if moved is None:
        return first
    return start, end, rule, value._replace(period=moved, relative=second.relative)


def _in_year(p: periods.Period, year: int) -> periods.Period | None:
    """The same day or month in another year (None for a 29 February the year lacks)."""
    try:
        return p._replace(date=p.date.replace(year=year), start=p.start.replace(year=year),
                          end=p.end.replace(year=year))
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _edge_day() -> re.Pattern[str]:
    """«آخر يوم من»، «اليوم الأول من» right before an expression (a preposition في may precede the period)."""
    return re.compile(rf"(?<!\w)(?P<edge>{trie_pattern(vocabulary().edge_days)})\s+(?:في\s+)?$")


def edge_days(found: list[Found], folded: str) -> list[Found]:
    """`found` with each month, year, week or season written after «آخر يوم من»، «أول يوم من» made that
    one day, the phrase in its span («مع حلول آخر يوم من السنة الجارية»: 31 December)."""
    out = []
    for start, end, rule, value in found:
        p = value.period
        m = _edge_day().search(folded, max(0, start - 24), start) if p.precision != "day" else None
        if m is not None and p.start is not None:
            day = p.start if vocabulary().edge_days[m.group("edge")] == "first" else p.end
            out.append((m.start(), end, f"edge_day+{rule}", value._replace(period=periods.day(day))))
        elif m is not None:  # no publication date to resolve it by: the day, unresolved
            out.append((m.start(), end, f"edge_day+{rule}", value._replace(period=periods.unresolved("day"))))
        else:
            out.append((start, end, rule, value))
    return out


@lru_cache(maxsize=1)
def _dual_modifier() -> re.Pattern[str]:
    """A dual past or future modifier (الماضيين، المقبلين …: span_past / span_future in date_words.csv)."""
    duals = [w for w in vocabulary().span_modifiers if w.endswith(("ين", "تين"))]
    return re.compile(rf"\s+(?P<dual>{trie_pattern(duals)})(?!\w)")


def paired_months(found: list[Found], folded: str, published: dt.date | None) -> list[Found]:
    """Two yearless months and a dual modifier after them, as a range («بين حزيران وآب الماضيين») or
    joined by و («في أيار وحزيران المقبلين»): the latest pair that has ended before the publication month
    (past) or the first that begins after it (future), the modifier in the span of the second. Without a
    publication date they are left as they are."""
    if published is None:
        return found
    out = list(found)
    for k, (start, end, rule, value) in enumerate(found):
        m = _dual_modifier().match(folded, end)
        if m is None or not value.relative or value.period.precision != "month" or value.period.start is None:
            continue
        sign = vocabulary().span_modifiers[m.group("dual")]
        if rule == "range":
            first, second = value.period.start.month, value.period.end.month
        elif k > 0 and _AND.fullmatch(folded, found[k - 1][1], start) and found[k - 1][3].relative and \
                found[k - 1][3].period.precision == "month" and found[k - 1][3].period.start is not None:
            first, second = found[k - 1][3].period.start.month, value.period.start.month
        else:
            continue
        years = _pair_years(first, second, published, sign)
        if years is None:
            continue
        a, b = periods.month(years[0], first), periods.month(years[1], second)
        if rule == "range":
            out[k] = (start, m.end(), rule, value._replace(period=periods.span(a.start, b.end, "month")))
        else:
            out[k - 1] = found[k - 1][:3] + (found[k - 1][3]._replace(period=a),)
            out[k] = (start, m.end(), rule, value._replace(period=b))
    return out


def _pair_years(first: int, second: int, published: dt.date, sign: int) -> tuple[int, int] | None:
    """The years of months `first` … `second` (the first in the year before when it comes later in the
    year): the latest pair ending before the publication month (sign -1), the first starting after it."""
    this = (published.year, published.month)
    pairs = [(y - (first > second), y) for y in range(published.year - 2, published.year + 3)]
    if sign < 0:
        before = [p for p in pairs if (p[1], second) < this]
        return before[-1] if before else None
    after = [p for p in pairs if (p[0], first) > this]
    return after[0] if after else None
