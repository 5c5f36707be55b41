"""Who a subject phrase names: one canonical name per speaker, with the office they held.

- Names and institutions fold to one canonical form through `data/speakers.csv`; spelling variants of a
  word (الأميركية/الأمريكية, `data/spellings.csv`) fold together, and a name found only in the text is
  written in the preferred spelling, so counts by speaker do not split one speaker in two.
- Offices (`data/offices.csv`: the titles of each office and the body it serves) and who held them when
  (`data/office_holders.csv`) give `role` and `org`. A title alone (الوزير، الرئيس الأمريكي، رئيس الحكومة)
  refers to the latest person in the article who held it; else to the holder of that office on the
  article's date; else it stays the title (how="title", role = the title).
- "الأخير" refers to the latest person the article named; a named source (صحيفة "نيويورك تايمز") is the
  speaker of its later mentions (الصحيفة); a document (البيان) speaks for whoever issued it, the joint
  statement when the article mentioned one; the two countries or sides (البلدان، الجانبان, `data/
  collectives.csv`) and two governments joined by و (واشنطن وبغداد) are the joint statement.
- A person in no table is named from the text, titles (`data/titles.csv`) stripped, and later
  surname-only mentions fold to that name.

`canonical_speaker(mention, context)` is a pure function of the mention and of what the article said
before it (`Context`); what it learns (a new full name) is in its result, for the caller to record.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from types import MappingProxyType
from functools import lru_cache
from typing import Callable, Mapping, NamedTuple

from . import lexicons
from .cues import document_kinds, document_words, media_words
from .people import split_title
from .subjects import is_place
from .titles import is_nisba, title_word
from .quote_marks import MARKS, has_mark
from .subjects import stop_words
from .text import normalize

_HARAKAT = re.compile("[\u064b-\u065f\u0670\u0640]")
_QUOTE_MARKS = re.compile(f"[{re.escape(MARKS)}]")
JOINT = "البيان المشترك"
_STRIP = "،,:.()"
_PROCLITIC = "وفلب"


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


# ------------------------------------------------------------------ tables
@lru_cache(maxsize=1)
def _spellings() -> tuple[tuple[str, str], ...]:
    table = lexicons.table("spellings")
    return tuple((normalize(v), normalize(p)) for v, p in zip(table["variant"], table["preferred"]))


@lru_cache(maxsize=8192)
def fold_spelling(token: str) -> str:
    """A folded word with its spelling variants folded to the preferred one (الاميركيه → الامريكيه)."""
    for variant, preferred in _spellings():
        if variant in token:
            token = token.replace(variant, preferred)
    return token


@lru_cache(maxsize=1)
def _written_spellings() -> tuple[tuple[str, str], ...]:
    table = lexicons.table("spellings")
    return tuple(zip(table["variant"], table["preferred"]))


def preferred_spelling(name: str) -> str:
    """A name as written, its words respelled where `data/spellings.csv` prefers another spelling."""
    for variant, preferred in _written_spellings():
        if variant in name:
            name = name.replace(variant, preferred)
    return name


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(fold_spelling(t) for t in normalize(text).split())


@dataclass(frozen=True)
class Alias:
    canonical: str
    tokens: tuple[str, ...]
    kind: str  # name, org, joint; title (built from the offices)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    office: str | None = None

    def valid_on(self, published: dt.date | None) -> bool:
        """A title names its holder only while in office; names and institutions always."""
        if self.kind != "title":
            return True
        if self.valid_from is None and self.valid_to is None:
            return True  # a role with no term (زعيم التيار الصدري)
        if published is None:
            return False
        return (self.valid_from is None or self.valid_from <= published) and \
               (self.valid_to is None or published <= self.valid_to)


class Office(NamedTuple):
    office: str  # the office as `speaker_role` writes it
    org: str
    titles: tuple[tuple[str, ...], ...]  # folded title forms


class Holding(NamedTuple):
    office: str
    holder: str
    valid_from: dt.date | None
    valid_to: dt.date | None


@lru_cache(maxsize=1)
def offices() -> dict[str, Office]:
    table = lexicons.table("offices")
    out: dict[str, Office] = {}
    for row in table.itertuples():
        known = out.get(row.office)
        titles = (*(known.titles if known else ()), _tokens(row.title))
        out[row.office] = Office(row.office, row.org, titles)
    return out


@lru_cache(maxsize=1)
def holdings() -> tuple[Holding, ...]:
    table = lexicons.table("office_holders")
    return tuple(Holding(r.office, r.holder, _date(r.valid_from), _date(r.valid_to)) for r in table.itertuples())


@lru_cache(maxsize=4096)
def office_of(name: str, published: dt.date | None) -> Office | None:
    """The office `name` held on `published` (a role with no term whatever the date), or None."""
    for h in holdings():
        if h.holder == name and _holds(h, published):
            return offices()[h.office]
    return None


def _holds(h: Holding, published: dt.date | None) -> bool:
    if h.valid_from is None and h.valid_to is None:
        return True
    if published is None:
        return False
    return (h.valid_from is None or h.valid_from <= published) and (h.valid_to is None or published <= h.valid_to)


@lru_cache(maxsize=1)
def aliases() -> list[Alias]:
    """Every alias: the rows of speakers.csv, and each title of each office for each of its holders."""
    out = [Alias(r.canonical, _tokens(r.alias), r.kind, _date(r.valid_from), _date(r.valid_to))
           for r in lexicons.table("speakers").itertuples()]
    table = offices()
    for h in holdings():
        out.extend(Alias(h.holder, t, "title", h.valid_from, h.valid_to, h.office) for t in table[h.office].titles)
    return sorted(out, key=lambda a: -len(a.tokens))


@lru_cache(maxsize=1)
def full_names() -> list[Alias]:
    """Aliases that are names of two words or more (مصطفى الكاظمي), in `aliases()` order."""
    return [a for a in aliases() if a.kind == "name" and len(a.tokens) >= 2]


@lru_cache(maxsize=1)
def name_aliases() -> list[Alias]:
    """The aliases that name a person (مصطفى الكاظمي، الكاظمي), in `aliases()` order."""
    return [a for a in aliases() if a.kind == "name"]


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
def collectives() -> frozenset[str]:
    """Folded nouns that make two parties one speaker (البلدان، الجانبان)."""
    return frozenset(normalize(w) for w in lexicons.table("collectives")["word"])


@lru_cache(maxsize=1)
def _anaphora() -> frozenset[str]:
    """Words that refer to the latest person named (الأخير)."""
    t = lexicons.table("anaphora")
    return frozenset(normalize(w) for w, r in zip(t["word"], t["refers_to"]) if r == "person")


@lru_cache(maxsize=1)
def _described() -> frozenset[str]:
    """Person nouns that refer back to the latest person named, when the nisbas after them fit (المسؤول)."""
    t = lexicons.table("anaphora")
    return frozenset(normalize(w) for w, r in zip(t["word"], t["refers_to"]) if r == "described")


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    """Canonical name → the kind of its aliases (name, org, joint); a title's holder is a name."""
    out: dict[str, str] = {}
    for a in aliases():
        out.setdefault(a.canonical, "name" if a.kind == "title" else a.kind)
    return out


def is_person(name: str) -> bool:
    return _kinds().get(name) == "name"


def is_institution(name: str) -> bool:
    return _kinds().get(name) in ("org", "joint")


# ------------------------------------------------------------------ what the article said before
class Person(NamedTuple):
    """Someone the article named before, with the office or title it gave them (folded words)."""

    name: str
    role: tuple[str, ...]
    office: str | None


class Context(NamedTuple):
    """What the article said before a mention: read by `canonical_speaker`, never changed by it (a named
    tuple: one is made for each mention the tables do not resolve, and a frozen dataclass costs several
    times as much to make)."""

    published: dt.date | None
    names: tuple[str, ...] | Callable[[], tuple[str, ...]] = ()  # full names the article holds (listed, learned)
    mentioned: tuple[str, ...] = ()  # speakers named so far, for back-references such as المسؤول
    joint_seen: bool = False  # a joint statement was mentioned before
    issuers: Mapping[str, str] = MappingProxyType({})  # document kind → who issued the latest one
    # what costs a look through the article, computed only when a mention needs it:
    sources: Callable[[], dict[str, str]] = dict  # named sources by head word (صحيفه → نيويورك تايمز)
    people_before: Callable[[], tuple[Person, ...]] = tuple  # people named before, oldest first
    full_name: Callable[[str], str | None] = lambda surname: None  # the fullest name written with a surname
    introduced: Callable[[], tuple[str, ...]] = tuple  # full names written after a title before the mention

    def known_names(self) -> tuple[str, ...]:
        return self.names() if callable(self.names) else self.names


class Named(NamedTuple):
    """A mention resolved."""

    name: str
    how: str = "name"  # name, text, title, anaphora, joint, document
    role: str | None = None
    org: str | None = None
    learned: bool = False  # a new full name, for later surname-only mentions


# ------------------------------------------------------------------ resolving a mention
def has_run(joined: str, seq: tuple[str, ...]) -> bool:
    """`seq` is a run of the words joined by spaces in `joined` (with a proclitic و ف ل ب on its first)."""
    run = " ".join(seq) + " "
    if run not in joined:
        return False  # (each form below holds the run)
    return any(f" {p}{run}" in joined for p in ("", *_PROCLITIC))


def _contains(tokens: list[str], seq: tuple[str, ...]) -> int:
    """Index of `seq` as a token run in `tokens` (proclitic و allowed on its first token), or -1."""
    n = len(seq)
    for i in range(len(tokens) - n + 1):
        first = tokens[i]
        if (first == seq[0] or (first[:1] in _PROCLITIC and first[1:] == seq[0])) and tuple(tokens[i + 1:i + n]) == seq[1:]:
            return i
    return -1


def canonical_speaker(mention: str, context: Context) -> Named | None:
    """The canonical name for a subject phrase as written, or None when it names nobody."""
    known = listed_speaker(mention, context.published)
    if known is not None:
        return known
    r = _reading(mention)
    if r is None:
        return None
    tokens, bare = r.tokens, r.bare
    if r.title_only:
        return _title(mention, tokens, _mention(mention, context.published)[1], context)
    if r.anaphora:
        people = context.people_before()
        return Named(people[-1].name, "anaphora", *_role(people[-1])) if people else None
    if r.medium is not None:
        return r.medium
    if r.surname is not None:
        surname, rest, title_words = r.surname, r.rest, r.title_words
        for names in (context.known_names, context.introduced):  # the tables and what was learned first
            for name in reversed(names()):
                words = name_words(name)
                if len(words) > len(rest) and " ".join(words[-len(rest):]) == surname:
                    role, org = role_and_org(name, title_words, context.published)
                    return Named(name, "name", role, org)
        if len(rest) == 1:  # وانغ for وانغ يي: a family name written first
            first = [name for name in (*context.known_names(), *context.introduced()) if len(name_words(name)) > 1
                     and name_words(name)[0] == surname]
            if len(set(first)) == 1:
                role, org = role_and_org(first[0], title_words, context.published)
                return Named(first[0], "name", role, org)
        fuller = context.full_name(surname)
        if fuller is not None and len(fuller.split()) > len(rest):  # حمدوك → عبد الله حمدوك, written earlier
            name = preferred_spelling(fuller)
            role, org = role_and_org(name, title_words, context.published)
            return Named(name, "text", role, org)
    if r.medium_anaphora and bare[2:] in context.sources():
        return Named(context.sources()[bare[2:]], "anaphora")
    document = r.document
    if len(tokens) == 1 and bare.startswith("ال") and not document:  # المسؤول → مسؤول عسكري أميركي
        for name in reversed(context.mentioned):
            if name_words(name)[0] == bare[2:]:
                return Named(name, "anaphora")
    if r.described:
        person = _described_person(tokens, context)
        if person is not None:
            return Named(person.name, "anaphora", *_role(person))
    if document:
        kind = document_kinds()[document]
        if kind in context.issuers:
            return Named(context.issuers[kind], "document")
        return Named(JOINT, "joint") if context.joint_seen and kind == "statement" else None
    return r.named


class _Reading(NamedTuple):
    """What a mention says by itself, whatever the article said before it (`canonical_speaker` reads the
    article's context on top of it); a mention recurs across a corpus, so it is read once."""

    tokens: tuple[str, ...]  # folded words, quoted words left out
    bare: str  # the first token without و
    title_only: bool  # a title with no name (الوزير، الرئيس الأمريكي)
    anaphora: bool  # الأخير alone
    described: bool  # المسؤول، المسؤول الأممي: a person noun with nisbas only
    medium: Named | None  # قناة "X": the medium X
    surname: str | None  # the surname (one or two words) to look for in the article's fuller names
    rest: tuple[str, ...]  # the folded name words after the title
    title_words: str  # the title before the surname, as written
    medium_anaphora: bool  # الصحيفة alone: the medium named before
    document: str | None  # the document noun the mention is or holds (البيان، في البيان)
    named: Named | None  # the mention as its own name, when nothing in the article resolves it


@lru_cache(maxsize=8192)
def _reading(mention: str) -> _Reading | None:
    """`_Reading` of a mention, or None when it holds no word."""
    tokens, _ = _mention_words(mention)
    if not tokens:
        return None
    bare = tokens[0].lstrip("و")
    title_only = is_title_only(tokens)
    anaphora = not title_only and len(tokens) == 1 and bare in _anaphora()
    described = not title_only and bare in _described() and len(tokens) <= 3 and all(map(is_nisba, tokens[1:]))
    written = plain(mention).split()
    medium = None
    if len(written) >= 2 and normalize(written[0]).lstrip("و") in media_words() and has_mark(written[1][:1]):
        medium = Named(_QUOTE_MARKS.sub("", " ".join(written[1:])).strip("،,: "), "text")  # قناة "X": the medium X
    parts = _name_in(tuple(written))
    if parts is None:
        rest = _after_titles(tokens)
        if rest and all(t.endswith(("ي", "يه", "يين", "يون")) for t in rest):
            rest = list(tokens)  # مسؤول عسكري أميركي: a description, not a title before a name
    else:
        rest = [fold_spelling(normalize(w)).strip(_STRIP) for w in parts.name]
    surname, title_words = None, ""
    if (len(rest) == 1 and not _not_a_surname(rest[0])) or (parts is not None and len(rest) == 2 and not parts.role):  # حمدوك، خطيب زاده
        surname = rest[0].lstrip("و") if parts is None else " ".join(rest)
        title_words = _plain_words(mention, tokens, len(tokens) - 1) if parts is None else parts.role
    medium_anaphora = len(tokens) == 1 and bare.startswith("ال") and bare[2:] in media_words()
    document = bare[2:] if bare.startswith("ال") and bare[2:] in document_words() else _in_document(tokens)
    return _Reading(tokens, bare, title_only, anaphora, described, medium, surname, tuple(rest), title_words,
                    medium_anaphora, document, _own_name(mention, tokens, parts, rest))


def _own_name(mention: str, tokens: tuple[str, ...], parts: NamePart | None, rest: list[str]) -> Named | None:
    """The mention as a name of its own: the name part without its title (the title as its role)."""
    words = plain(mention).split()
    if parts is not None:
        keep, role = parts.name, parts.role or None
    else:
        keep = words[len(tokens) - len(rest):] if rest and 1 <= len(rest) <= 4 else words
        title_words = words[:len(tokens) - len(rest)] if rest and 1 <= len(rest) <= 4 else []
        role = " ".join(title_words).strip("،,: ") or None
    name = preferred_spelling(_QUOTE_MARKS.sub("", " ".join(keep)).strip("،,: "))  # no quotation marks in a name
    if not name:
        return None
    learned = bool(rest) and 2 <= len(rest) <= 4 and not set(rest) & stop_words()  # ArticleState.record keeps it once
    return Named(name, "text", role, _org_of_role(role), learned)


def _not_a_surname(word: str) -> bool:
    """A one-word mention that cannot be someone's surname: a document, medium, title or body word
    (البيان، الصحيفة، المصادر، الوزارة) or a place (العراق)."""
    bare = word.lstrip("و")
    noun = bare[2:] if bare.startswith("ال") else bare
    return noun in document_words() or noun in media_words() or title_word(bare) is not None or is_place(bare)


class NamePart(NamedTuple):
    name: tuple[str, ...]  # the name's words as written
    role: str  # the title before it, else the role after it (عزيز أخنوش، رئيس الحزب), as written


@lru_cache(maxsize=8192)
def _name_in(words: tuple[str, ...]) -> NamePart | None:
    """The name in a subject phrase with a title before it or a role or addressee after it (`people.
    split_title`), or None: a description (مصدر مطلع، مسؤول في السفارة), a phrase that opens with no
    name after its title, or a name in quotation marks, which the caller reads as before."""
    folded = [fold_spelling(normalize(w)) for w in words]
    if not folded or title_word(folded[0].strip(_STRIP)) == "description":
        return None  # (a name in quotation marks gives no name part: the name run stops at a mark)
    split = split_title(folded, words)
    (t0, t1), (s, e) = split.title, split.name
    if s == e or any(has_mark(w) for w in folded[s:]):
        return None  # a quoted name (ائتلاف "دولة القانون") is read as before; a quoted body in the title is not
    before = " ".join(words[t0:t1]).strip("،,: ")
    after = words[e:]
    if not before and after and title_word(fold_spelling(normalize(after[0])).strip(_STRIP)) == "head":
        before = " ".join(after).strip("،,: ")
    return NamePart(tuple(w.strip("،,:") for w in words[s:e]), before)


def _mention(mention: str, published: dt.date | None) -> tuple[tuple[str, ...], tuple[tuple[int, int, Alias], ...]]:
    """The folded words of a mention (quoted words left out) and the aliases valid on `published` they hold."""
    tokens, hits = _mention_words(mention)
    return tokens, tuple(h for h in hits if h[2].valid_on(published))


@lru_cache(maxsize=8192)
def _mention_words(mention: str) -> tuple[tuple[str, ...], tuple[tuple[int, int, Alias], ...]]:
    """The folded words of a mention and every alias they hold, whatever the date (a mention recurs
    across articles of many dates: the date filter is cheap, the lookup is not)."""
    words = (fold_spelling(t.strip(_STRIP)) for t in normalize(mention).split())
    tokens = tuple(t for t in words if t and not has_mark(t))
    return tokens, tuple(_alias_hits(tokens)) if tokens else ()


@lru_cache(maxsize=8192)
def listed_speaker(mention: str, published: dt.date | None) -> Named | None:
    """What a mention names whatever the article said before it (the first step of `canonical_speaker`): the joint statement (البلدان، واشنطن
    وبغداد) or a listed name or institution; None when the article's context decides."""
    tokens, hits = _mention(mention, published)
    if not tokens:
        return None
    if tokens[0].lstrip("و") in collectives() or _two_governments(tokens):
        return Named(JOINT, "joint")
    named = [h for h in hits if h[2].kind != "title" and not _adjective_before_name(h, tokens)]
    if not named:
        return None
    idx, _, alias = min(named, key=lambda h: (h[0], h[1]))
    if alias.kind == "joint":
        return Named(JOINT, "joint")
    role, org = role_and_org(alias.canonical, _plain_words(mention, tokens, idx), published)
    return Named(alias.canonical, "name", role, org)


def _adjective_before_name(hit: tuple[int, int, Alias], tokens: tuple[str, ...]) -> bool:
    """A one-word surname alias that is a nisba with more words after it is the title's adjective
    (رئيس الوزراء السوداني عبد الله حمدوك: Sudanese, not محمد شياع السوداني)."""
    idx, _, alias = hit
    return alias.kind == "name" and len(alias.tokens) == 1 and is_nisba(tokens[idx].lstrip("و")) \
        and idx + 1 < len(tokens)


def _alias_hits(tokens: tuple[str, ...]) -> list[tuple[int, int, Alias]]:
    """(index, -length, alias) of each alias that the tokens hold after titles only, in aliases() order."""
    by_first = _aliases_by_first()
    candidates = sorted({k for t in {*tokens, *(t[1:] for t in tokens)} for k in by_first.get(t, ())})
    table = aliases()
    return [(idx, -len(a.tokens), a) for a in (table[k] for k in candidates)
            for idx in [_contains(tokens, a.tokens)] if idx >= 0 and _only_titles(tokens[:idx])
            and not (idx > 0 and a.kind in ("org", "joint"))]  # رئيس الحكومة العراقية، باسم الحكومة: the body


def _after_titles(tokens: list[str]) -> list[str]:
    """The words after the titles that open a phrase (وزير الخارجية العراقي، المتحدث باسم الحشد الشعبي),
    where a name would be."""
    rest, behalf = list(tokens), False
    if title_word(rest[0]) in ("description", "part"):
        return rest  # مصادر مطلعة: an unnamed source; وزارة الموارد المائية: a body, all of it
    while rest and (title_word(rest[0]) or is_nisba(rest[0]) or (behalf and rest[0].startswith("ال"))):
        behalf = behalf or title_word(rest[0]) == "behalf"
        rest.pop(0)
    return rest


@lru_cache(maxsize=8192)
def is_title_only(tokens: tuple[str, ...]) -> bool:
    """The phrase is a title with no name: a title head (وزير، الرئيس، المتحدث) and title words,
    adjectives or a definite complement after it (الوزير، الرئيس الأمريكي، المتحدث باسم الخارجية، وزير
    الري), or an honorific and adjectives (الجنرال الأمريكي)."""
    honorific = False
    while len(tokens) > 1 and title_word(tokens[0]) == "honorific":
        tokens, honorific = tokens[1:], True
    if _office_titled(tuple(tokens)) is not None:
        return True  # زعيم التيار الصدري: an office of the tables
    if honorific and all(is_nisba(t) for t in tokens):
        return True
    return title_word(tokens[0]) == "head" and all(title_word(t) or is_nisba(t) or t.startswith(("ال", "وال"))
                                                   for t in tokens[1:])


def _described_person(tokens: tuple[str, ...], context: Context) -> Person | None:
    """The person «المسؤول الأممي» refers to: the latest person named before whose title holds each nisba
    after the noun (المبعوث الأممي …); with no nisba, the latest person named. None when nobody fits."""
    nisbas = [_definite(t) for t in tokens[1:]]
    for person in reversed(context.people_before()):
        if all(n in person.role for n in nisbas) and (nisbas or person.role or is_person(person.name)):
            return person
    return None


def _title(mention: str, tokens: list[str], hits: list, context: Context) -> Named:
    """A title alone: the latest person in the article who held it, else the holder of that office on
    the article's date, else the title itself."""
    for person in reversed(context.people_before()):
        if _fits(tokens, person):
            return Named(person.name, "anaphora", *_role(person))
    exact = [a for _, _, a in hits if a.kind == "title" and len(a.tokens) == len(tokens)]
    if exact:
        office = offices()[exact[0].office]
        return Named(exact[0].canonical, "title", office.office, office.org)
    office = _office_titled(tuple(tokens))
    if office is not None:  # an office the tables know, no holder on this date: the title as they write it
        title = _written_titles()[tuple(t[1:] if k == 0 and t[:1] in "وف" and title_word(t[1:]) else t
                                        for k, t in enumerate(tokens))]
        return Named(title, "title", office.office, office.org)
    title = preferred_spelling(plain(mention).strip("،,: "))
    return Named(title, "title", title, _org_of_role(title))


@lru_cache(maxsize=1)
def _written_titles() -> dict[tuple[str, ...], str]:
    """Folded title → the title as data/offices.csv writes it."""
    return {_tokens(t): t for t in lexicons.table("offices")["title"]}


def _office_titled(tokens: tuple[str, ...]) -> Office | None:
    """The office whose title the folded words are (و before the first allowed), or None."""
    if tokens and tokens[0][:1] in "وف" and title_word(tokens[0][1:]):
        tokens = (tokens[0][1:], *tokens[1:])
    return next((o for o in offices().values() if tokens in o.titles), None)


def _fits(tokens: list[str], person: Person) -> bool:
    """A title alone fits a person's office or title: its words are among the role's (الوزير fits وزير
    الخارجية العراقي) and keep its complement (الرئيس does not fit رئيس الوزراء), or it is one of the
    titles of the office the person held."""
    words = [_definite(t) for t in tokens if title_word(t) != "honorific"]
    if person.office and tuple(_definite(t) for t in tokens) in _office_titles(person.office):
        return True
    role = person.role
    honorifics = [_definite(t) for t in tokens if title_word(t) == "honorific"]
    if honorifics and role and set(honorifics) <= set(role):  # الجنرال الأميركي: the general named before
        return all(w in role or w + "ه" in role or w.removesuffix("ه") in role for w in words)
    if role and len(words) == 1 and words[0] in role[1:]:
        k = role.index(words[0], 1)  # وزير الطاقة السعودي الأمير عبد العزيز: الأمير, a second title after an
        return title_word("ال" + role[k - 1]) != "head" and title_word(role[k - 1]) != "head"  # adjective (not نائب الرئيس)
    if not role or not words or words[0] != role[0] or not set(words) <= set(role):
        return False
    if len(words) >= 2:
        return True  # وزير الري fits وزير الموارد المائية والري: the complement is named
    return len(role) < 2 or role[1] in words or is_nisba("ال" + role[1]) or title_word(role[1]) == "behalf" \
        or words[0] not in _heads_of_two_offices()  # الوزيرة fits وزيرة الدفاع الألمانية


@lru_cache(maxsize=1)
def _heads_of_two_offices() -> frozenset[str]:
    """Title heads that name one office alone and another with a complement (الرئيس الأمريكي and رئيس
    الوزراء العراقي, in data/offices.csv): alone, such a head fits only a role it heads alone."""
    alone, completed = set(), set()
    for title in lexicons.table("offices")["title"]:
        words = [_definite(t) for t in _tokens(title)]
        if title_word(words[0]) != "head" and title_word("ال" + words[0]) != "head":
            continue
        adjectives = all(is_nisba("ال" + w) and not title_word("ال" + w) for w in words[1:])  # not الخارجية
        (alone if adjectives else completed).add(words[0])
    return frozenset(alone & completed)


def _definite(token: str) -> str:
    """A folded word without و and ال (الوزير → وزير)."""
    token = token[1:] if token.startswith("وال") else token
    return token[2:] if token.startswith("ال") and len(token) > 3 else token


@lru_cache(maxsize=None)
def _office_titles(office: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(_definite(t) for t in title) for title in offices()[office].titles)


def person(name: str, role: str | None, published: dt.date | None) -> Person:
    """The record of someone named, for later titles that refer back to them."""
    office = office_of(name, published)
    words = role or (office.office if office else "")
    return Person(name, tuple(_definite(t) for t in _tokens(words)), office.office if office else None)


def _role(p: Person) -> tuple[str | None, str | None]:
    if p.office:
        o = offices()[p.office]
        return o.office, o.org
    return None, None


def role_and_org(name: str, title_words: str, published: dt.date | None) -> tuple[str | None, str | None]:
    """The office a person held on the date (from the tables), else the title the text gave them; an
    institution is its own org."""
    office = office_of(name, published)
    if office:
        return office.office, office.org
    if is_institution(name):
        return None, None if name == JOINT else name
    role = title_words.strip("،,: ") or None
    return role, _org_of_role(role)


def _org_of_role(role: str | None) -> str | None:
    """The body a title names after باسم (المتحدث باسم الخارجية الإيرانية → الخارجية الإيرانية)."""
    if not role:
        return None
    words = role.split()
    behalf = [k for k, w in enumerate(words) if title_word(fold_spelling(normalize(w))) == "behalf"]
    return " ".join(words[behalf[0] + 1:]) or None if behalf else None


def _plain_words(mention: str, tokens: list[str], idx: int) -> str:
    """The words of the mention before token `idx` (the title before a name), as written."""
    return " ".join(plain(mention).split()[:idx]) if idx > 0 and _only_titles(tokens[:idx]) else ""


def _two_governments(tokens: list[str]) -> bool:
    """Two governments joined by و (واشنطن وبغداد، بغداد وواشنطن) speak together."""
    if len(tokens) != 2 or not tokens[1].startswith("و"):
        return False
    first, second = _single_alias(tokens[0]), _single_alias(tokens[1][1:])
    return first is not None and second is not None and first != second


def _single_alias(token: str) -> str | None:
    """The canonical institution a one-word alias names (بغداد → الحكومة العراقية), or None."""
    for k in _aliases_by_first().get(token, ()):
        a = aliases()[k]
        if len(a.tokens) == 1 and a.kind == "org":
            return a.canonical
    return None


def _in_document(tokens: list[str]) -> str | None:
    """في البيان inside the phrase: the document's noun (the speaker is its author), else None."""
    docs = document_words()
    return next((b[2:] for a, b in zip(tokens, tokens[1:]) if a == "في" and b.startswith("ال") and b[2:] in docs), None)


@lru_cache(maxsize=4096)
def name_words(name: str) -> list[str]:
    """The folded words of a speaker's name (names recur across an article and a corpus)."""
    return [fold_spelling(t) for t in normalize(name).split()]


def _only_titles(tokens: list[str]) -> bool:
    """Tokens before a name that do not change who it is: titles, nisba adjectives, and after a title head
    the body it heads (زعيم التيار الصدري مقتدى الصدر، رئيس المخابرات العراقية السابق)."""
    if all(title_word(t) or is_nisba(t) for t in tokens):
        return True
    return bool(tokens) and title_word(tokens[0]) == "head" and all(
        title_word(t) or is_nisba(t) or t.startswith("ال") for t in tokens[1:])


def plain(text: str) -> str:
    """Text without harakat or tatweel (letters as written)."""
    return _HARAKAT.sub("", text)
