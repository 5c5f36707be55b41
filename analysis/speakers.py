"""Who a subject phrase names: one canonical name per speaker.

Names fold to one canonical form through `data/speakers.csv` (titles only while their holder was in
office); a person in no list is named from the text, titles (`data/titles.csv`) stripped, and later
surname-only mentions fold to that name. A named source (صحيفة "نيويورك تايمز") is the speaker of its
later mentions (الصحيفة).

`canonical_speaker(mention, context)` is a pure function of the mention and of what the article said
before it (`Context`); what it learns (a new full name) is in its result, for the caller to record.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from . import lexicons
from .quote_marks import has_mark
from .subjects import stop_words
from .text import normalize

_HARAKAT = re.compile("[\u064b-\u065f\u0670\u0640]")
JOINT = "البيان المشترك"


@dataclass(frozen=True)
class Alias:
    canonical: str
    tokens: tuple[str, ...]
    kind: str  # name, title, org, joint
    valid_from: dt.date | None
    valid_to: dt.date | None

    def valid_on(self, published: dt.date | None) -> bool:
        """A title names its holder only while in office; names and institutions always."""
        if self.kind != "title":
            return True
        if published is None:
            return False
        return (self.valid_from is None or self.valid_from <= published) and \
               (self.valid_to is None or published <= self.valid_to)


class Context(NamedTuple):
    """What the article said before a mention: read by `canonical_speaker`, never changed by it."""

    published: dt.date | None
    names: tuple[str, ...]  # full names the article holds (table names and names learned from the text)
    mentioned: tuple[str, ...]  # speakers named so far, for back-references such as المسؤول
    sources: dict[str, str]  # named sources by head word (صحيفه → نيويورك تايمز)
    joint_seen: bool  # a joint statement was mentioned before


class Named(NamedTuple):
    """A mention resolved: the canonical name, and whether it is a new full name to remember."""

    name: str
    learned: bool = False


@lru_cache(maxsize=1)
def aliases() -> list[Alias]:
    table = lexicons.table("speakers")
    out = []
    for row in table.itertuples():
        out.append(Alias(row.canonical, tuple(normalize(row.alias).split()), row.kind,
                         dt.date.fromisoformat(row.valid_from) if row.valid_from else None,
                         dt.date.fromisoformat(row.valid_to) if row.valid_to else None))
    return sorted(out, key=lambda a: -len(a.tokens))


@lru_cache(maxsize=1)
def full_names() -> list[Alias]:
    """Aliases that are names of two words or more (مصطفى الكاظمي), in `aliases()` order."""
    return [a for a in aliases() if a.kind == "name" and len(a.tokens) >= 2]


@lru_cache(maxsize=1)
def _aliases_by_first() -> dict[str, list[int]]:
    """Positions in `aliases()` of the aliases starting with each word."""
    out: dict[str, list[int]] = {}
    for k, a in enumerate(aliases()):
        out.setdefault(a.tokens[0], []).append(k)
    return out


@lru_cache(maxsize=1)
def joint_phrases() -> tuple[str, ...]:
    """Folded phrases that name a joint statement (بيان مشترك)."""
    return tuple(sorted({" ".join(a.tokens) for a in aliases() if a.kind == "joint"}, key=lambda p: (-len(p), p)))


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(normalize(w) for w in lexicons.table("titles")["word"])


@lru_cache(maxsize=1)
def document_words() -> frozenset[str]:
    """Folded nouns of documents a speaker issues (بيان), from data/documents.csv."""
    return frozenset(normalize(w) for w in lexicons.table("documents")["word"])


@lru_cache(maxsize=1)
def media_words() -> tuple[str, ...]:
    """Folded head words of named media sources (صحيفه، وكاله), from data/media.csv."""
    return tuple(normalize(w) for w in lexicons.table("media")["word"])


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    return frozenset(a.canonical for a in aliases() if a.kind in ("name", "title"))


def is_person(name: str) -> bool:
    return name in _people()


def has_run(joined: str, seq: tuple[str, ...]) -> bool:
    """`seq` is a run of the words joined by spaces in `joined` (with a proclitic و ف ل ب on its first)."""
    run = " ".join(seq) + " "
    return any(f" {p}{run}" in joined for p in ("", "و", "ف", "ل", "ب"))


def _contains(tokens: list[str], seq: tuple[str, ...]) -> int:
    """Index of `seq` as a token run in `tokens` (proclitic و allowed on its first token), or -1."""
    n = len(seq)
    for i in range(len(tokens) - n + 1):
        first = tokens[i]
        if (first == seq[0] or (first[:1] in "وفلب" and first[1:] == seq[0])) and tuple(tokens[i + 1:i + n]) == seq[1:]:
            return i
    return -1


def canonical_speaker(mention: str, context: Context) -> Named | None:
    """The canonical name for a subject phrase as written, or None when it names nobody."""
    tokens = [t.strip("،,:.") for t in normalize(mention).split()]
    tokens = [t for t in tokens if t and not has_mark(t)]
    if not tokens:
        return None
    by_first = _aliases_by_first()
    candidates = sorted(k for t in {*tokens, *(t[1:] for t in tokens)} for k in by_first.get(t, ()))
    table = aliases()
    hits = [(idx, -len(a.tokens), a) for a in (table[k] for k in candidates) if a.valid_on(context.published)
            for idx in [_contains(tokens, a.tokens)] if idx >= 0 and _only_titles(tokens[:idx])]
    if hits:
        return Named(min(hits, key=lambda h: (h[0], h[1]))[2].canonical)
    titles = _titles()
    rest = list(tokens)
    while rest and (rest[0] in titles or rest[0].lstrip("و") in titles or _is_adjective(rest[0])):
        rest.pop(0)
    if rest and all(t.endswith(("ي", "يه", "يين", "يون")) for t in rest):
        rest = list(tokens)  # مسؤول عسكري أميركي: a description, not a title before a name
    if len(rest) == 1:
        for name in reversed(context.names):
            if name_words(name)[-1] == rest[0].lstrip("و"):
                return Named(name)
    bare = tokens[0].lstrip("و")
    if len(tokens) == 1 and bare.startswith("ال") and bare[2:] in context.sources:
        return Named(context.sources[bare[2:]])
    is_document = bare.startswith("ال") and bare[2:] in document_words()
    if len(tokens) == 1 and bare.startswith("ال") and not is_document:  # المسؤول → مسؤول عسكري أميركي
        for name in reversed(context.mentioned):
            if name_words(name)[0] == bare[2:]:
                return Named(name)
    if _in_document(tokens) or is_document:
        return Named(JOINT) if context.joint_seen else None
    words = plain(mention).split()
    keep = words[len(tokens) - len(rest):] if rest and 1 <= len(rest) <= 4 else words
    name = " ".join(keep).strip("،,: ")
    if not name:
        return None
    learned = bool(rest) and 2 <= len(rest) <= 4 and not set(rest) & stop_words() and name not in context.names
    return Named(name, learned)


def _in_document(tokens: list[str]) -> bool:
    """في البيان inside the phrase: the speaker is the document's author."""
    docs = document_words()
    return any(a == "في" and b.startswith("ال") and b[2:] in docs for a, b in zip(tokens, tokens[1:]))


@lru_cache(maxsize=4096)
def name_words(name: str) -> list[str]:
    """The folded words of a speaker's name (names recur across an article and a corpus)."""
    return normalize(name).split()


def _only_titles(tokens: list[str]) -> bool:
    """Tokens before a name that do not change who it is: titles, nisba adjectives, commas."""
    titles = _titles()
    return all(t in titles or t.lstrip("و") in titles or _is_adjective(t) for t in tokens)


def _is_adjective(token: str) -> bool:
    """Nisba adjectives after a title (الأميركي، العراقية، البريطاني)."""
    return token.startswith("ال") and (token.endswith("ي") or token.endswith("يه")) and len(token) > 4


def plain(text: str) -> str:
    """Text without harakat or tatweel (letters as written)."""
    return _HARAKAT.sub("", text)
