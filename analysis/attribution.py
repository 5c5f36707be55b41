"""Who said it: from an attribution cue (or a headline colon) to the speaker, and what an article has said
so far.

A cue's speaker is its subject (قال الكاظمي), the source of reported speech (نقلت X عن Y قوله), a joint
statement (في بيان مشترك), or the previous speaker when a cue has no subject (وأضاف، وتابع، مبيناً). A
headline colon names its speaker (والكاظمي:), and a verb after a quotation too ("…"، قال فلان).

`ArticleState` holds what one article has said so far (the last speaker, the names seen); `record` is the
only place it changes.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import cached_property, lru_cache
from typing import NamedTuple

from . import cues as cue_words
from .cues import find_cues
from .speakers import (JOINT, Context, canonical_speaker, document_words, full_names, has_run, is_person,
                       joint_phrases, media_words, plain)
from .subjects import subject_after, subject_before
from .text import Normalized

_COLON = re.compile(r"(?:^|[.،,]\s*|\.\.\s*)(?P<who>[^.:،,\"«»“”]{2,40}?)\s*:\s*$")


class Speaker(NamedTuple):
    name: str
    start: int
    end: int
    cue: str
    attribution: str
    learned: bool = False  # the name is a new full name, for later surname-only mentions


class ArticleState:
    """What one article has said so far: the last speaker, and names seen, for carry-over and folding."""

    def __init__(self, norm: Normalized, published: dt.date | None):
        self.norm = norm
        self.published = published
        self.last: Speaker | None = None
        words = norm.word_set
        joined = f" {' '.join(norm.words)} "  # a run of words is a substring " a b " of it
        self.names = [a.canonical for a in full_names() if words.issuperset(a.tokens[1:]) and has_run(joined, a.tokens)]
        self.mentioned: list[str] = []  # speakers named so far, for back-references such as المسؤول
        # attribution cues and joint-statement phrases of the whole article, found in one pass each
        self.cues = find_cues(norm)
        self.cue_starts = [m.start() for m in self.cues]
        self.joints = _joint_spans(norm)

    def record(self, speaker: Speaker, *, last: bool = True, mentioned: bool = False) -> Speaker:
        """The one place the state changes: a speaker found (the last speaker unless `last` is False),
        named by a cue (`mentioned`), perhaps with a new full name."""
        if speaker.learned and speaker.name not in self.names:
            self.names.append(speaker.name)
        if mentioned:
            self.mentioned.append(speaker.name)
        if last:
            self.last = speaker
        return speaker

    def context(self, pos: int) -> Context:
        """What `canonical_speaker` may read for a mention at folded position `pos`."""
        return Context(self.published, tuple(self.names), tuple(self.mentioned), self.sources, self.joint_before(pos))

    def cues_in(self, lo: int, hi: int) -> list[re.Match[str]]:
        """The cues inside the folded span [lo, hi)."""
        a, b = bisect.bisect_left(self.cue_starts, lo), bisect.bisect_left(self.cue_starts, hi)
        return [m for m in self.cues[a:b] if m.end() <= hi]

    def joint_in(self, lo: int, hi: int) -> bool:
        """A joint-statement phrase lies inside the folded span [lo, hi)."""
        return any(s >= lo and e <= hi for s, e in self.joints)

    def joint_before(self, pos: int) -> bool:
        """A joint-statement phrase starts before folded position `pos`."""
        return bool(self.joints) and self.joints[0][0] < pos

    @cached_property
    def sources(self) -> dict[str, str]:
        """Named sources of the article (صحيفة "نيويورك تايمز"), by their head word: computed when needed."""
        norm = self.norm
        return {m.group("head"): plain(norm.original[slice(*norm.span(*m.span("name")))]).strip()
                for m in norm.matches_at_words(_named_source(), _media_forms())}


_PROCLITICS = ("", "و", "ف", "ب", "ل")


@lru_cache(maxsize=1)
def _joint_pattern() -> tuple[re.Pattern[str], frozenset[str]]:
    """The joint-statement phrases (shortest first) as one pattern, and how their first word may be written."""
    phrases = sorted(joint_phrases(), key=lambda p: (len(p), p))
    pattern = re.compile("|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + r"(?!\w)")
    return pattern, frozenset(c + p.split()[0] for p in phrases for c in _PROCLITICS)


def _joint_spans(norm: Normalized) -> list[tuple[int, int]]:
    """Folded spans of the joint-statement phrases (بيان مشترك) of a text, in order."""
    pattern, forms = _joint_pattern()
    out = []
    for i, word in norm.word_positions(forms):
        m = pattern.match(norm.text, i) or pattern.match(norm.text, i + 1)  # after a proclitic
        if m:
            out.append(m.span())
    return out


@lru_cache(maxsize=1)
def _media_forms() -> frozenset[str]:
    return frozenset(p + h for h in media_words() for p in ("", "ال"))


@lru_cache(maxsize=1)
def _named_source() -> re.Pattern[str]:
    """A media source with its name in quotation marks: صحيفة "نيويورك تايمز"."""
    heads = "|".join(media_words())
    return re.compile(rf"(?<![\w])(?:ال)?(?P<head>{heads})\s+[\"«“](?P<name>[^\"«»“”،,.]{{2,40}}?)[\"»”]")


def from_cue(m: re.Match[str], text: str, state: ArticleState, next_quote: int) -> Speaker | None:
    """The speaker a cue introduces: its subject, the Y of نقلت X عن Y قوله, or the previous speaker."""
    norm = state.norm
    kind = cue_words.kind(m)
    folded = norm.text
    if kind in ("verb", "reported") and not cue_words.opens_clause(folded, m):
        return None  # a verb inside reported speech (… إن بغداد وواشنطن أكدتا …) introduces nobody
    o_s, o_e = norm.span(m.start(), m.end())
    cue_text = text[o_s:o_e]
    if kind == "reported":
        line_end = folded.find("\n", m.start(), m.start() + 400)
        r = cue_words.reported_pattern().match(folded, m.start(),
                                               line_end if line_end != -1 else min(len(folded), m.start() + 400))
        if r:
            s, e = norm.span(r.start("who"), r.end("who"))
            named = canonical_speaker(text[s:e], state.context(r.start("who")))
            if named:
                return state.record(Speaker(named.name, s, e, f"{cue_text} … عن … قوله", "reported", named.learned))
        return None
    end = folded.find("\n", m.end(), m.end() + 300)
    span = subject_after(norm, m.end(), end if end != -1 else min(len(folded), m.end() + 300)) \
        or subject_before(folded, m.start())
    if kind == "participle" or span is None:
        if state.last is None:
            return None
        return Speaker(state.last.name, state.last.start, state.last.end, cue_text, "carried")
    s, e = norm.span(*span)
    named = canonical_speaker(text[s:e], state.context(span[0]))
    if named is None:
        return None
    window_end = min(norm.to_folded(next_quote), span[0] + 300)
    name, attribution = named.name, "cue"
    if not is_person(name) and (state.joint_in(span[0], window_end) or
                                (state.joint_before(span[0]) and _in_statement(folded, span[0], window_end))):
        name, attribution = JOINT, "joint_statement"
    return state.record(Speaker(name, s, e, cue_text, attribution, named.learned), mentioned=True)


@lru_cache(maxsize=1)
def _in_document_pattern() -> re.Pattern[str]:
    return re.compile(r"(?<![\w])في\s+ال(?:" + "|".join(sorted(document_words())) + r")(?![\w])")


def _in_statement(folded: str, lo: int, hi: int) -> bool:
    """في البيان in the folded span [lo, hi)."""
    return _in_document_pattern().search(folded, lo, hi) is not None


def colon_speaker(text: str, norm: Normalized, lo: int, pos: int, state: ArticleState) -> Speaker | None:
    """Headline style: والكاظمي: "كفى حروباً" (looked for in the 80 characters before the quote)."""
    base = norm.to_folded(max(lo, pos - 80))
    before = norm.text[base:norm.to_folded(pos)]  # a slice: ^ must mean the sentence start
    if not before.rstrip().endswith(":"):
        return None  # the cheap test first: the pattern ends with a colon
    m = _COLON.search(before)
    if not m or cue_words.cues().pattern.match(m.group("who").strip()):
        return None
    s, e = norm.span(base + m.start("who"), base + m.end("who"))
    named = canonical_speaker(text[s:e], state.context(base + m.start("who")))
    return Speaker(named.name, s, e, ":", "colon", named.learned) if named else None


def post_cue(text: str, norm: Normalized, pos: int, end: int, state: ArticleState) -> Speaker | None:
    """Attribution after the quote: "…"، قال فلان."""
    fold = norm.to_folded
    m = cue_words.verb_after_quote().match(norm.text, fold(pos), min(fold(end), fold(pos) + 40))
    if not m:
        return None
    span = subject_after(norm, m.end(), min(fold(end), m.end() + 300))
    if span is None:
        return None
    s, e = norm.span(*span)
    named = canonical_speaker(text[s:e], state.context(span[0]))
    o_s, o_e = norm.span(m.start("cue"), m.end())
    return Speaker(named.name, s, e, text[o_s:o_e], "post_cue", named.learned) if named else None

