"""What a troop figure says (`kind`): a level, a reduction, a target, a deployment or a withdrawal.

Read from the words of `data/troop_kinds.csv`, on folded text: a word right before the figure decides
first (إلى 3000 is a target, من 5200 the level before a change); else the cue word nearest before the
figure in its clause, at most `REACH` characters away (خفض … بمقدار 2200 is a reduction, سحب a
withdrawal, إرسال a deployment, ينتشر a level); else the first cue after it in the clause (بضعة آلاف
من الجنود الإضافيين); else a level.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicons
from .text import normalize

KINDS = ("level", "reduction", "target", "deployment", "withdrawal")
DEFAULT = "level"
REACH = 100  # folded characters of the clause searched for a cue on each side of the figure


@lru_cache(maxsize=1)
def _just_before() -> list[tuple[str, re.Pattern[str]]]:
    table = lexicons.table("troop_kinds")
    return [(k, re.compile(rf"(?:^|\s)[وفل]?(?:{normalize(p)})\s*$"))
            for p, k, w in zip(table["pattern"], table["kind"], table["where"]) if w == "just_before"]


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for a whole word that is a cue (read first without a proclitic, then with و، ف، ل or
    ب), its group `c<i>` the i-th clause row of the table, and each group's kind. Every clause cue is one
    word."""
    table = lexicons.table("troop_kinds")
    rows = [(p, k) for p, k, w in zip(table["pattern"], table["kind"], table["where"]) if w == "clause"]
    body = "|".join(f"(?P<c{i}>{normalize(p)})" for i, (p, _) in enumerate(rows))
    return re.compile(rf"[وفلب]??(?:{body})"), {f"c{i}": k for i, (_, k) in enumerate(rows)}


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=8192)
def _cue_kind(word: str) -> str | None:
    """The kind of the clause cue `word` is (a whole word, a proclitic perhaps before it), or None."""
    cue, kinds = _cues()
    m = cue.fullmatch(word)
    return kinds[m.lastgroup] if m else None


def kind_of(folded: str, lead: int, phrase_end: int, clause: tuple[int, int]) -> str:
    """The kind of the figure whose phrase is folded[lead:phrase_end] (its approximation word or range word
    included), in the clause folded[clause[0]:clause[1]]."""
    lo, hi = clause
    before = folded[max(lo, lead - 20):lead]
    for kind, pattern in _just_before():
        if pattern.search(before):
            return kind
    start = max(lo, lead - REACH)
    if start > lo and folded[start - 1].isalnum():
        start = folded.find(" ", start, lead) + 1 or lead  # no word cut in two
    for word in reversed(_WORD.findall(folded, start, lead)):
        kind = _cue_kind(word)
        if kind:
            return kind
    for word in _WORD.findall(folded, phrase_end, min(hi, phrase_end + REACH)):
        kind = _cue_kind(word)
        if kind:
            return kind
    return DEFAULT
