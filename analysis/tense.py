"""Is a clause about the future? Decides the direction of a bare weekday or month (issue 13, item 7).

In a report of what happened, «الخميس» is the latest Thursday on or before the publication date; in a
future clause (سـ، سوف، لن، من المقرر، المرتقب …) it is the next one. A clause is the text between the
punctuation around the expression (. ، ؛ : ! ? « » and line breaks), at most `REACH` characters each side.
Its words come from `data/tense_words.csv`: future markers, the prefixes سي/ست/سن of a future verb
(سيعقد، ستجري، سنواصل), and the nouns that begin like one (سياسة، سيارة، ستة، سنة).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicons
from .text import normalize

REACH = 80
_CUT = re.compile(r"[.،,؛;:!?؟«»\"\n()]")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], tuple[str, ...], frozenset[str], int]:
    table = lexicons.table("tense_words")
    by_kind = {k: [normalize(w) for w in g["word"]] for k, g in table.groupby("kind")}
    markers = frozenset(by_kind["future"])
    return markers, tuple(by_kind["future_prefix"]), frozenset(by_kind["not_future"]), \
        max(len(m.split()) for m in markers)


def clause(folded: str, start: int, end: int) -> tuple[int, int]:
    """Folded span of the clause around folded[start:end]."""
    lo = max(0, start - REACH)
    cuts = [m.end() for m in _CUT.finditer(folded, lo, start)]
    after = _CUT.search(folded, end, min(len(folded), end + REACH))
    return (cuts[-1] if cuts else lo), (after.start() if after else min(len(folded), end + REACH))


def is_future(folded: str, start: int, end: int) -> bool:
    """True when the clause around folded[start:end] speaks of the future."""
    lo, hi = clause(folded, start, end)
    markers, prefixes, nouns, longest = _words()
    firsts = _phrase_starts()
    words = _WORD.findall(folded, lo, hi)
    for i, word in enumerate(words):
        bare = word[1:] if word[:1] in "وف" and (len(word) > 4 or word[1:] in markers) else word
        if bare.startswith(prefixes) and len(bare) >= 4 and bare not in nouns and word not in nouns:
            return True
        if word in markers or bare in markers:
            return True
        if word in firsts:  # a marker of several words may start here
            for n in range(2, longest + 1):
                if " ".join(words[i:i + n]) in markers:
                    return True
    return False


@lru_cache(maxsize=1)
def _phrase_starts() -> frozenset[str]:
    """The first words of the future markers of several words (من المقرر)."""
    return frozenset(m.split()[0] for m in _words()[0] if " " in m)
