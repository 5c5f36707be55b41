"""The statements extractor's quick tests and shortcuts give what the straightforward code gives."""
from __future__ import annotations

import bisect
import re

from hypothesis import given, settings, strategies as st

from analysis.quote_marks import CLOSERS, MARKS, OPENERS, STRAIGHT, Quote, find_quotes, mark_positions
from analysis.quotes import LONG_ENOUGH, MIN_STATEMENT_WORDS

# letters, digits, spaces, punctuation and every quotation mark, so that pairs, nesting and runs of words
# of every length come up
PIECES = st.sampled_from([*MARKS, "و", "قال", "إن", "ab", "1", " ", " ", "  ", "،", ",", ":", ".", "-", "(", "\n", "ـ"])
TEXT = st.lists(PIECES, max_size=40).map("".join)


@given(TEXT, st.integers(0, 60), st.integers(0, 60))
@settings(max_examples=1000, deadline=None)
def test_long_enough_is_a_search_for_enough_words(text, a, b):
    search = re.compile(rf"\w+(?:\W+\w+){{{MIN_STATEMENT_WORDS - 1}}}")
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    assert (LONG_ENOUGH.match(text, lo, hi) is not None) == (search.search(text, lo, hi) is not None)


def _straight_role(text: str, i: int, lo: int, hi: int, open_straight: bool) -> str:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    before_word = i - 2 < lo or not text[i - 2].isalpha()
    opens = nxt not in " \t\n" and (prev.isspace() or prev in "([{«:،,ـ-" or (prev in "وفبلك" and before_word))
    closes = prev not in " \t\n" and (nxt.isspace() or not nxt.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if open_straight else "open"


def _reference_find_quotes(text: str, lo: int = 0, hi: int | None = None) -> list[Quote]:
    """find_quotes as first written: every mark read with a regex, the straight quotes on the stack
    looked for at each straight quote."""
    hi = len(text) if hi is None else hi
    stack, pairs = [], []
    for mark in re.finditer('[«»“”„"]', text[:hi]):
        if mark.start() < lo:
            continue
        i, ch = mark.start(), mark.group()
        if ch in OPENERS:
            stack.append((i, OPENERS[ch]))
        elif ch in CLOSERS or ch == STRAIGHT:
            family = CLOSERS.get(ch, "straight")
            role = "close" if ch in CLOSERS else \
                _straight_role(text, i, lo, hi, bool(stack) and any(f == "straight" for _, f in stack))
            if role == "open":
                stack.append((i, "straight"))
                continue
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][1] == family:
                    start = stack[k][0]
                    del stack[k:]
                    pairs.append((start, i + 1, family))
                    break
    if stack:
        closed = sorted(pairs)
        starts = [p[0] for p in closed]
        for start, family in stack:
            k = bisect.bisect_right(starts, start)
            if k < len(closed):
                pairs.append((start, closed[k][1], f"{family}_shared_close"))
    out: list[Quote] = []
    for s, e, rule in sorted(pairs, key=lambda pair: (pair[0], -pair[1])):
        if out and s < out[-1].end:
            continue
        out.append(Quote(s, e, s + 1, e - 1, rule))
    return out


@given(TEXT, st.integers(0, 60), st.integers(0, 60))
@settings(max_examples=1000, deadline=None)
def test_find_quotes_with_known_marks_is_find_quotes(text, a, b):
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    marks = mark_positions(text)
    inside = marks[bisect.bisect_left(marks, lo):bisect.bisect_left(marks, hi)]
    expected = _reference_find_quotes(text, lo, hi)
    assert find_quotes(text, lo, hi) == expected
    assert find_quotes(text, lo, hi, inside) == expected


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_mark_positions_are_the_marks(text):
    assert mark_positions(text) == [i for i, ch in enumerate(text) if ch in MARKS]


ARABIC = st.sampled_from(["بين", "بينه", "وبين", "في", "البيان", "في البيان", "فيالبيان", "ان", "أن", "بان", "قوله",
                          "وقوله", "الا", "a", "_", "1", " ", "  ", "\n", "،", ",", ":", ".", "ـ"])
ARABIC_TEXT = st.lists(ARABIC, max_size=25).map("".join)


@given(ARABIC_TEXT)
@settings(max_examples=1000, deadline=None)
def test_ends_with_complement_is_the_pattern_search(lead):
    from analysis.cues import complement_before_quote, ends_with_complement
    assert ends_with_complement(lead) == (complement_before_quote().search(lead) is not None)


@given(ARABIC_TEXT, st.integers(0, 80), st.integers(0, 80))
@settings(max_examples=1000, deadline=None)
def test_a_lookbehind_after_a_literal_is_a_lookbehind_before_it(text, a, b):
    from analysis import attribution
    from analysis.cues import document_words
    lo, hi = min(a, b), max(a, b)
    between = re.compile(r"(?<![\w])بين(?:ه|ها|هم|هما|نا|ي)?(?![\w])")
    assert bool(attribution._BETWEEN.search(text, lo, hi)) == bool(between.search(text, lo, hi))
    in_document = re.compile(r"(?<![\w])في\s+ال(?:" + "|".join(sorted(document_words("statement"))) + r")(?![\w])")
    assert attribution._in_statement(text, lo, hi) == bool(in_document.search(text, lo, hi))


SPACES = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "\u2009", "\u200b", "\x1c", "\u3000", "\u2028"])
WORDY = st.lists(st.one_of(SPACES, st.sampled_from(["قال", "الوزير", "،", "«", "a", "ـ", "1"])), max_size=30).map("".join)


@given(WORDY, st.integers(0, 40), st.integers(0, 40), st.integers(-1, 8))
@settings(max_examples=1000, deadline=None)
def test_words_in_are_the_runs_of_non_space(text, a, b, n):
    from itertools import islice
    from analysis.subjects import words_in
    lo, hi = min(a, b), max(a, b)
    runs = re.compile(r"\S+").finditer(text, lo, hi)
    expected = [(m.start(), m.end(), m.group()) for m in (runs if n < 0 else islice(runs, n))]
    assert words_in(text, lo, hi, n) == expected
