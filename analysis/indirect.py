"""Indirect speech: what a speaker said, reported without quotation marks.

A cue that opened a clause and found its speaker (an `attribution.Attribution`) introduces reported speech
when a complementizer of `data/complementizers.csv` follows it within a few words: أكد الكاظمي أن …،
وقالت الحكومة إنها …، مشيراً إلى أن …، وحسب الخارجية فإن …، and عن after the cues marked `about` in
`data/cues.csv` (أعلن عن …; a date between the subject and عن is an adjunct: أعلن الصندوق، أمس الخميس،
عن …). The statement is the content clause from the complementizer (included) to the
end of its sentence or to where the next attribution's clause starts (…، مضيفاً أن …). A complementizer
after بعد، دون، رغم … opens no reported speech (دون أن يعلن). No row is made when a direct quotation (a
`statement` row) lies in the clause: the quotation already counts what was said.

Only the few words after each cue are searched, never the whole text.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from . import cues, date_vocabulary
from .attribution import ArticleState, Attribution
from .quote_marks import Quote
from .subjects import is_place
from .text import Normalized, normalize

MAX_GAP = 15  # words between a cue's subject and its complementizer (في مؤتمر صحفي عقده اليوم في بغداد، إن)
MAX_CHARS = 160  # and at most this many characters
_TRAILING = " \t.،,؛:!؟?-"


def rows(aid: str, text: str, state: ArticleState, found: list[tuple[Attribution, dict]], quotes: list[Quote],
         statements: list[tuple[int, int]], bounds: dict[int, tuple[int, int]] | None = None) -> list[dict]:
    """The indirect statements of one paragraph: `found` are its attributions (with their sentences) in
    text order, `quotes` its quotations, `statements` the spans of those that are statements; `bounds`:
    the folded bounds of those of its sentences the caller has already folded (by sentence id)."""
    out: list[dict] = []
    starts = [q.start for q in quotes]
    fold = state.norm.to_folded
    bounds = bounds or {}
    n = len(found)
    for k, (a, sent) in enumerate(found):
        if a.speaker is None or a.content_from is None:
            continue
        sid = sent["sentence_id"]
        known = bounds.get(sid)
        limit = known[1] if known is not None else fold(sent["end"])
        for j in range(k + 1, n):
            b, other = found[j]
            if other["sentence_id"] == sid and b.cue_start > a.cue_start:
                limit = min(limit, max(b.clause_start(state.norm.text), a.content_from))
                break
        clause = _clause(state, a, limit, quotes, starts, statements)
        if clause is None or (out and out[-1]["start"] == clause[0]):
            continue
        start, end, rule = clause
        out.append(_row(aid, sent, text, start, end, rule, a))
    return out


@lru_cache(maxsize=1)
def _complementizer() -> re.Pattern[str]:
    """A complementizer as a whole word (أن، إنها، بأن، فإن; عن), tried only in the words after a cue.
    The words, longest first, are grouped by their first letter, and the test that no letter stands before
    a word comes after that letter (?<!\\w.): the same matches as (?<!\\w)(?:word|…)(?!\\w), but re can skip
    to the places where one of those letters stands (about twice as fast)."""
    words = sorted(cues.complementizers("that", "about"), key=lambda w: (-len(w), w))
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    return re.compile("(?:" + "|".join(f"{c}(?<!\\w.)(?:{'|'.join(rest)})" for c, rest in by_first.items())
                      + r")(?!\w)")


def _clause(state: ArticleState, a: Attribution, limit: int, quotes: list[Quote], starts: list[int],
            statements: list[tuple[int, int]]) -> tuple[int, int, str] | None:
    """(original start, end, rule) of the content clause, or None."""
    norm = state.norm
    folded = norm.text
    content_from = a.content_from
    window = min(limit, content_from + MAX_CHARS)
    pos, first = content_from, None
    while True:
        m = _complementizer().search(folded, pos, window)
        if m is None or folded.count(" ", content_from, m.start()) > MAX_GAP:
            return None  # a complementizer further away belongs to something else
        if first is None:  # (looked up once a complementizer is found: most cues have none after them)
            blocks, about = _blocks_and_about()
            first = bisect.bisect_left(starts, norm.to_original(content_from)) if starts else 0
        at, pos = m.span()
        word = m.group()
        o_s = norm.to_original(at)
        before = quotes[first:bisect.bisect_left(starts, o_s)] if starts else ()  # between the cue and here
        if before and statements and any((q.start, q.end) in statements for q in before):
            return None  # the speaker's words are quoted: the quotation counts them
        if before and o_s < before[-1].end:  # inside a term ("الاستراتيجي"): look after it
            pos = norm.to_folded(before[-1].end)
            continue
        if word == _ALA and (_written_at(norm, at).startswith("إ") or folded[pos:pos + 4].strip()[:2] == "ان"):
            continue  # إلا، إلا أن: "except, however", not ألا "that … not"
        is_about = word in about
        if is_about and not (a.about and _only_adjunct(state.without_dates(content_from, at))):
            continue  # عن counts only right after a cue that takes it (أعلن عن; أعلن X، أمس، عن)
        if not is_about and _word_before(folded, at) in blocks:
            continue  # بعد أن، دون أن: not what was said
        folded_end = _trimmed(folded, at, limit)
        start, end = o_s, norm.to_original(folded_end)
        if not folded[pos:folded_end].strip():
            return None  # nothing said after the complementizer
        if statements and any(qs < end and qe > start for qs, qe in statements):
            return None
        return start, end, "about_clause" if is_about else "that_clause"


_ALA = normalize("ألا")


def _written_at(norm: Normalized, pos: int) -> str:
    """The original text from folded position `pos` (a few characters: how a word was written)."""
    start = norm.to_original(pos)
    return norm.original[start:start + 4]


def _only_adjunct(gap: str) -> bool:
    """What stands between a cue's subject and عن, its dates cut out, is nothing but punctuation, the
    prepositions that introduce a date (في 10 حزيران، مساء أمس) and the document it was said in, in
    commas (، في رسالة إلى رئيس المجلس،)."""
    for part in gap.replace(",", "،").split("،"):
        words = part.split()
        if len(words) >= 2 and words[0] in _date_prepositions() and cues.document_noun(words[1]):
            continue  # في رسالة إلى رئيس المجلس، عن …: the document it was said in
        if len(words) == 2 and words[0] == "في" and is_place(words[1]):
            continue  # أعلنت المفوضية … في العراق، اليوم، عن …: where the speaker is
        if not all(w in _date_prepositions() for w in words):
            return False
    return True


@lru_cache(maxsize=1)
def _date_prepositions() -> frozenset[str]:
    """Folded prepositions before a date (في، منذ، خلال …: `date_vocabulary`)."""
    return frozenset(date_vocabulary.vocabulary().prepositions)


def _word_before(folded: str, pos: int) -> str:
    """The folded word that ends right before `pos` (spaces skipped), without punctuation."""
    lo = max(0, pos - 60)
    chunk = folded[lo:pos]
    parts = chunk.rsplit(None, 1)
    if lo and len(parts) < 2 and not (parts and chunk[:1].isspace()):  # the word (or the spaces) may start before lo
        parts = folded[:pos].rsplit(None, 1)
    return parts[-1].strip("،,:.") if parts else ""


def _trimmed(folded: str, lo: int, hi: int) -> int:
    """The end of the folded span [lo, hi) without trailing spaces and punctuation."""
    while hi > lo and folded[hi - 1] in _TRAILING:
        hi -= 1
    return hi


@lru_cache(maxsize=1)
def _blocks_and_about() -> tuple[frozenset[str], frozenset[str]]:
    """The words that block a complementizer after them (بعد، دون …), and عن."""
    return cues.complementizers("blocks", "however"), cues.complementizers("about")


def _row(aid: str, sent: dict, text: str, start: int, end: int, rule: str, a: Attribution) -> dict:
    clause = text[start:end]
    speaker = a.speaker
    return {"article_id": aid, "sentence_id": sent["sentence_id"], "start": start, "end": end, "text": clause,
            "quote": clause, "kind": "indirect",
            "speaker": speaker.name, "speaker_role": speaker.role, "speaker_org": speaker.org,
            "speaker_start": speaker.start, "speaker_end": speaker.end,
            "speaker_mention": text[speaker.start:speaker.end], "cue": speaker.cue,
            "attribution": speaker.attribution, "rule": rule}
