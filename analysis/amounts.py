"""Amounts a figure can state, in folded text (`text.normalize_spans`): a number (`numbers.find_numbers`),
a number written against a proclitic (و2500، بـ2500، الـ2500), a range of two numbers (بين 2000 و2500،
ما بين 4 و5 آلاف، 2000-2500) and a vague amount (بضعة آلاف، مئات، عشرات الآلاف).

A vague amount is an interval, by one convention (`data/vague_amounts.csv`): a plural of a scale word,
or بضع/بضعة/عدة before what it counts, means 3 to 9 of that scale (بضع is 3–9 as Arabic grammar defines
it; a plural of a scale word is at least three of it and fewer than ten, or the next scale word would be
used). So بضعة آلاف = 3000–9000، مئات = 300–900، عشرات = 30–90، عشرات الآلاف = 30,000–90,000; the words
of a run multiply (بضع مئات = 300–900).

In a range the scale word of the upper bound carries to a lower bound written without one when that
keeps the lower bound below the upper (ما بين 4 و5 آلاف = 4000–5000; بين 500 و5 آلاف stays 500–5000).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from . import lexicons
from .numbers import Number, digit_runs, find_numbers
from .text import Normalized, normalize


class Amount(NamedTuple):
    """An amount found in folded text. `start` includes a range word (بين); `first` is where its first
    number or vague word starts; value_max is the upper bound of a range or vague amount, else None."""

    start: int
    first: int
    end: int
    value: float
    value_max: float | None
    percent: bool
    form: str  # "number" | "range" | "vague"
    words: bool  # the first number is written in words (ألفا، ثلاثة آلاف)
    last: int  # where the last number starts (the second of a range; else == first)


_PROCLITIC_DIGITS = re.compile(r"[وبفل]|[وبفل]?ال|لل")
_PROCLITIC_ENDS = "وبفل"  # the letters a proclitic ends with
_RANGE_WORD = re.compile(r"(?<!\w)[وب]?(?P<word>(?:ما\s+)?بين)\s*$")
_DASH = re.compile(r"\s*[-–—]\s*")
_AND = re.compile(r"\s*و\s*")


def find_amounts(folded: str, norm: Normalized | None = None) -> list[Amount]:
    """Every amount in folded text, in order of position."""
    numbers = _numbers(folded, norm)
    out = _ranges(folded, numbers)
    covered = [(a.first, a.end) for a in out]
    out += [v for v in _vague(folded, norm) if not any(s <= v.first < e for s, e in covered)]
    return sorted(out, key=lambda a: a.start)


def _numbers(folded: str, norm: Normalized | None) -> list[Number]:
    """numbers.find_numbers, and the numbers it leaves out because a proclitic is written against their
    first digit (و2500، بـ2500 folded to ب2500، الـ2500)."""
    runs = digit_runs(folded, norm)  # (found once, read by find_numbers too)
    found = find_numbers(folded, norm, runs)
    starts = {n.start for n in found}
    added: list[Number] = []
    for digit in runs:
        if digit == 0 or folded[digit - 1] not in _PROCLITIC_ENDS:
            continue  # a digit against a proclitic stands right after one of its letters (and starts a run)
        word = digit
        while word > 0 and folded[word - 1].isalpha() and digit - word < 4:
            word -= 1
        if digit in starts or (word > 0 and folded[word - 1].isalnum()) or \
                not _PROCLITIC_DIGITS.fullmatch(folded, word, digit):
            continue
        head = find_numbers(folded[digit:digit + 40])
        if head and head[0].start == 0:
            n = head[0]
            added.append(Number(digit, digit + n.end, n.value, n.percent, n.words))
            starts.add(digit)
    if added:  # a scale word after such a number (و15 ألف) is part of it, not a number of its own
        found = [n for n in found if not any(a.start < n.start < a.end for a in added)] + added
    return sorted(found, key=lambda n: n.start)


@lru_cache(maxsize=1)
def _scales() -> dict[str, int]:
    """Scale words (ألف، آلاف، مليون …) from data/numbers.csv, folded, with their value."""
    table = lexicons.table("numbers")
    return {normalize(w): int(v) for w, v, k in zip(table["word"], table["value"], table["kind"])
            if k in ("thousand", "thousand_plural")}


def _scale_of(text: str) -> int:
    scales = _scales()
    return max((scales[w] for w in re.findall(r"\w+", text) if w in scales), default=1)


def _ranges(folded: str, numbers: list[Number]) -> list[Amount]:
    """Numbers as amounts, two of them joined into a range where the text says so."""
    out, i = [], 0
    while i < len(numbers):
        a = numbers[i]
        b = numbers[i + 1] if i + 1 < len(numbers) else None
        joined = _range(folded, a, b) if b is not None else None
        if joined:
            out.append(joined)
            i += 2
            continue
        out.append(Amount(a.start, a.start, a.end, a.value, None, a.percent, "number", a.words, a.start))
        i += 1
    return out


def _range(folded: str, a: Number, b: Number) -> Amount | None:
    if b.start - a.end > 3:  # the two numbers of a range stand at most " و" or " - " apart
        return None
    gap = folded[a.end:b.start]
    word = _RANGE_WORD.search(folded, max(0, a.start - 12), a.start)
    if not (_DASH.fullmatch(gap) or (word and _AND.fullmatch(gap))):
        return None
    low = a.value
    scale = _scale_of(folded[b.start:b.end])
    if scale > 1 and _scale_of(folded[a.start:a.end]) == 1 and low * scale <= b.value:
        low *= scale
    if not low < b.value or a.percent and not b.percent:
        return None
    start = word.start("word") if word else a.start
    return Amount(start, a.start, b.end, low, b.value, b.percent, "range", a.words, b.start)


@lru_cache(maxsize=1)
def _vague_words() -> dict[str, int]:
    table = lexicons.table("vague_amounts")
    return {normalize(w): int(s) for w, s in zip(table["word"], table["scale"])}


@lru_cache(maxsize=1)
def _vague_forms() -> dict[str, tuple[int, int]]:
    """Each vague word as a whole word, with a proclitic (و، ب، ل، ف) or none: (scale, proclitic length)."""
    return {p + w: (s, len(p)) for w, s in _vague_words().items() for p in ("", "و", "ب", "ل", "ف")}


def _vague(folded: str, norm: Normalized | None) -> list[Amount]:
    """Runs of vague words (بضعة آلاف، عشرات الآلاف، مئات) as intervals of 3 to 9 times their scale."""
    forms = _vague_forms()
    if norm is not None:
        hits = norm.word_positions(forms)
    else:
        hits = [(m.start(), m.group()) for m in re.finditer(r"\w+", folded) if m.group() in forms]
    out: list[Amount] = []
    run: list[tuple[int, str]] = []
    for pos, word in hits + [(-1, "")]:
        if run and pos >= 0 and forms[word][1] == 0 and not folded[run[-1][0] + len(run[-1][1]):pos].strip():
            run.append((pos, word))
            continue
        if run:
            scale = 1
            for _, w in run:
                scale *= forms[w][0]
            first = run[0][0] + forms[run[0][1]][1]
            end = run[-1][0] + len(run[-1][1])
            out.append(Amount(first, first, end, 3.0 * scale, 9.0 * scale, False, "vague", True, first))
        run = [(pos, word)] if pos >= 0 else []
    return out
