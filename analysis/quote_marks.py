"""Quotation marks: «…», “…” and "…" paired per paragraph.

Marks are paired with a stack, so nested quotes, quotes split by an attribution and marks written without
a space (أن«الحوار) work; an unbalanced mark never swallows the rest of a paragraph. A straight double
quote opens or closes by the characters around it.
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from .text import char_positions

OPENERS = {"«": "guillemets", "“": "curly", "„": "curly"}
CLOSERS = {"»": "guillemets", "”": "curly"}
STRAIGHT = '"'
MARKS = '"«»“”„'  # every quotation mark, for "does this word hold a mark" tests
_MARK = re.compile('[«»“”„"]')


class Quote(NamedTuple):
    """A top-level quotation: outer span with the marks, inner span without them, and the pairing rule."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    rule: str


MARK_SET = frozenset(MARKS)  # for a quick test of a word: not MARK_SET.isdisjoint(word)


def has_mark(word: str) -> bool:
    """The word holds a quotation mark."""
    return not MARK_SET.isdisjoint(word)


def mark_positions(text: str) -> list[int]:
    """The positions of the text's quotation marks, in order."""
    return char_positions(text, MARKS)


def last_mark(text: str) -> int:
    """Position of the text's last quotation mark, or -1."""
    return max(text.rfind(mark) for mark in MARKS)


def _straight_role(text: str, i: int, lo: int, hi: int, open_straight: bool) -> str:
    """'open' or 'close' for a straight double quote, from the characters around it."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    opens = nxt not in " \t\n" and (prev.isspace() or prev in "([{«:،,ـ-" or
                                     (prev in "وفبلك" and (i - 2 < lo or not text[i - 2].isalpha())))  # و"…"
    closes = prev not in " \t\n" and (nxt.isspace() or not nxt.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if open_straight else "open"


def _outer_first(pair: tuple[int, int, str]) -> tuple[int, int]:
    return pair[0], -pair[1]  # by start, the longer (outer) quote first


def find_quotes(text: str, lo: int = 0, hi: int | None = None, marks: list[int] | None = None) -> list[Quote]:
    """Top-level quotations in text[lo:hi] (one paragraph), in order; `marks`: the positions of the
    quotation marks in text[lo:hi], in order, when the caller has them (`mark_positions`)."""
    hi = len(text) if hi is None else hi
    if marks is None:
        marks = [m.start() for m in _MARK.finditer(text, lo, hi)]
    stack: list[tuple[int, str]] = []
    straights = 0  # straight quotes open on the stack
    pairs: list[tuple[int, int, str]] = []
    for i in marks:
        ch = text[i]
        if ch in OPENERS:
            stack.append((i, OPENERS[ch]))
            continue
        if ch == STRAIGHT:
            if _straight_role(text, i, lo, hi, straights > 0) == "open":
                stack.append((i, "straight"))
                straights += 1
                continue
            family = "straight"
        else:
            family = CLOSERS[ch]
        if stack and stack[-1][1] == family:  # (the usual case: the innermost opener is closed)
            start = stack.pop()[0]
            if family == "straight":
                straights -= 1
            pairs.append((start, i + 1, family))
            continue
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][1] == family:
                start = stack[k][0]
                if straights:
                    straights -= sum(f == "straight" for _, f in stack[k:])
                del stack[k:]
                pairs.append((start, i + 1, family))
                break
    if stack:  # an unclosed opener whose nested quote closed: the nested closer closed both (أنها "لا تسعى…العراق")
        closed = sorted(pairs)
        starts = [p[0] for p in closed]
        for start, family in stack:
            k = bisect.bisect_right(starts, start)
            if k < len(closed):
                pairs.append((start, closed[k][1], f"{family}_shared_close"))
    if len(pairs) == 1:
        s, e, rule = pairs[0]
        return [Quote(s, e, s + 1, e - 1, rule)]
    out: list[Quote] = []
    for s, e, rule in sorted(pairs, key=_outer_first):
        if out and s < out[-1].end:
            continue  # nested in (or tangled with) the previous top-level quote
        out.append(Quote(s, e, s + 1, e - 1, rule))
    return out
