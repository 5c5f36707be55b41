"""The subject phrase of an attribution cue: who the words after (or before) a cue name.

A subject runs from the word after the cue to the first word that cannot be part of a name or title: a
preposition, complementizer, time word or demonstrative (`data/subject_stops.csv`, the complementizers of
`data/complementizers.csv`, and the weekdays, relative days and parts of day of `data/date_words.csv`), a
quotation mark or a digit. A comma closes it, unless a name in commas follows (وزير الخارجية الأميركي، أنتوني
بلينكن، أن…). In وكان X قد قال the subject X stands before the verb.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from . import cues, lexicons
from .quote_marks import has_mark
from .text import Normalized, normalize

_TOKEN = re.compile(r"\S+")
_CLOSERS = "،,:.؛"


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Folded words that end a subject phrase."""
    dates = lexicons.table("date_words")
    time_words = [w for w, k in zip(dates["word"], dates["kind"]) if k in ("weekday", "day", "daypart") and " " not in w]
    sources = [c for c, k in cues.cues().kinds.items() if k == "source" and " " not in c]
    return frozenset(normalize(w) for w in (*lexicons.table("subject_stops")["word"], *time_words, *sources)) \
        | cues.complementizers("that", "saying")


def subject_after(norm: Normalized, fpos: int, fend: int) -> tuple[int, int] | None:
    """Folded span of the subject phrase starting at folded position `fpos` (before `fend`)."""
    tokens = list(islice(_TOKEN.finditer(norm.text, fpos, fend), 14))  # a subject and its apposition
    if not tokens:
        return None
    stops = stop_words()
    taken = []
    for k, m in enumerate(tokens[:9]):
        word = m.group()
        bare = word.strip(_CLOSERS)
        if not bare or bare in stops or has_mark(word) or bare[:1] in "0123456789":
            break
        if not taken and (bare.startswith("لل") or (len(bare) > 4 and bare.endswith(("هما", "هم", "ها")))):
            break  # an object (مسعاهما، التزامهما), not a subject
        taken.append(m)
        if word[-1:] in _CLOSERS:
            appos = _apposition(tokens, k + 1)
            if appos:
                taken.extend(appos)
            break
    if not taken:
        return None
    return taken[0].start(), taken[-1].end() - (1 if taken[-1].group()[-1:] in _CLOSERS else 0)


def _apposition(tokens: list[re.Match[str]], k: int) -> list[re.Match[str]]:
    """A name in commas after a title (وزير الخارجية الأميركي، أنتوني بلينكن، أن…)."""
    run = []
    stops = stop_words()
    for m in tokens[k:k + 5]:
        bare = m.group().strip("،,:.")
        if not bare or bare in stops or has_mark(m.group()):
            return []
        run.append(m)
        if m.group()[-1:] in "،,":
            return run
    return []


def subject_before(folded: str, cue_start: int) -> tuple[int, int] | None:
    """The subject of كان X قد قال: it stands before the verb (folded span)."""
    lo = max(0, cue_start - 80)
    before = folded[lo:cue_start]
    if not before.rstrip().endswith(cues.bare_perfect()):
        return None  # the cheap test first: the pattern ends with قد
    k = cues.perfect_subject().search(before)
    return (lo + k.start("subj"), lo + k.end("subj")) if k else None
