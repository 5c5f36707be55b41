"""Numbers in Arabic text: digits (ASCII or Arabic-Indic, with separators), digit + scale word
(3 آلاف), percentages (% and ٪), and number words (ثلاثة آلاف، ألفين وخمسمئة، خمسة آلاف ومئتي).

Works on folded text (`text.normalize_spans`), where Arabic-Indic digits are already ASCII.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from . import lexicons
from .text import Normalized, normalize, trie_pattern


class Number(NamedTuple):
    """A number found in folded text: its span there, value, and whether it is a percentage."""

    start: int
    end: int
    value: float
    percent: bool
    words: bool  # written in words rather than digits


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[int, str]]:
    table = lexicons.table("numbers")
    return {normalize(w): (int(v), k) for w, v, k in zip(table["word"], table["value"], table["kind"])}


_PER_HUNDRED = normalize(r"(?:في\s*(?:المئة|المائة|المية)|بال(?:مئة|مائة))(?!\w)")
_SCALE = r"(?:الف|الفا|الاف|مليون|ملايين|مليار)"
# The lookbehind (no letter, digit or separator before the number) comes after the first digit, so that
# re jumps from digit to digit instead of trying the pattern at every character (3x faster).
_DIGITS = re.compile(
    r"(?P<num>\d(?<![\w.,]\d)(?:\d{0,2}(?:,\d{3})+(?!\d)|\d*(?:\.\d+)?))"
    rf"(?:\s*(?P<scale>{_SCALE})(?!\w)(?:\s+و\s*(?P<extra>\d+)(?!\d))?)?"
    rf"(?P<pct>\s*%|\s*{_PER_HUNDRED})?"
)
_PERCENT_AFTER = re.compile(rf"\s*(?:%|{_PER_HUNDRED})")
_SCALES = {"الف": 1000, "الفا": 1000, "الاف": 1000, "مليون": 10**6, "ملايين": 10**6, "مليار": 10**9}


def find_numbers(folded: str, norm: Normalized | None = None) -> list[Number]:
    """All numbers in folded text, in order; number words are grouped into one value. `norm`, the
    `Normalized` whose text is `folded`, lets number words be looked up among its words (faster)."""
    found = [_from_digits(m) for m in _DIGITS.finditer(folded)]
    found += [w for w in _from_words(folded, norm) if not any(d.start <= w.start < d.end for d in found)]
    return sorted(found, key=lambda n: n.start)


def _from_digits(m: re.Match[str]) -> Number:
    value = float(m.group("num").replace(",", ""))
    if m.group("scale"):
        value *= _SCALES[m.group("scale")]
        if m.group("extra"):
            value += float(m.group("extra"))
    return Number(m.start(), m.end(), value, bool(m.group("pct")), False)


def _lookup(token: str) -> tuple[int, str] | None:
    """(value, kind) of a number word, allowing the conjunction و and preposition ب before it."""
    words = _words()
    token = token.strip("،,.؛:")
    if token in words:
        return words[token]
    if token[:1] in ("و", "ب") and token[1:] in words:
        return words[token[1:]]
    return None


@lru_cache(maxsize=1)
def _word_pattern() -> re.Pattern[str]:
    """Tokens that may be number words (with و or ب before them): a cheap filter before the lookup."""
    return re.compile(rf"(?<!\S)[وب]?(?:{trie_pattern(_words())})[،,.؛:]?(?!\S)")


@lru_cache(maxsize=1)
def _word_forms() -> frozenset[str]:
    """Number words as whole words of a text, with و or ب before them."""
    return frozenset(p + w for w in _words() for p in ("", "و", "ب"))


def _word_matches(folded: str, norm: Normalized | None):
    """What `_word_pattern().finditer(folded)` gives; with `norm`, tried only at its number words."""
    if norm is None:
        return _word_pattern().finditer(folded)
    return norm.matches_at_words(_word_pattern(), _word_forms())


def _from_words(folded: str, norm: Normalized | None = None) -> list[Number]:
    out: list[Number] = []
    run: list[tuple[re.Match[str], tuple[int, str]]] = []
    last_end = -1
    for m in _word_matches(folded, norm):
        if run and folded[last_end:m.start()].strip():
            out.extend(_close(run, folded))  # a word between: the run of number words ended
            run = []
        last_end = m.end()
        hit = _lookup(m.group())
        if hit is not None and not (run and m.group()[:1] not in "و" and _ends_clause(run[-1][0].group())):
            run.append((m, hit))
            continue
        out.extend(_close(run, folded))
        run = [(m, hit)] if hit is not None else []
    out.extend(_close(run, folded))
    return out


def _ends_clause(token: str) -> bool:
    return token[-1:] in "،,.؛:"


def _close(run, folded: str) -> list[Number]:
    if not run:
        return []
    if run[0][1][1] == "thousand_plural":
        run = run[1:]  # آلاف الجنود: "thousands of", not a figure
        if not run:
            return []
    total, current = 0, 0
    for _, (value, kind) in run:
        if kind in ("unit", "ten", "value") and not (kind == "value" and value >= 1000):
            current += value
        elif kind == "value":  # ألفين: a complete thousands figure
            total += current * 1000 if current else value
            current = 0
        elif kind == "hundred":
            current = (current or 1) * value
        elif kind in ("thousand", "thousand_plural"):
            total += (current or 1) * value
            current = 0
    start = run[0][0].start()
    end = run[-1][0].end()
    while end > start and folded[end - 1] in "،,.؛:":
        end -= 1
    pct = _PERCENT_AFTER.match(folded[end:end + 12])
    if pct:
        end += pct.end()
    return [Number(start, end, float(total + current), bool(pct), True)]
