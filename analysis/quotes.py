"""Direct quotations and who said them.

Quote marks «…», “…” and "…" are paired per paragraph with a stack, so nested quotes, quotes split by an
attribution and marks written without a space (أن«الحوار) work; an unbalanced mark never swallows the
rest of a paragraph. A quotation is a `statement` when it is long enough or is introduced by an
attribution, else a `term` (scare quotes, names such as "العربية").

Speakers come from attribution cues (`data/cues.csv`): the subject after a verb (قال الكاظمي), the source
of reported speech (نقلت X عن Y قوله), a joint statement (في بيان مشترك), a headline colon (والكاظمي:),
or the previous speaker when a cue has no subject (وأضاف، وتابع، مبيناً). Names fold to one canonical
form through `data/speakers.csv` (titles only while their holder was in office); a person in no list
is named from the text, titles stripped, and later surname-only mentions fold to that name.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import islice
from typing import NamedTuple

import pandas as pd

from . import lexicons
from .registry import extractor
from .schema import names, schema
from .text import Normalized, normalize, normalize_spans, trie_pattern

SCHEMA = schema(("article_id", "str"), ("sentence_id", "int"), ("start", "int"), ("end", "int"), ("text", "str"),
                ("quote", "str"), ("kind", "str"), ("speaker", "str"), ("speaker_start", "int"),
                ("speaker_end", "int"), ("speaker_mention", "str"), ("cue", "str"), ("attribution", "str"),
                ("rule", "str"))
COLUMNS = names(SCHEMA)

OPENERS = {"«": "guillemets", "“": "curly", "„": "curly"}
CLOSERS = {"»": "guillemets", "”": "curly"}
STRAIGHT = '"'
_MARKS = re.compile('[«»“”„"]')
MIN_STATEMENT_WORDS = 4
_HARAKAT = re.compile("[\u064b-\u065f\u0670\u0640]")
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"\w+")


class Quote(NamedTuple):
    """A top-level quotation: outer span with the marks, inner span without them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    rule: str


# ------------------------------------------------------------------ pairing quote marks
def _straight_role(text: str, i: int, lo: int, hi: int, open_straight: bool) -> str:
    """'open' or 'close' for a straight double quote, from the characters around it."""
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


def find_quotes(text: str, lo: int = 0, hi: int | None = None) -> list[Quote]:
    """Top-level quotations in text[lo:hi] (one paragraph), in order."""
    hi = len(text) if hi is None else hi
    stack: list[tuple[int, str]] = []
    pairs: list[tuple[int, int, str]] = []
    for mark in _MARKS.finditer(text, lo, hi):
        i, ch = mark.start(), mark.group()
        if ch in OPENERS:
            stack.append((i, OPENERS[ch]))
        elif ch in CLOSERS or ch == STRAIGHT:
            family = CLOSERS.get(ch, "straight")
            role = "close" if ch in CLOSERS else _straight_role(text, i, lo, hi, any(f == "straight" for _, f in stack))
            if role == "open":
                stack.append((i, "straight"))
                continue
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][1] == family:
                    start = stack[k][0]
                    del stack[k:]
                    pairs.append((start, i + 1, family))
                    break
    # an unclosed opener whose nested quote closed: the nested closer closed both (أنها "لا تسعى…العراق")
    closed = sorted(pairs)
    starts = [p[0] for p in closed]
    for start, family in stack:
        k = bisect.bisect_right(starts, start)
        if k < len(closed):
            pairs.append((start, closed[k][1], f"{family}_shared_close"))
    out: list[Quote] = []
    for s, e, rule in sorted(pairs, key=lambda p: (p[0], -p[1])):  # outer quotes first
        if out and s < out[-1].end:
            continue  # nested in (or tangled with) the previous top-level quote
        out.append(Quote(s, e, s + 1, e - 1, rule))
    return out


# ------------------------------------------------------------------ lexicons
_CUE_PREFIXES, _CUE_SUFFIXES = ("", "و", "ف"), ("", "ت", "وا", "ا", "تا", "ن")


@dataclass(frozen=True)
class _Cues:
    pattern: re.Pattern[str]
    kinds: dict[str, str]
    first_words: frozenset[str]  # how the first word of a cue may be written (قال، وقالت، فأكدوا)


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    table = lexicons.table("cues")
    kinds = {normalize(c): k for c, k in zip(table["cue"], table["kind"])}
    pattern = re.compile(rf"(?<![\w])(?P<pre>[وف])?(?P<cue>{trie_pattern(kinds)})(?P<suf>ت|وا|ا|تا|ن)?(?![\w])")
    first = frozenset(p + c.split()[0] + (s if " " not in c else "") for c in kinds
                      for p in _CUE_PREFIXES for s in _CUE_SUFFIXES)
    return _Cues(pattern, kinds, first)


def find_cues(norm: Normalized) -> list[re.Match[str]]:
    """The attribution cues of a text, as `_cues().pattern.finditer` finds them: a cue is a whole word
    (or starts with one), so only the text's words that can begin a cue are tried."""
    cues = _cues()
    return norm.matches_at_words(cues.pattern, cues.first_words)


@dataclass(frozen=True)
class _Alias:
    canonical: str
    tokens: tuple[str, ...]
    kind: str
    valid_from: dt.date | None
    valid_to: dt.date | None


@lru_cache(maxsize=1)
def _aliases() -> list[_Alias]:
    table = lexicons.table("speakers")
    out = []
    for row in table.itertuples():
        out.append(_Alias(row.canonical, tuple(normalize(row.alias).split()), row.kind,
                          dt.date.fromisoformat(row.valid_from) if row.valid_from else None,
                          dt.date.fromisoformat(row.valid_to) if row.valid_to else None))
    return sorted(out, key=lambda a: -len(a.tokens))


@lru_cache(maxsize=1)
def _full_names() -> list[_Alias]:
    """Aliases that are names of two words or more (مصطفى الكاظمي), in `_aliases()` order."""
    return [a for a in _aliases() if a.kind == "name" and len(a.tokens) >= 2]


@lru_cache(maxsize=1)
def _aliases_by_first() -> dict[str, list[int]]:
    """Positions in `_aliases()` of the aliases starting with each word."""
    out: dict[str, list[int]] = {}
    for k, a in enumerate(_aliases()):
        out.setdefault(a.tokens[0], []).append(k)
    return out


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(normalize(w) for w in lexicons.table("titles")["word"])


_STOPS = frozenset(normalize(w) for w in (
    "أن", "أنه", "أنها", "أنهم", "إن", "إنه", "إنها", "بأن", "بأنه", "إلى", "على", "في", "خلال", "عبر", "قبيل",
    "قبل", "بعد", "أمام", "عن", "من", "أثناء", "حيث", "لدى", "ضمن", "قائلا", "عقب", "إثر", "اليوم", "أمس",
    "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "مساء", "صباح",
    "لـ", "ل", "وذلك", "كما", "بحسب", "وفق", "حسب", "الذي", "التي", "هذا", "هذه", "ذلك", "تلك", "مع",
))
_QUOTE_CHARS = '"«»“”„'
_COMPLEMENT = re.compile(r"(?:(?<![\w])(?:ب?ان|ب?انه|ب?انها|ان|قايلا|قوله|قولها|قولهم|قولهما)\s*[،,:]?|[:،,])\s*$")
_JOINT = re.compile(r"بيان\s+مشترك|البيان\s+المشترك")
_IN_STATEMENT = re.compile(r"(?<![\w])في\s+البيان(?![\w])")
_SOURCE_HEADS = ("صحيفه", "وكاله", "قناه", "موقع", "مجله")
_SOURCE_FORMS = frozenset(p + h for h in _SOURCE_HEADS for p in ("", "ال"))
_NAMED_SOURCE = re.compile(r"(?<![\w])(?:ال)?(?P<head>صحيفه|وكاله|قناه|موقع|مجله)\s+[\"«“](?P<name>[^\"«»“”،,.]{2,40}?)[\"»”]")  # the name in quotes
_REPORTED = re.compile(r"(?<![\w])[وف]?نقل(?:ت)?\s+(?P<src>.{2,80}?)\s+عن\s+(?P<who>.{2,80}?)\s*[،,]?\s*(?:قوله|قولها|قولهم|قولهما)(?![\w])")
_COLON = re.compile(r"(?:^|[.،,]\s*|\.\.\s*)(?P<who>[^.:،,\"«»“”]{2,40}?)\s*:\s*$")


# ------------------------------------------------------------------ speakers
class _Speaker(NamedTuple):
    name: str
    start: int
    end: int
    cue: str
    attribution: str


class _State:
    """What one article has said so far: the last speaker, and names seen, for carry-over and folding."""

    def __init__(self, norm: Normalized, published: dt.date | None):
        self.norm = norm
        self.published = published
        self.last: _Speaker | None = None
        words = norm.word_set
        joined = f" {' '.join(norm.words)} "  # a run of words is a substring " a b " of it
        self.names = [a.canonical for a in _full_names() if words.issuperset(a.tokens[1:]) and _has_run(joined, a.tokens)]
        self.joint_seen = False
        self.mentioned: list[str] = []  # speakers named so far, for back-references such as المسؤول
        # attribution cues and joint-statement phrases of the whole article, found in one pass each
        self.cues = find_cues(norm)
        self.cue_starts = [m.start() for m in self.cues]
        self.joints = [m.span() for m in _JOINT.finditer(norm.text)] if "بيان" in norm.text else []

    def cues_in(self, lo: int, hi: int) -> list[re.Match[str]]:
        """The cues inside the folded span [lo, hi)."""
        a, b = bisect.bisect_left(self.cue_starts, lo), bisect.bisect_left(self.cue_starts, hi)
        return [m for m in self.cues[a:b] if m.end() <= hi]

    def joint_in(self, lo: int, hi: int) -> int | None:
        """Folded start of the first joint-statement phrase inside [lo, hi), or None."""
        return next((s for s, e in self.joints if s >= lo and e <= hi), None)

    @cached_property
    def sources(self) -> dict[str, str]:
        """Named sources of the article (صحيفة "نيويورك تايمز"), by their head word: computed when needed."""
        norm = self.norm
        return {m.group("head"): _plain(norm.original[slice(*norm.span(*m.span("name")))]).strip()
                for m in norm.matches_at_words(_NAMED_SOURCE, _SOURCE_FORMS)}

    def valid(self, alias: _Alias) -> bool:
        if alias.kind != "title":
            return True
        if self.published is None:
            return False
        return (alias.valid_from is None or alias.valid_from <= self.published) and \
               (alias.valid_to is None or self.published <= alias.valid_to)


def _has_run(joined: str, seq: tuple[str, ...]) -> bool:
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


def canonical_speaker(mention: str, state: _State) -> str | None:
    """The canonical name for a subject phrase as written, or None when it names nobody."""
    tokens = [t.strip("،,:.") for t in normalize(mention).split()]
    tokens = [t for t in tokens if t and not any(c in t for c in _QUOTE_CHARS)]
    if not tokens:
        return None
    by_first = _aliases_by_first()
    candidates = sorted(k for t in {*tokens, *(t[1:] for t in tokens)} for k in by_first.get(t, ()))
    aliases = _aliases()
    hits = [(idx, -len(a.tokens), a) for a in (aliases[k] for k in candidates) if state.valid(a)
            for idx in [_contains(tokens, a.tokens)] if idx >= 0 and _only_titles(tokens[:idx])]
    if hits:
        return min(hits, key=lambda h: (h[0], h[1]))[2].canonical
    rest = list(tokens)
    while rest and (rest[0] in _titles() or rest[0].lstrip("و") in _titles() or _is_adjective(rest[0])):
        rest.pop(0)
    if rest and all(t.endswith(("ي", "يه", "يين", "يون")) for t in rest):
        rest = list(tokens)  # مسؤول عسكري أميركي: a description, not a title before a name
    if len(rest) == 1:
        for name in reversed(state.names):
            if _name_words(name)[-1] == rest[0].lstrip("و"):
                return name
    bare = tokens[0].lstrip("و")
    if len(tokens) == 1 and bare.startswith("ال") and bare[2:] in state.sources:
        return state.sources[bare[2:]]
    if len(tokens) == 1 and bare.startswith("ال") and bare != "البيان":  # المسؤول → مسؤول عسكري أميركي
        for name in reversed(state.mentioned):
            if _name_words(name)[0] == bare[2:]:
                return name
    if _IN_STATEMENT.search(" ".join(tokens)) or tokens[0].lstrip("و") == "البيان":
        return "البيان المشترك" if state.joint_seen else None
    words = _plain(mention).split()
    keep = words[len(tokens) - len(rest):] if rest and 1 <= len(rest) <= 4 else words
    name = " ".join(keep).strip("،,: ")
    if rest and 2 <= len(rest) <= 4 and not set(rest) & _STOPS and name not in state.names:
        state.names.append(name)
    return name or None


@lru_cache(maxsize=4096)
def _name_words(name: str) -> list[str]:
    """The folded words of a speaker's name (names recur across an article and a corpus)."""
    return normalize(name).split()


def _only_titles(tokens: list[str]) -> bool:
    """Tokens before a name that do not change who it is: titles, nisba adjectives, commas."""
    return all(t in _titles() or t.lstrip("و") in _titles() or _is_adjective(t) for t in tokens)


def _is_adjective(token: str) -> bool:
    """Nisba adjectives after a title (الأميركي، العراقية، البريطاني)."""
    return token.startswith("ال") and (token.endswith("ي") or token.endswith("يه")) and len(token) > 4


def _plain(text: str) -> str:
    return _HARAKAT.sub("", text)


def _subject(norm: Normalized, fpos: int, fend: int) -> tuple[int, int] | None:
    """Folded span of the subject phrase starting at folded position `fpos` (before `fend`)."""
    tokens = list(islice(_TOKEN.finditer(norm.text, fpos, fend), 14))  # a subject and its apposition
    if not tokens:
        return None
    taken = []
    for k, m in enumerate(tokens[:9]):
        word = m.group()
        bare = word.strip("،,:.؛")
        if not bare or bare in _STOPS or any(c in word for c in _QUOTE_CHARS) or bare[:1] in "0123456789":
            break
        if not taken and (bare.startswith("لل") or (len(bare) > 4 and bare.endswith(("هما", "هم", "ها")))):
            break  # an object (مسعاهما، التزامهما), not a subject
        taken.append(m)
        if word[-1:] in "،,:.؛":
            appos = _apposition(tokens, k + 1)
            if appos:
                taken.extend(appos)
            break
    if not taken:
        return None
    return taken[0].start(), taken[-1].end() - (1 if taken[-1].group()[-1:] in "،,:.؛" else 0)


_KANA = re.compile(r"(?:^|[\s،,.])[وف]?كان(?:ت)?\s+(?P<subj>[^\s،,.\"«»“”]+(?:\s+[^\s،,.\"«»“”]+){0,5}?)\s+قد\s*$")


def _subject_before(folded: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The subject of كان X قد قال: it stands before the verb."""
    lo = max(0, m.start() - 80)
    before = folded[lo:m.start()]
    if not before.rstrip().endswith("قد"):
        return None  # the cheap test first: _KANA ends with قد
    k = _KANA.search(before)
    return (lo + k.start("subj"), lo + k.end("subj")) if k else None


def _apposition(tokens: list[re.Match[str]], k: int) -> list[re.Match[str]]:
    """A name in commas after a title (وزير الخارجية الأميركي، أنتوني بلينكن، أن…)."""
    run = []
    for m in tokens[k:k + 5]:
        bare = m.group().strip("،,:.")
        if not bare or bare in _STOPS or any(c in m.group() for c in _QUOTE_CHARS):
            return []
        run.append(m)
        if m.group()[-1:] in "،,":
            return run
    return []


# ------------------------------------------------------------------ extraction
@extractor("statements", SCHEMA)
def extract(article, facts: dict[str, list[dict]]) -> list[dict]:
    """The `statements` rows of a segmented article (all its sentences: a headline quote counts too)."""
    return rows(article.article_id, article.text, article.sentences, article.published, article.norm)


def rows(article_id: str, text: str, sentences: list[dict], published: dt.date | None,
         norm: Normalized | None = None) -> list[dict]:
    """Rows of the `statements` frame for one article: every quotation in its content paragraphs."""
    last_mark = max(text.rfind(mark) for mark in "«»“”„\"")  # what follows it cannot change any row
    if last_mark < 0:
        return []  # no quotation marks, no quotations
    norm = norm or normalize_spans(text)
    state = _State(norm, published)
    paragraphs: dict[int, list[dict]] = {}
    for s in sentences:
        paragraphs.setdefault(s["paragraph_id"], []).append(s)
    rows = []
    for sents in paragraphs.values():
        if sents[0]["start"] > last_mark:
            break
        if sents[0]["boilerplate"]:
            continue
        rows.extend(_paragraph(article_id, text, norm, sents, state))
    return rows


def _paragraph(aid: str, text: str, norm: Normalized, sents: list[dict], state: _State) -> list[dict]:
    lo, hi = sents[0]["start"], sents[-1]["end"]
    quotes = find_quotes(text, lo, hi)
    fold = norm.to_folded
    folded = norm.text
    quote_starts = [q.start for q in quotes]  # quotes do not overlap: bisect finds the one around a point
    sent_starts = [s["start"] for s in sents]
    cues = state.cues_in(fold(lo), fold(hi))
    if not quotes and not cues:
        return []  # nothing said here, nothing that changes who speaks next
    events: list[tuple[int, str, object]] = [(q.start, "quote", q) for q in quotes]
    for m in cues:
        o_start = norm.to_original(m.start())
        k = bisect.bisect_right(quote_starts, o_start) - 1
        if k < 0 or o_start >= quotes[k].end:
            events.append((o_start, "cue", m))
    joint = state.joint_in(fold(lo), fold(hi))
    joint_at = norm.to_original(joint) if joint is not None else None
    rows, current, previous_quote = [], None, None
    for pos, kind, item in sorted(events, key=lambda e: e[0]):
        sent = sents[max(0, bisect.bisect_right(sent_starts, pos) - 1)]
        if joint_at is not None and joint_at <= pos:
            state.joint_seen = True
        if kind == "cue":
            k = bisect.bisect_right(quote_starts, pos)
            next_quote = quotes[k].start if k < len(quotes) else hi
            speaker = _from_cue(item, text, norm, state, next_quote)
            if speaker is not None:
                current = (sent["sentence_id"], speaker)
            continue
        q: Quote = item
        quote_text = text[q.inner_start:q.inner_end]
        cue_here = current if current and current[0] == sent["sentence_id"] else None
        speaker = None
        statement = len(list(islice(_WORD.finditer(quote_text), MIN_STATEMENT_WORDS))) >= MIN_STATEMENT_WORDS
        if cue_here and (statement or _COMPLEMENT.search(_lead(folded, fold, sent, previous_quote, lo, q))):
            speaker, statement = cue_here[1], True
        if speaker is None:
            speaker = _colon_speaker(text, norm, fold, sent["start"], q.start, state)
            statement = statement or speaker is not None
        if speaker is None and statement:
            speaker = _post_cue(text, norm, fold, q.end, sent["end"], state)
        if speaker is None and statement and previous_quote is not None and rows and rows[-1]["speaker"] \
                and rows[-1]["sentence_id"] == sent["sentence_id"]:
            r = rows[-1]
            speaker = _Speaker(r["speaker"], r["speaker_start"], r["speaker_end"], r["cue"], "continuation")
        if statement and speaker is not None:
            state.last = speaker
        rows.append(_row(aid, sent, text, q, statement, speaker if statement else None))
        if statement:
            previous_quote = q
    return rows


def _lead(folded: str, fold, sent: dict, previous_quote: Quote | None, lo: int, q: Quote) -> str:
    """The folded words right before a quote (a complementizer such as أن or قائلاً stands there)."""
    lead_start = max(sent["start"], previous_quote.end if previous_quote else lo, q.start - 80)
    return folded[fold(lead_start):fold(q.start)]


def _row(aid: str, sent: dict, text: str, q: Quote, statement: bool, speaker: _Speaker | None) -> dict:
    return {"article_id": aid, "sentence_id": sent["sentence_id"], "start": q.start, "end": q.end,
            "text": text[q.start:q.end], "quote": text[q.inner_start:q.inner_end].strip(),
            "kind": "statement" if statement else "term",
            "speaker": speaker.name if speaker else None,
            "speaker_start": speaker.start if speaker else None,
            "speaker_end": speaker.end if speaker else None,
            "speaker_mention": text[speaker.start:speaker.end] if speaker else None,
            "cue": speaker.cue if speaker else None,
            "attribution": speaker.attribution if speaker else None, "rule": q.rule}


def _from_cue(m: re.Match[str], text: str, norm: Normalized, state: _State, next_quote: int) -> _Speaker | None:
    """The speaker a cue introduces: its subject, the Y of نقلت X عن Y قوله, or the previous speaker."""
    kind = _cues().kinds[m.group("cue")]
    folded = norm.text
    if kind in ("verb", "reported") and not _clause_start(folded, m):
        return None  # a verb inside reported speech (… إن بغداد وواشنطن أكدتا …) introduces nobody
    o_s, o_e = norm.span(m.start(), m.end())
    cue_text = text[o_s:o_e]
    if kind == "reported":
        line_end = folded.find("\n", m.start(), m.start() + 400)
        r = _REPORTED.match(folded, m.start(), line_end if line_end != -1 else min(len(folded), m.start() + 400))
        if r:
            s, e = norm.span(r.start("who"), r.end("who"))
            name = canonical_speaker(text[s:e], state)
            if name:
                state.last = _Speaker(name, s, e, f"{cue_text} … عن … قوله", "reported")
                return state.last
        return None
    end = folded.find("\n", m.end(), m.end() + 300)
    span = _subject(norm, m.end(), end if end != -1 else min(len(folded), m.end() + 300)) \
        or _subject_before(folded, m)
    if kind == "participle" or span is None:
        if state.last is None:
            return None
        return _Speaker(state.last.name, state.last.start, state.last.end, cue_text, "carried")
    s, e = norm.span(*span)
    name = canonical_speaker(text[s:e], state)
    if name is None:
        return None
    window = folded[span[0]:min(norm.to_folded(next_quote), span[0] + 300)]
    if not _is_person(name) and (_JOINT.search(window) or (state.joint_seen and _IN_STATEMENT.search(window))):
        name, attribution = "البيان المشترك", "joint_statement"
    else:
        attribution = "cue"
    state.last = _Speaker(name, s, e, cue_text, attribution)
    state.mentioned.append(name)
    return state.last


_LEADERS = frozenset(("قد", "وقد", "لقد", "كما", "ثم", "فيما", "بينما", "حين", "حيث", "كذلك", "بدوره", "بدورها",
                      "بدورهم", "جهته", "جهتها", "جهتهم", "جانبه", "جانبها", "جانبهم", "ناحيته", "ناحيتها"))


def _clause_start(folded: str, m: re.Match[str]) -> bool:
    """A verb cue opens a clause: it carries و/ف, or follows punctuation, a line start or a particle."""
    if m.group("pre"):
        return True
    before = folded[max(0, m.start() - 12):m.start()].rstrip(" ")
    if not before or before[-1:] in "\n،,.:؛!؟?()-\"»”":
        return True
    return before.split()[-1] in _LEADERS


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    return frozenset(a.canonical for a in _aliases() if a.kind != "org")


def _is_person(name: str) -> bool:
    return name in _people()


def _colon_speaker(text: str, norm: Normalized, fold, lo: int, pos: int, state: _State) -> _Speaker | None:
    """Headline style: والكاظمي: "كفى حروباً" (looked for in the 80 characters before the quote)."""
    base = fold(max(lo, pos - 80))
    before = norm.text[base:fold(pos)]  # a slice: ^ must mean the sentence start
    if not before.rstrip().endswith(":"):
        return None  # the cheap test first: _COLON ends with a colon
    m = _COLON.search(before)
    if not m or _cues().pattern.match(m.group("who").strip()):
        return None
    s, e = norm.span(base + m.start("who"), base + m.end("who"))
    name = canonical_speaker(text[s:e], state)
    return _Speaker(name, s, e, ":", "colon") if name else None


@lru_cache(maxsize=1)
def _post_pattern() -> re.Pattern[str]:
    verbs = trie_pattern(k for k, v in _cues().kinds.items() if v == "verb")
    return re.compile(rf"\s*[،,]?\s*(?P<pre>[وف])?(?P<cue>{verbs})(?P<suf>ت|وا|ا)?(?![\w])")


def _post_cue(text: str, norm: Normalized, fold, pos: int, end: int, state: _State) -> _Speaker | None:
    """Attribution after the quote: "…"، قال فلان."""
    folded = norm.text
    m = _post_pattern().match(folded, fold(pos), min(fold(end), fold(pos) + 40))
    if not m:
        return None
    span = _subject(norm, m.end(), min(fold(end), m.end() + 300))
    if span is None:
        return None
    s, e = norm.span(*span)
    name = canonical_speaker(text[s:e], state)
    o_s, o_e = norm.span(m.start("cue"), m.end())
    return _Speaker(name, s, e, text[o_s:o_e], "post_cue") if name else None


def key_quotes(statements: pd.DataFrame, speakers: list[str] | None = None, n: int = 2) -> pd.DataFrame:
    """The first `n` statements of each speaker side by side (columns: speakers, most quoted first)."""
    st = statements[(statements["kind"] == "statement") & statements["speaker"].notna()]
    if speakers is None:
        speakers = list(st["speaker"].value_counts().sort_index().sort_values(ascending=False, kind="stable").index[:3])
    columns = {s: st.loc[st["speaker"] == s, "quote"].head(n).tolist() for s in speakers}
    return pd.DataFrame({s: q + [None] * (n - len(q)) for s, q in columns.items()})
