"""The words date expressions are made of, read once from `data/months.csv`, `data/date_words.csv`,
`data/time_units.csv` and `data/day_ordinals.csv`, folded for matching (`text.normalize`).

Every word list a date rule uses is a `kind` of `data/date_words.csv` (with its source): weekdays,
modifiers (الماضي/الماضية، المقبل/المقبلة، الجاري/الجارية), part-of-period qualifiers (مطلع، منتصف، نهاية),
relative days (اليوم، أمس، غداً), parts of the day (فجر، مساء), the period nouns (العام، السنة، الشهر،
الأسبوع), demonstratives (هذا، هذه), the words that make a bare year a date (في، منذ، عام، اتفاق …),
era marks (م، هـ), seasons, fractions of a year (الربع، النصف، الثلث), offsets and spans (قبل، منذ، بعد،
خلال، في غضون), and the words that join two expressions into one (الموافق) or into a range (من … إلى).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import lexicons
from .text import normalize, trie_pattern


def kind(name: str) -> list[tuple[str, str]]:
    """(folded word, value) of every row of `data/date_words.csv` of that kind, in table order."""
    table = lexicons.table("date_words")
    rows = table[table["kind"] == name]
    return [(" ".join(normalize(w).split()), v) for w, v in zip(rows["word"], rows["value"])]


def words(*kinds: str) -> tuple[str, ...]:
    return tuple(w for k in kinds for w, _ in kind(k))


@dataclass(frozen=True)
class Vocabulary:
    months: dict[str, int]  # folded, lower-case month name → month number
    month_calendar: dict[str, str]  # → "gregorian" | "hijri"
    needs_context: frozenset[str]
    weekdays: dict[str, int]  # Python weekday numbers (Monday 0)
    weekday_construct: dict[str, int]
    modifiers: dict[str, int]  # -1 past, 0 current, 1 future
    span_modifiers: dict[str, int]
    qualifiers: dict[str, str]
    days: dict[str, int]
    not_today: frozenset[str]
    dayparts: tuple[str, ...]
    units: dict[str, str]
    this: tuple[str, ...]
    prepositions: tuple[str, ...]
    month_nouns: tuple[str, ...]
    year_nouns: tuple[str, ...]
    year_events: tuple[str, ...]
    gregorian_marks: tuple[str, ...]
    hijri_marks: tuple[str, ...]
    hijri_epithets: tuple[str, ...]
    seasons: dict[str, str]
    season_nouns: tuple[str, ...]
    fractions: dict[str, str]
    offsets: dict[str, int]  # قبل/منذ -1, بعد +1
    within: tuple[str, ...]
    about: tuple[str, ...]
    same_day: tuple[str, ...]
    same_year: tuple[str, ...]
    range_from: tuple[str, ...]
    range_to: tuple[str, ...]
    count_nouns: frozenset[str]
    time_units: dict[str, tuple[str, int | None]]  # word → (unit, count: 1 singular, 2 dual, None plural)
    ordinals: dict[str, tuple[int, str]]  # day ordinal word → (value, form)
    edge_days: dict[str, str] = None  # أول يوم من → first, آخر يوم من → last (folded)
    outlet_days: tuple[str, ...] = ()  # outlet names that hold اليوم (المصري اليوم، اليوم السابع), folded


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    months = lexicons.table("months")
    units = lexicons.table("time_units")
    ordinals = lexicons.table("day_ordinals")
    return Vocabulary(
        months={normalize(n).lower(): int(m) for n, m in zip(months["name"], months["month"])},
        month_calendar={normalize(n).lower(): ("hijri" if f == "hijri" else "gregorian")
                        for n, f in zip(months["name"], months["family"])},
        needs_context=frozenset(normalize(n).lower() for n, c in zip(months["name"], months["needs_context"]) if c == "1"),
        weekdays={w.lower(): int(v) for w, v in kind("weekday")},
        weekday_construct={w: int(v) for w, v in kind("weekday_construct")},
        modifiers={w: int(v) for k in ("past", "future", "current") for w, v in kind(k)},
        span_modifiers={w: int(v) for k in ("past", "future", "span_past", "span_future") for w, v in kind(k)
                        if k.startswith("span") or w.endswith("ه")},
        qualifiers=dict(kind("qualifier")),
        days={w: int(v) for w, v in kind("day")},
        not_today=frozenset(words("not_today")),
        dayparts=words("daypart"),
        units=dict(kind("unit")),
        this=words("this"),
        prepositions=words("preposition"),
        month_nouns=words("month_noun"),
        year_nouns=words("year_noun"),
        year_events=words("year_event"),
        gregorian_marks=words("gregorian_marker"),
        hijri_marks=words("hijri_marker"),
        hijri_epithets=words("hijri_epithet"),
        seasons=dict(kind("season")),
        season_nouns=words("season_noun"),
        fractions=dict(kind("fraction")),
        offsets={w: int(v) for k in ("ago", "later") for w, v in kind(k)},
        within=words("within"),
        about=words("about"),
        same_day=words("same_day"),
        same_year=words("same_year"),
        range_from=words("range_from"),
        range_to=words("range_to"),
        count_nouns=frozenset(words("count_noun")) | frozenset(
            normalize(w) for w, k in zip(lexicons.table("troop_words")["word"], lexicons.table("troop_words")["kind"])
            if k == "noun"),
        time_units={normalize(w): (u, int(c) if c else None) for w, u, c in zip(units["word"], units["unit"], units["count"])},
        ordinals={normalize(w): (int(v), f) for w, v, f in zip(ordinals["word"], ordinals["value"], ordinals["form"])},
        edge_days={normalize(w): v for w, v in kind("edge_day")},
        outlet_days=_outlet_days(),
    )


def _outlet_days() -> tuple[str, ...]:
    """The Arabic spellings of data/outlets.csv's patterns that hold a relative day (اليوم، الغد): there it
    is part of a name, not "today" (قال لـ«المصري اليوم»، اليوم السابع، - الغد -), as the pattern writes it
    (بغداد اليوم -); not with a bare name beside it and no dash (أعلنت روسيا اليوم: "Russia announced
    today"), and never the word alone."""
    table = lexicons.table("outlets")
    days = {normalize(w) for w, _ in kind("day")}
    names = {" ".join(normalize(a).split()) for p in table["pattern"] for a in p.split("|") if "\\" not in a}
    return tuple(sorted(n for n in names if days & set(n.split())  # a bare name before اليوم may be a subject
                        and len(n.split()) > 1 and (n.endswith("-") or all(w.startswith("ال") for w in n.split()))))


def alternation(items) -> str:
    """A regex of any of `items` (a trie)."""
    return trie_pattern(items)
