"""Attribution cues: the words that say someone spoke (قال، أكد، مبيناً، بحسب، نقلت … عن … قوله).

Cues and their kinds come from `data/cues.csv`; how a cue may be written on the page (و/ف before it,
ت/وا/ا/… after it) from `data/cue_affixes.csv`; the particles that may stand before a verb cue that opens a
clause (كما، فيما، من جهته) from `data/cue_particles.csv`; the complementizers that follow a cue (أن، إن،
بأن، قائلاً، قوله) from `data/complementizers.csv`. Cues are found by looking up the article's words, never by
scanning the whole text with a pattern.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicons
from .text import Normalized, normalize, trie_pattern


@dataclass(frozen=True)
class Cues:
    pattern: re.Pattern[str]  # a cue as a whole word: (?P<pre>…)?(?P<cue>…)(?P<suf>…)?
    kinds: dict[str, str]  # folded cue → kind (verb, participle, source, reported)
    first_words: frozenset[str]  # how the first word of a cue may be written (قال، وقالت، فأكدوا)
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]


def _alternation(words) -> str:
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The prefixes and suffixes a cue word may carry, folded, as in data/cue_affixes.csv."""
    table = lexicons.table("cue_affixes")
    pick = lambda position: tuple(normalize(a) for a, p in zip(table["affix"], table["position"]) if p == position)
    return pick("prefix"), pick("suffix")


@lru_cache(maxsize=1)
def cues() -> Cues:
    table = lexicons.table("cues")
    kinds = {normalize(c): k for c, k in zip(table["cue"], table["kind"])}
    prefixes, suffixes = affixes()
    pattern = re.compile(rf"(?<![\w])(?P<pre>[{''.join(prefixes)}])?(?P<cue>{trie_pattern(kinds)})"
                         rf"(?P<suf>{_alternation(suffixes)})?(?![\w])")
    first = frozenset(p + c.split()[0] + (s if " " not in c else "") for c in kinds
                      for p in ("", *prefixes) for s in ("", *suffixes))
    return Cues(pattern, kinds, first, prefixes, suffixes)


def find_cues(norm: Normalized) -> list[re.Match[str]]:
    """The attribution cues of a text, as `cues().pattern.finditer` finds them: a cue is a whole word
    (or starts with one), so only the text's words that can begin a cue are tried."""
    c = cues()
    return norm.matches_at_words(c.pattern, c.first_words)


def kind(m: re.Match[str]) -> str:
    """The kind of a cue match (verb, participle, source, reported)."""
    return cues().kinds[m.group("cue")]


@lru_cache(maxsize=1)
def verb_after_quote() -> re.Pattern[str]:
    """A verb cue right after a quotation: "…"، قال فلان."""
    c = cues()
    verbs = trie_pattern(k for k, v in c.kinds.items() if v == "verb")
    return re.compile(rf"\s*[،,]?\s*(?P<pre>[{''.join(c.prefixes)}])?(?P<cue>{verbs})"
                      rf"(?P<suf>{_alternation(c.suffixes)})?(?![\w])")


@lru_cache(maxsize=None)
def particles(*kinds: str) -> frozenset[str]:
    """Folded particles of data/cue_particles.csv of the given kinds (leader, perfect, auxiliary)."""
    table = lexicons.table("cue_particles")
    return frozenset(normalize(w) for w, k in zip(table["word"], table["kind"]) if k in kinds)


def opens_clause(folded: str, m: re.Match[str]) -> bool:
    """A verb cue opens a clause: it carries و/ف, or follows punctuation, a line start or a particle."""
    if m.group("pre"):
        return True
    before = folded[max(0, m.start() - 12):m.start()].rstrip(" ")
    if not before or before[-1:] in "\n،,.:؛!؟?()-\"»”":
        return True
    return before.split()[-1] in particles("leader", "perfect")


@lru_cache(maxsize=None)
def complementizers(*kinds: str) -> frozenset[str]:
    """Folded words of data/complementizers.csv of the given kinds (that, saying, his_saying, from)."""
    table = lexicons.table("complementizers")
    return frozenset(normalize(w) for w, k in zip(table["word"], table["kind"]) if k in kinds)


@lru_cache(maxsize=1)
def complement_before_quote() -> re.Pattern[str]:
    """What may end the words right before a quotation its cue introduces: أن، بأن، قائلاً، قوله, or a
    comma or colon."""
    words = _alternation(complementizers("that", "saying", "his_saying"))
    return re.compile(rf"(?:(?<![\w])(?:{words})\s*[،,:]?|[:،,])\s*$")


@lru_cache(maxsize=1)
def reported_pattern() -> re.Pattern[str]:
    """نقلت X عن Y قوله: the source X, the speaker Y (matched from the cue, within its line)."""
    c = cues()
    verbs = trie_pattern(k for k, v in c.kinds.items() if v == "reported")
    source_of = _alternation(complementizers("from"))
    saying = _alternation(complementizers("his_saying"))
    return re.compile(rf"(?<![\w])[{''.join(c.prefixes)}]?(?:{verbs})\s+(?P<src>.{{2,80}}?)\s+(?:{source_of})\s+"
                      rf"(?P<who>.{{2,80}}?)\s*[،,]?\s*(?:{saying})(?![\w])")


@lru_cache(maxsize=1)
def bare_perfect() -> tuple[str, ...]:
    """The particle of the perfect without a prefix (قد, not وقد or لقد)."""
    perfect = particles("perfect")
    return tuple(sorted(w for w in perfect if w[1:] not in perfect))


@lru_cache(maxsize=1)
def perfect_subject() -> re.Pattern[str]:
    """كان X قد قال: the subject X of a verb cue stands before it, between an auxiliary and قد."""
    c = cues()
    aux = _alternation(particles("auxiliary"))
    qad = _alternation(bare_perfect())
    return re.compile(rf"(?:^|[\s،,.])[{''.join(c.prefixes)}]?(?:{aux})\s+"
                      rf"(?P<subj>[^\s،,.\"«»“”]+(?:\s+[^\s،,.\"«»“”]+){{0,5}}?)\s+(?:{qad})\s*$")
