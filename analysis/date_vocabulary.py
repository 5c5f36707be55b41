"""The words date expressions are made of, read once from `data/months.csv` and `data/date_words.csv`.

Every word list a date rule uses is a `kind` of `data/date_words.csv` (with its source), folded for matching
(`text.normalize`): weekdays, modifiers (الماضي، المقبل، الجاري), part-of-period qualifiers (مطلع، منتصف،
نهاية), relative days (اليوم، أمس), parts of the day (فجر، مساء), the period nouns (العام، الشهر، الأسبوع),
demonstratives (هذا، هذه) and the prepositions that make a bare year a date (في، منذ).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import lexicons
from .text import normalize


@dataclass(frozen=True)
class Vocabulary:
    months: dict[str, int]
    needs_context: frozenset[str]
    weekdays: dict[str, int]
    modifiers: dict[str, int]
    qualifiers: dict[str, str]
    days: dict[str, int]
    dayparts: tuple[str, ...]
    units: dict[str, str]
    this: tuple[str, ...]
    prepositions: tuple[str, ...]
    month_nouns: tuple[str, ...]


def kind(name: str) -> list[tuple[str, str]]:
    """(folded word, value) of every row of `data/date_words.csv` of that kind, in table order."""
    table = lexicons.table("date_words")
    rows = table[table["kind"] == name]
    return [(normalize(w), v) for w, v in zip(rows["word"], rows["value"])]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    months = lexicons.table("months")
    return Vocabulary(
        months={normalize(n).lower(): int(m) for n, m in zip(months["name"], months["month"])},
        needs_context=frozenset(normalize(n).lower() for n, c in zip(months["name"], months["needs_context"]) if c == "1"),
        weekdays={w: int(v) for w, v in kind("weekday")},
        modifiers={w: int(v) for k in ("past", "future", "current") for w, v in kind(k)},
        qualifiers=dict(kind("qualifier")),
        days={w: int(v) for w, v in kind("day")},
        dayparts=tuple(w for w, _ in kind("daypart")),
        units=dict(kind("unit")),
        this=tuple(w for w, _ in kind("this")),
        prepositions=tuple(w for w, _ in kind("preposition")),
        month_nouns=tuple(w for w, _ in kind("month_noun")),
    )
