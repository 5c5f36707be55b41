"""Numbers in Arabic text: digits (ASCII or Arabic-Indic, with separators and decimals: 0.5، ٣٫٥), a
minus sign (-5), digit + scale word (3 آلاف، 2.5 مليون), percentages (% and ٪), and number words
(ثلاثة آلاف، ألفين وخمسمئة، خمسة آلاف ومئتي، أحد عشر، اثنتا عشرة، أربعة و عشرون with a space after و،
مليونان، صفر، ثلاثة فاصلة خمسة).

Works on folded text (`text.normalize_spans`), where Arabic-Indic digits are already ASCII. Every number
word and scale word is a row of `data/numbers.csv`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from . import lexicons
from .text import Normalized, WordSieve, matches_at, normalize, trie_pattern


class Number(NamedTuple):
    """A number found in folded text: its span there, value, and whether it is a percentage."""

    start: int
    end: int
    value: float
    percent: bool
    words: bool  # written in words rather than digits


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[int, str]]:
    """Each number word or phrase of `data/numbers.csv`, folded (one space between words): (value, kind)."""
    table = lexicons.table("numbers")
    return {" ".join(normalize(w).split()): (int(v), k) for w, v, k in zip(table["word"], table["value"], table["kind"])}


@lru_cache(maxsize=1)
def _scales() -> dict[str, int]:
    """The scale words a digit may stand before (3 آلاف، 2.5 مليون): the thousand rows of numbers.csv."""
    return {w: v for w, (v, k) in _words().items() if k in ("thousand", "thousand_plural")}


_PER_HUNDRED = normalize(r"(?:في\s*(?:المئة|المائة|المية)|بال(?:مئة|مائة))(?!\w)")


@lru_cache(maxsize=1)
def _digits() -> re.Pattern[str]:
    """A number in digits with its scale word and percent sign. The lookbehind (no letter, digit or
    separator before the number) comes after the first digit, so that re jumps from digit to digit
    instead of trying the pattern at every character (3x faster)."""
    return re.compile(
        r"(?P<num>\d(?<![\w.,]\d)(?:\d{0,2}(?:,\d{3})+(?!\d)|\d*(?:\.\d+)?))"
        rf"(?:\s*(?P<scale>{trie_pattern(_scales())})(?!\w)(?:\s+و\s*(?P<extra>\d+)(?!\d))?)?"
        rf"(?P<pct>\s*%|\s*{_PER_HUNDRED})?"
    )


_DIGITS = _digits()  # (tests/test_troops.py checks its fast lookbehind)
_PERCENT_AFTER = re.compile(rf"\s*(?:%|{_PER_HUNDRED})")
_MINUS = "-\u2212"  # hyphen-minus and the minus sign, right before the digits


# the first digit of a run of digits; as in _DIGITS the lookbehind comes after the digit, so re jumps
# from digit to digit
_DIGIT_RUN = re.compile(r"\d(?<!\d\d)")


def digit_runs(folded: str, norm: Normalized | None = None) -> list[int]:
    """Where each run of digits starts in folded text (for `find_numbers` and its callers). With `norm`,
    the `Normalized` whose text is `folded`, read from its words: a digit is a word character, so a run
    stands inside one of the words that are not all letters (few), at the offsets it has in that word;
    else one scan of the text."""
    if norm is None:
        return [m.start() for m in _DIGIT_RUN.finditer(folded)]
    words = _WITH_DIGITS.among(norm.word_set)
    return [pos + offset for pos, word in norm.word_positions(words) for offset in _runs_in_word(word)]


def digit_run_spans(norm: Normalized) -> list[tuple[int, int]]:
    """(start, end) of each run of digits in the folded text of `norm`, in text order (what
    `re.finditer(r"\\d+", norm.text)` gives), read from its words like `digit_runs`."""
    words = _WITH_DIGITS.among(norm.word_set)
    return [(pos + start, pos + end) for pos, word in norm.word_positions(words) for start, end in _run_spans_in_word(word)]


@lru_cache(maxsize=4096)
def _run_spans_in_word(word: str) -> tuple[tuple[int, int], ...]:
    """(start, end) in `word` (a whole word) of each run of digits."""
    return tuple(m.span() for m in _DIGIT_SPAN.finditer(word))


_DIGIT_SPAN = re.compile(r"\d\d*")


# the words that hold a digit, each word looked at once (most words of a text were seen before)
_WITH_DIGITS = WordSieve(lambda word: bool(_runs_in_word(word)), limit=200_000)


@lru_cache(maxsize=4096)
def _runs_in_word(word: str) -> tuple[int, ...]:
    """The offsets in `word` (a whole word) where a run of digits starts (none for a word of letters)."""
    if word.isalpha():
        return ()
    return tuple(m.start() for m in _DIGIT_RUN.finditer(word))


def find_numbers(folded: str, norm: Normalized | None = None, runs: list[int] | None = None) -> list[Number]:
    """All numbers in folded text, in order; number words are grouped into one value. `norm`, the
    `Normalized` whose text is `folded`, lets number words be looked up among its words (faster);
    `runs`, its `digit_runs`, lets the digits be read only where they stand."""
    digits = _DIGITS.finditer(folded) if runs is None else matches_at(_DIGITS, folded, runs)  # (a number starts
    # where a run of digits does: its lookbehind allows no digit before it)
    found = [_from_digits(m, folded) for m in digits]
    found += [w for w in _from_words(folded, norm) if not any(d.start <= w.start < d.end for d in found)]
    return sorted(found, key=lambda n: n.start)


def _from_digits(m: re.Match[str], folded: str) -> Number:
    value = float(m.group("num").replace(",", ""))
    if m.group("scale"):
        value *= _scales()[m.group("scale")]
        if m.group("extra"):
            value += float(m.group("extra"))
    start = m.start()
    if _negative(folded, start):
        value, start = -value, start - 1
    return Number(start, m.end(), value, bool(m.group("pct")), False)


def _negative(folded: str, start: int) -> bool:
    """A minus sign right before the digits, itself after a space, a bracket or the start (-5، (−3)), and
    not after a number (2019-2021 and 13 - 15 are ranges)."""
    if start == 0 or folded[start - 1] not in _MINUS:
        return False
    before = folded[:start - 1].rstrip()
    if start - 1 > 0 and not (folded[start - 2].isspace() or folded[start - 2] in "(["):
        return False
    return not before[-1:].isdigit()


def _lookup(token: str) -> tuple[int, str] | None:
    """(value, kind) of a number word, allowing the conjunction و and preposition ب before it."""
    words = _words()
    token = " ".join(token.strip("،,.؛:").split())
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
    """The first words of number words and phrases, as whole words of a text, with و or ب before them."""
    return frozenset(p + w.split()[0] for w in _words() for p in ("", "و", "ب"))


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
        if run and folded[last_end:m.start()].strip() not in ("", "و"):
            out.extend(_close(run, folded))  # a word between (not و: أربعة و عشرون): the run ended
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
    points = [i for i, (_, (_, kind)) in enumerate(run) if kind == "decimal_point"]
    if points:  # ثلاثة فاصلة خمسة: the words after فاصلة are the decimals
        whole, decimals = _value(run[:points[0]]), _value(run[points[0] + 1:])
        value = whole + (decimals / 10 ** len(str(int(decimals))) if decimals else 0)
    else:
        value = _value(run)
    start = run[0][0].start()
    end = run[-1][0].end()
    while end > start and folded[end - 1] in "،,.؛:":
        end -= 1
    pct = _PERCENT_AFTER.match(folded[end:end + 12])
    if pct:
        end += pct.end()
    return [Number(start, end, float(value), bool(pct), True)]


def _value(run) -> int:
    """The value of a run of number words (no decimal point in it)."""
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
    return total + current


def word_pattern() -> str:
    """A regex of one number word or phrase of `data/numbers.csv` (folded), for rules that count
    (قبل ثلاثة أيام، الأشهر الستة): with `value_of` for its value."""
    return trie_pattern(w for w, (_, k) in _words().items() if k != "decimal_point")


def value_of(folded: str) -> float | None:
    """The value of a short folded phrase that is one number (digits or words: 3، ثلاثة، خمسة عشر،
    الستة with the article), or None."""
    phrase = folded.strip()
    if phrase.startswith("ال") and not phrase[2:3].isdigit() and _lookup(phrase[2:].split()[0]) is not None:
        phrase = phrase[2:]
    elif phrase.startswith("ال"):
        phrase = phrase[2:].strip()
    found = find_numbers(phrase)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(phrase) or found[0].percent:
        return None
    return found[0].value
