"""Attribution cues: the words that say someone spoke (قال، أكد، مبيناً، بحسب، نقلت … عن … قوله).

Cues and their kinds come from `data/cues.csv` (with whether a cue takes عن, whether it goes on with the
words of whoever spoke before: أضاف، تابع, and whether it is written like a common word: بين); how a cue may be written on the page (و/ف before it,
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
    kinds: dict[str, str]  # folded cue → kind (verb, participle, source, reported, document, issuer)
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


@lru_cache(maxsize=1 << 14)
def whole_cue(word: str) -> str | None:
    """The cue a word is as a whole (the cue group of `cues().pattern.fullmatch(word)`), or None; asked of
    most words near a cue, so each word is read once."""
    m = cues().pattern.fullmatch(word)
    return m.group("cue") if m else None


def kind(m: re.Match[str]) -> str:
    """The kind of a cue match (verb, attitude, participle, source, reported, document, issuer)."""
    return cues().kinds[m.group("cue")]


@lru_cache(maxsize=1)
def _about() -> frozenset[str]:
    table = lexicons.table("cues")
    return frozenset(normalize(c) for c, a in zip(table["cue"], table["about"]) if a == "yes")


def takes_about(m: re.Match[str]) -> bool:
    """The cue introduces what was said with عن (أعلن عن، كشف عن)."""
    return m.group("cue") in _about()


@lru_cache(maxsize=1)
def _continuing() -> frozenset[str]:
    table = lexicons.table("cues")
    return frozenset(normalize(c) for c, a in zip(table["cue"], table["continues"]) if a == "yes")


@lru_cache(maxsize=1)
def homographs() -> frozenset[str]:
    """Folded cues written like a common word (بين: بيّن or the preposition; رأى: رأي): cues.csv, homograph."""
    table = lexicons.table("cues")
    return frozenset(normalize(c) for c, a in zip(table["cue"], table["homograph"]) if a == "yes")


def continues(m: re.Match[str]) -> bool:
    """The cue goes on with the words of whoever spoke before (أضاف، تابع، استطرد)."""
    return m.group("cue") in _continuing()


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
    word = before.split()[-1]
    leaders = particles("leader", "perfect")
    return word in leaders or (word[:1] in cues().prefixes and word[1:] in leaders)  # قد، وقد


@lru_cache(maxsize=None)
def complementizers(*kinds: str) -> frozenset[str]:
    """Folded words of data/complementizers.csv of the given kinds (that, saying, his_saying, from, about,
    blocks)."""
    table = lexicons.table("complementizers")
    return frozenset(normalize(w) for w, k in zip(table["word"], table["kind"]) if k in kinds)


@lru_cache(maxsize=1)
def complement_before_quote() -> re.Pattern[str]:
    """What may end the words right before a quotation its cue introduces: أن، بأن، قائلاً، قوله, or a
    comma or colon."""
    words = _alternation(complementizers("that", "saying", "his_saying"))
    return re.compile(rf"(?:(?<![\w])(?:{words})\s*[،,:]?|[:،,])\s*$")


@lru_cache(maxsize=1)
def _complements_before_quote() -> tuple[str, ...]:
    return tuple(complementizers("that", "saying", "his_saying"))


def ends_with_complement(lead: str) -> bool:
    """`complement_before_quote().search(lead)` found something, read from the end of `lead` instead of
    tried at each of its characters: past the trailing white space, a comma or colon, or a complementizer
    that starts a word."""
    t = lead.rstrip()
    if not t:
        return False
    if t[-1] in ":،,":
        return True
    words = _complements_before_quote()
    if not t.endswith(words):
        return False
    for w in words:
        if t.endswith(w):
            k = len(t) - len(w)
            if k == 0 or not (t[k - 1].isalnum() or t[k - 1] == "_"):
                return True
    return False


@lru_cache(maxsize=1)
def reported_pattern() -> re.Pattern[str]:
    """نقلت X عن Y قوله (or نقلت X عن Y أن …): the source X, the speaker Y (matched from the cue, within its
    line)."""
    c = cues()
    verbs = trie_pattern(k for k, v in c.kinds.items() if v == "reported")
    source_of = _alternation(complementizers("from"))
    saying = _alternation(complementizers("his_saying"))
    that = _alternation(complementizers("that"))
    return re.compile(rf"(?<![\w])[{''.join(c.prefixes)}]?(?:{verbs})\s+(?P<src>.{{2,80}}?)\s+(?:{source_of})\s+"
                      rf"(?P<who>.{{2,80}}?)\s*[،,]?\s*(?:(?:{saying})(?![\w])|(?=(?:{that})(?![\w])))")


@lru_cache(maxsize=1)
def bare_perfect() -> tuple[str, ...]:
    """The particle of the perfect without a prefix (قد, not وقد or لقد)."""
    perfect = particles("perfect")
    return tuple(sorted(w for w in perfect if w[1:] not in perfect))


_DOCUMENT_NOUNS = ("statement", "speech", "post", "letter", "report", "interview", "remark")


@lru_cache(maxsize=None)
def document_words(*kinds: str) -> frozenset[str]:
    """Folded words of data/documents.csv of the given kinds (statement, speech, …; pronoun: فيها; by:
    صادر; author_verb: قدم); with none, every document noun."""
    table = lexicons.table("documents")
    return frozenset(normalize(w) for w, k in zip(table["word"], table["kind"]) if k in (kinds or _DOCUMENT_NOUNS))


@lru_cache(maxsize=1)
def media_words() -> tuple[str, ...]:
    """Folded head words of named media sources (صحيفه، وكاله), from data/media.csv."""
    return tuple(normalize(w) for w in lexicons.table("media")["word"])


@lru_cache(maxsize=1)
def media_forms() -> frozenset[str]:
    """The media heads with and without ال (وكاله، الوكاله): after ل they name whom something was said to."""
    return frozenset(p + h for h in media_words() for p in ("", "ال"))


@lru_cache(maxsize=1)
def _author_verb() -> re.Pattern[str]:
    verbs = _alternation(normalize(w) for w in document_words("author_verb"))
    return re.compile(rf"(?:{verbs})ت?(?:ه|ها|هما)")


def names_author(word: str) -> bool:
    """A folded word is a verb whose object pronoun is the document and whose subject, right after it, is
    the document's author (قدمها، أصدرته، نشرته: data/documents.csv, kind author_verb)."""
    return _author_verb().fullmatch(word.strip("،,")) is not None


@lru_cache(maxsize=1)
def document_kinds() -> dict[str, str]:
    """Folded document noun → its kind (statement, speech, post, …)."""
    table = lexicons.table("documents")
    return {normalize(w): k for w, k in zip(table["word"], table["kind"]) if k in _DOCUMENT_NOUNS}


@lru_cache(maxsize=8192)
def document_noun(word: str) -> str | None:
    """The document noun a folded word writes (بيانا، البيان، ببيان، بيانها، كلمته → بيان، كلمه), or None."""
    kinds = document_kinds()
    bare = word.strip("،,:.")
    for stem in {bare, bare[2:] if bare.startswith("ال") else bare, bare[1:] if bare[:1] in "بل" else bare}:
        for form in (stem, stem[:-1] if stem.endswith("ا") else "", *_without_pronoun(stem)):
            if form in kinds:
                return form
    return None


def _without_pronoun(stem: str) -> list[str]:
    """A noun without a possessive pronoun (بيانه → بيان، كلمتها → كلمه)."""
    out = []
    for pronoun in ("هما", "هم", "ها", "ه"):
        if stem.endswith(pronoun) and len(stem) > len(pronoun) + 2:
            base = stem[:-len(pronoun)]
            out.extend((base, base[:-1] + "ه" if base.endswith("ت") else base))
    return out
