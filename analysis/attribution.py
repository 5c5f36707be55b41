"""Who said it: from an attribution cue (or a headline colon) to the speaker, and what an article has said
so far.

How a speaker is found, as the `attribution` column says it:

- `cue`: the subject after a verb cue (قال الكاظمي، بحسب الوزارة), or after the quotation ("…"، قال X);
  a name written in quotation marks is a name (قال "X" إن …);
- `subject-first`: the subject stands before its verb (الوزير أكد أن، مستشار الأمن القومي، X، قال: ،
  وكان X قد قال);
- `carried`: a cue with no subject (وأضاف، وتابع، كما أضاف:) continues the previous speaker, and so does
  the second half of a split quotation;
- `participle`: a circumstantial participle (قائلاً، مضيفاً، مشيراً إلى) whose subject is its sentence's
  main subject (تحدث رئيس الوزراء … عن ذلك قائلاً:);
- `title`: a title alone resolved through the office tables (or left as the title); `anaphora`: a title or
  word that refers back to someone the article named (الوزير، الأخير، الصحيفة);
- `document`: speech inside a document (ألقى X كلمة جاء فيها، وجاء في البيان، بحسب البيان);
- `joint`: a joint statement, or the two parties as one speaker (أكد البلدان، اتفق الجانبان);
- `reported`: نقلت X عن Y قوله، وفق ما نقلته وكالة X; `colon`: a headline colon (والكاظمي: "…").

`ArticleState` holds what one article has said so far; `record` is the only place it changes.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import cached_property, lru_cache
from typing import NamedTuple

from . import cues as cue_words
from .cues import document_kinds, document_noun, document_words, find_cues
from .quote_marks import MARKS, Quote, has_mark
from .people import full_names_of, titled_people
from .speakers import (JOINT, Context, Person, canonical_speaker, full_names, has_run, is_institution, is_person,
                       joint_phrases, listed_speaker, name_aliases, person, plain, preferred_spelling)
from .subjects import (follows_complementizer, stop_words, stops_of, subject_after, subject_before, tokens_between,
                       words_in)
from .text import Normalized, normalize
from .titles import is_nisba, title_word

_HEADLINE = 200  # folded characters: a mention this near the start may be named in full only later
_BAYYANA = "بين"  # بيّن (explained), written without its shadda: also the preposition "between"
# (?<!\wبين) after بين: no letter before it, tested once بين is found (re skips to where بين stands)
_BETWEEN = re.compile(r"بين(?<!\wبين)(?:ه|ها|هم|هما|نا|ي)?(?![\w])")
_COLON = re.compile(r"(?:^|[.،,]\s*|\.\.\s*)(?P<who>[^.:،,\"«»“”]{2,40}?)\s*:\s*$")
_HOW = {"title": "title", "anaphora": "anaphora", "joint": "joint", "document": "document"}


class Speaker(NamedTuple):
    name: str
    start: int
    end: int
    cue: str
    attribution: str
    role: str | None = None
    org: str | None = None
    learned: bool = False  # the name is a new full name, for later surname-only mentions
    mention: int = -1  # folded start of the mention (-1: the speaker was carried over)


class Attribution(NamedTuple):
    """A cue that introduces someone's words: who (perhaps nobody known), where the cue is, and where what
    was said may start (after the subject), in folded offsets."""

    speaker: Speaker | None
    cue_start: int
    content_from: int | None  # None: the cue introduces no clause (ألقى X كلمة)
    about: bool = False  # the cue takes عن (أعلن عن)
    name_quote: int | None = None  # original start of a quotation that is the subject's name
    starts_at: int | None = None  # where its clause starts when not at the cue (a subject before it)

    def clause_start(self, folded: str) -> int:
        """Where the clause of this attribution starts, so that the clause before it ends there: its
        subject when it stands first, else before the particle and comma before its cue (، فيما أكد)."""
        return self.starts_at if self.starts_at is not None else _clause_start(folded, self.cue_start)


class ArticleState:
    """What one article has said so far: the last speaker, the names seen, who issued which document."""

    def __init__(self, norm: Normalized, published: dt.date | None, dates: list[tuple[int, int]] = ()):
        self.norm = norm
        self.published = published
        self.dates = sorted((norm.to_folded(s), norm.to_folded(e)) for s, e in dates)  # folded date spans
        self.last: Speaker | None = None
        self.learned: tuple[str, ...] = ()  # full names the text gave people in no table
        self.mentioned: tuple[str, ...] = ()  # speakers named so far, for back-references such as المسؤول
        self.people: list[tuple[int, str, str | None]] = []  # speakers named so far: mention start, name, role
        self.issuers: dict[str, str] = {}  # document kind → who issued the latest one (replaced, never changed)
        self._full_names: dict[str, list[tuple[int, tuple[int, int]]]] = {}  # surname → its names (a cache)
        # attribution cues and joint-statement phrases of the whole article, found in one pass each
        self.cues = find_cues(norm)
        self.cue_starts = [m.start() for m in self.cues]
        self.joints = _joint_spans(norm)

    def record(self, speaker: Speaker, *, last: bool = True, document: str | None = None) -> Speaker:
        """The one place the state changes: a speaker found (the last speaker unless `last` is False),
        perhaps with a new full name, perhaps the issuer of a document of kind `document`."""
        if speaker.learned and speaker.name not in self.names:
            self.learned = (*self.learned, speaker.name)
        if speaker.mention >= 0 and speaker.attribution not in ("joint", "document"):
            self.mentioned = (*self.mentioned, speaker.name)
            if is_person(speaker.name) or speaker.role:
                self.people.append((speaker.mention, speaker.name, speaker.role))
        if document:  # the latest document last in the dict
            self.issuers = {**{k: v for k, v in self.issuers.items() if k != document}, document: speaker.name}
        if last:
            self.last = speaker
        return speaker

    def context(self, pos: int) -> Context:
        """What `canonical_speaker` may read for a mention at folded position `pos`."""
        return Context(self.published, lambda: self.names, self.mentioned, self.joint_before(pos),
                       self.issuers, lambda: self.sources, lambda: self.people_before(pos),
                       lambda surname: self.full_name_before(surname, pos), lambda: self.introduced_before(pos))

    @property
    def names(self) -> tuple[str, ...]:
        """The full names the article holds: listed ones and those learned from the text so far."""
        return self.table_names + self.learned if self.learned else self.table_names

    def introduced_before(self, pos: int) -> tuple[str, ...]:
        """The full names written after a title (الأمين العام لمجلس التعاون نايف الحجرف) before folded
        position `pos`, each once, in the order of their first mention."""
        first = self.introduced_names
        k = bisect.bisect_left(first, (pos, ""))
        return tuple(name for _, name in first[:k])

    @cached_property
    def introduced(self) -> list[tuple[int, str, str]]:
        """Everyone the article introduces with a title (`people.titled_people`): folded start of the
        phrase, the name and the title as written, in text order; computed when a mention needs it."""
        norm, out = self.norm, []
        for p in titled_people(norm):
            name = preferred_spelling(plain(norm.original[slice(*norm.span(*p.name))]).strip("،,: "))
            title = plain(norm.original[slice(*norm.span(*p.title))]).strip("،,: ")
            out.append((p.start, name, title))
        return out

    @cached_property
    def introduced_names(self) -> list[tuple[int, str]]:
        """(first folded start, name) of each full name introduced with a title, in text order."""
        seen: dict[str, int] = {}
        for p, name, _ in self.introduced:
            if " " in name:
                seen.setdefault(name, p)
        return sorted((p, name) for name, p in seen.items())

    def full_name_before(self, surname: str, pos: int) -> str | None:
        """The fullest name ending in the folded word(s) `surname` written before folded position `pos`."""
        found = self._full_names.get(surname)
        if found is None:
            found = self._full_names[surname] = full_names_of(self.norm, surname)
        spans = [span for end, span in found if end <= pos]
        if not spans and pos < _HEADLINE:
            spans = [span for _, span in found]  # a headline's surname: the name the body gives
        if not spans:
            return None
        best = max(spans, key=lambda span: span[1] - span[0])
        return plain(self.norm.original[slice(*self.norm.span(*best))])

    @cached_property
    def table_names(self) -> tuple[str, ...]:
        """The listed full names (مصطفى الكاظمي) the article's words hold, computed when a mention needs them."""
        norm = self.norm
        words = norm.word_set
        by_last = _full_names_by_last()
        held = sorted(k for w in words.intersection(by_last) for k in by_last[w])  # their last word is in the text
        table = full_names()
        candidates = [table[k] for k in held if words.issuperset(table[k].tokens[1:])]
        if not candidates:
            return ()
        joined = f" {' '.join(norm.words)} "  # a run of words is a substring " a b " of it
        return tuple(a.canonical for a in candidates if has_run(joined, a.tokens))

    def people_before(self, pos: int) -> tuple[Person, ...]:
        """People named before folded position `pos`: the speakers so far and every listed name, oldest first."""
        found = [(p, person(name, role, self.published)) for p, name, role in self.people if p < pos]
        found += [(p, who) for p, who in self.listed_people if p < pos]
        # a title phrase that starts here names its own holder (المبعوث الأممي إلى اليمن هانس غروندبرغ: the
        # subject stops at إلى, the phrase runs on to the name)
        found += [(p, person(name, title, self.published)) for p, name, title in self.introduced if p <= pos]
        return tuple(who for _, who in sorted(found, key=lambda f: f[0]))

    @cached_property
    def listed_people(self) -> list[tuple[int, Person]]:
        """Every mention of a listed person's name (speakers.csv) in the article, with its folded start."""
        norm, out = self.norm, []
        words = norm.word_set
        for a in name_aliases():
            if not words.issuperset(a.tokens[1:]):
                continue
            forms = {a.tokens[0]} | {c + a.tokens[0] for c in "وفلب"}
            if not words & forms:
                continue
            run = r"\s+".join(map(re.escape, a.tokens[1:]))
            for i, w in norm.word_positions(forms):
                if not run or re.match(r"\s+" + run + r"(?!\w)", norm.text[i + len(w):i + len(w) + 80]):
                    out.append((i, person(a.canonical, None, self.published)))
        return out

    def before_date(self, span: tuple[int, int] | None) -> tuple[int, int] | None:
        """A subject span cut where a date starts inside it (أعلنت الوزارة عام 2018 أن → الوزارة); None
        when it starts with one (قد أعلنت الشهر الماضي عن: the subject stood before the verb)."""
        if span is None or not self.dates:
            return span
        k = bisect.bisect_left(self.dates, (span[0], span[0]))
        if k < len(self.dates) and self.dates[k][0] < span[1]:
            cut = self.dates[k][0]
            while cut > span[0] and self.norm.text[cut - 1] in " ،,":
                cut -= 1
            return (span[0], cut) if cut > span[0] else None
        return span

    def without_dates(self, lo: int, hi: int) -> str:
        """The folded text of [lo, hi) with the article's dates cut out (what is left of a time adjunct)."""
        text, pos, out = self.norm.text, lo, []
        k = bisect.bisect_left(self.dates, (lo, lo))
        for s, e in self.dates[max(0, k - 1):]:
            if s >= hi:
                break
            if e <= pos:
                continue
            out.append(text[pos:max(pos, s)])
            pos = max(pos, e)
        out.append(text[pos:hi])
        return "".join(out)

    def cues_in(self, lo: int, hi: int) -> list[re.Match[str]]:
        """The cues inside the folded span [lo, hi)."""
        a, b = bisect.bisect_left(self.cue_starts, lo), bisect.bisect_left(self.cue_starts, hi)
        return [m for m in self.cues[a:b] if m.end() <= hi]

    def joint_in(self, lo: int, hi: int) -> bool:
        """A joint-statement phrase lies inside the folded span [lo, hi)."""
        return bool(self.joints) and any(s >= lo and e <= hi for s, e in self.joints)

    def joints_in(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The joint-statement phrases inside the folded span [lo, hi)."""
        return [(s, e) for s, e in self.joints if s >= lo and e <= hi]

    def joint_at(self, pos: int) -> int | None:
        """The folded end of a joint-statement phrase that starts at `pos` (after a proclitic), or None."""
        return next((e for s, e in self.joints if pos <= s <= pos + 1), None)

    def joint_before(self, pos: int) -> bool:
        """A joint-statement phrase starts before folded position `pos`."""
        return bool(self.joints) and self.joints[0][0] < pos

    @cached_property
    def sources(self) -> dict[str, str]:
        """Named sources of the article (صحيفة "نيويورك تايمز"), by their head word: computed when needed."""
        norm = self.norm
        return {m.group("head"): plain(norm.original[slice(*norm.span(*m.span("name")))]).strip()
                for m in norm.matches_at_words(_named_source(), cue_words.media_forms())}


_PROCLITICS = ("", "و", "ف", "ب", "ل")


@lru_cache(maxsize=1)
def _full_names_by_last() -> dict[str, list[int]]:
    """The positions in `full_names()` of the names (of two words or more) ending in each word."""
    out: dict[str, list[int]] = {}
    for k, a in enumerate(full_names()):
        out.setdefault(a.tokens[-1], []).append(k)
    return out


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
def _named_source() -> re.Pattern[str]:
    """A media source with its name in quotation marks: صحيفة "نيويورك تايمز"."""
    heads = "|".join(cue_words.media_words())
    return re.compile(rf"(?<![\w])(?:ال)?(?P<head>{heads})\s+[\"«“](?P<name>[^\"«»“”،,.]{{2,40}}?)[\"»”]")


# ------------------------------------------------------------------ from a cue to its speaker
class Sentence(NamedTuple):
    """The folded bounds of the cue's sentence, and who spoke in it before the cue (for participles)."""

    start: int
    end: int
    speaker: Speaker | None


def from_cue(m: re.Match[str], text: str, state: ArticleState, sentence: Sentence, quotes: list[Quote],
             next_quote: int) -> Attribution | None:
    """What a cue introduces: its speaker and where the speaker's words may start."""
    cue = m.group("cue")
    kind = cue_words.cues().kinds[cue]  # (cues.kind, without a second reading of the group)
    norm = state.norm
    start, end = m.span()
    if cue == _BAYYANA and _BETWEEN.search(norm.text, max(0, start - 50), start):
        return None  # بينه وبين المبعوث: the preposition بين again, not بيّن (explained)
    o_s, o_e = norm.span(start, end)
    cue_text = text[o_s:o_e]
    line_end = norm.text.find("\n", end, end + 300)
    limit = min(sentence.end, line_end if line_end != -1 else end + 300)
    if kind == "reported":
        return _reported(m, text, state, cue_text)
    if kind == "source":
        return _source(m, text, state, cue_text, limit)
    if kind == "document":
        return _document(m, text, state, cue_text, limit)
    if kind == "participle":
        speaker = _participle_speaker(text, state, sentence, cue_text)
        return Attribution(speaker and state.record(speaker), m.start(), m.end())
    return _verb(m, kind, text, state, sentence, quotes, next_quote, cue_text, limit)


def _verb(m, kind: str, text: str, state: ArticleState, sentence: Sentence, quotes: list[Quote], next_quote: int,
          cue_text: str, limit: int) -> Attribution | None:
    """A verb cue (قال، أكد؛ ألقى، أصدر for documents; يرى، يتوقع for attitudes): the subject after it, a
    name in quotation marks, the subject before it, or (with no subject) the previous speaker; an
    attitude with no subject is impersonal (ويتوقع أن) and says nobody's view."""
    norm = state.norm
    folded = norm.text
    opens = cue_words.opens_clause(folded, m)
    about = cue_words.takes_about(m)
    if opens:
        quoted = _quoted_name(m.end(), text, state, quotes, limit)
        if quoted:
            q, span = quoted
            speaker = _speaker_at(span, text, state, cue_text, "cue")
            if speaker:
                return Attribution(state.record(speaker), m.start(), norm.to_folded(q.end), about, q.start)
        span = state.before_date(subject_after(norm, m.end(), limit))
        if span and kind == "issuer" and _is_document_noun(folded, span[0]):
            span = None  # ألقى كلمة: the document, not the speaker
        author = _document_subject(norm, span, limit) if span and kind != "issuer" else None
        if author:  # وقال بيان للخارجية: the document's author speaks
            speaker = _speaker_at(author, text, state, cue_text, "document", next_quote)
            if speaker:
                how = "document" if speaker.attribution == "cue" else speaker.attribution
                speaker = speaker._replace(attribution=how)
                return _after_speaker(kind, speaker, state, m, None, author[1], about, limit)
        if span:
            speaker = _speaker_at(span, text, state, cue_text, "cue", next_quote)
            if speaker and speaker.attribution == "title" and not is_person(speaker.name) and cue_words.continues(m):
                speaker = _continued(speaker, state)
            if speaker:
                return _after_speaker(kind, speaker, state, m, None, span[1], about, limit)
            return None
    if m.group("pre") in (None, "ف") and (opens or _no_subject_after(folded, m.end(), limit)):
        span = subject_before(folded, m.start(), sentence.start)  # also «أما X فكتب»، «X، فقال»
        if span:
            speaker = _speaker_at(span, text, state, cue_text, "subject-first", next_quote)
            if speaker:
                return _after_speaker(kind, speaker, state, m, span[0], m.end(), about, limit)
    if not opens or (not m.group("pre") and not _after_particle(folded, m.start())
                     and follows_complementizer(folded, sentence.start, m.start())):
        return None  # a verb inside reported speech (… إن بغداد وواشنطن أكدتا …، أن الحكومة، بكل …، أكدت) introduces nobody
    if kind == "attitude":
        return None  # ويتوقع أن، ولا يُتوقع أن: impersonal, nobody's view
    main = _main_subject(text, state, sentence) if sentence.speaker is None else None
    if main is not None and main.mention < m.start():  # ورحب الكاظمي بالنتائج، وقال: the sentence's subject
        carried = main._replace(cue=cue_text, attribution="carried")
    elif state.last is None:
        return Attribution(None, m.start(), m.end(), about)
    else:
        last = state.last
        carried = Speaker(last.name, last.start, last.end, cue_text, "carried", last.role, last.org)
    document = _document_after(folded, m.end(), limit)
    if document:
        state.record(carried, document=document)
    return Attribution(carried, m.start(), None if kind == "issuer" else m.end(), about)


def _continued(title: Speaker, state: ArticleState) -> Speaker:
    """وأضاف رئيس الحكومة المكلف: a title alone that names nobody the article introduced, after a cue that goes
    on (أضاف، تابع), is the speaker before, if that is a person whose office the article did not give (one
    it gave is another office: the title stays, flagged)."""
    last = state.last
    if last is None or last.role is not None or last.attribution in ("title", "joint") or not _person_like(last.name):
        return title
    return Speaker(last.name, title.start, title.end, title.cue, "anaphora", title.role, title.org,
                   mention=title.mention)


def _person_like(name: str) -> bool:
    """A listed person, or a name of two to four words with no title or body word and no ال before its
    first (سعد الحريري; not وزارة الخارجية، المصادر الأمنية)."""
    if is_person(name):
        return True
    words = normalize(name).split()
    return 2 <= len(words) <= 4 and not is_institution(name) and not words[0].startswith("ال") \
        and not any(title_word(w) or title_word("ال" + w) for w in words)


def _after_particle(folded: str, pos: int) -> bool:
    """A particle that opens a new clause stands right before the cue (، كما أعلن عن …، فيما أشار إلى):
    the cue is the speaker's next attribution, not a verb inside what they said."""
    before = folded[max(0, pos - 12):pos].split()
    return bool(before) and before[-1].strip("،,") in cue_words.particles("leader")


def _no_subject_after(folded: str, pos: int, limit: int) -> bool:
    """What follows a verb cannot be its subject (أن، في، a quotation, a colon): its subject may stand
    before it (الوزير أكد أن). A verb followed by a noun (بين البلدين) is looked at no further."""
    word = next(iter(words_in(folded, pos, limit, 1)), None)
    if word is None:
        return True
    bare = word[2].strip("،,:.؛")
    return not bare or has_mark(word[2]) or bare in stop_words() or word[2][:1] in ":،,"


def _after_speaker(kind: str, speaker: Speaker, state: ArticleState, m, clause: int | None, after: int, about: bool,
                   limit: int) -> Attribution | None:
    """Record a verb cue's speaker (and the document it issued, if one follows: قالت في بيان، ألقى كلمة)."""
    document = _document_after(state.norm.text, after, limit)
    if kind == "issuer" and not document:
        return None  # ألقي باللوم: not a speech
    state.record(speaker, document=document)
    return Attribution(speaker, m.start(), None if kind == "issuer" else after, about, starts_at=clause)


_SENTENCE_END = re.compile(r"[.!?؟\n](?!\d)")  # (not the point of 1.4)
_NICKNAME = re.compile(r"\s*\([^()]*\)\s*$")  # محمد حمدان دقلو (حميدتي): the name without its nickname


def _speaker_at(span: tuple[int, int], text: str, state: ArticleState, cue_text: str, attribution: str,
                next_quote: int | None = None) -> Speaker | None:
    """The speaker a folded subject span names, with how it was found. A span that starts inside ل+ال
    (للخارجية: its لخارجية) is read with its ال (الخارجية)."""
    norm = state.norm
    s, e = norm.span(*span)
    mention = text[s:e]
    if span[0] >= 1 and norm.text.startswith("لل", span[0] - 1) and \
            (span[0] < 2 or not norm.text[span[0] - 2].isalnum()):
        mention = "ا" + mention
        s = norm.span(span[0] - 1, span[1])[0]  # the mention as written: للخارجية العراقية
    named = listed_speaker(mention, state.published) or canonical_speaker(mention, state.context(span[0]))
    if named is None:
        return None
    how = _HOW.get(named.how, attribution)
    name, role, org = _NICKNAME.sub("", named.name) or named.name, named.role, named.org
    if next_quote is not None and not is_person(name) and how not in ("joint", "document"):
        window_end = min(norm.to_folded(next_quote), span[0] + 300)
        stop = _SENTENCE_END.search(norm.text, span[1], window_end)  # وأوضح الرئيس أن …. وأكد البلدان: the
        window_end = stop.start() if stop else window_end           # joint phrase of the next sentence is not his
        if state.joint_in(span[0], window_end) or (state.joint_before(span[0]) and
                                                   _in_statement(norm.text, span[0], window_end)):
            name, how, role, org = JOINT, "joint", None, None
    return Speaker(name, s, e, cue_text, how, role, org, named.learned, span[0])


def _quoted_name(pos: int, text: str, state: ArticleState, quotes: list[Quote], limit: int):
    """قال "X" إن …: a short quotation right after the cue, then a complementizer, is the subject's name:
    (the quotation, the folded span of its inner text), or None."""
    norm = state.norm
    folded = norm.text
    while pos < limit and folded[pos] == " ":
        pos += 1
    if pos >= limit or folded[pos] not in MARKS:  # (has_mark of one character)
        return None
    start = norm.to_original(pos)
    q = next((q for q in quotes if q.start == start), None)
    if q is None or len(text[q.inner_start:q.inner_end].split()) > 4:
        return None
    after = tokens_between(norm, norm.to_folded(q.end), limit, 4)
    if after and after[0][2][:1] in "،,":  # a description in commas may follow: read up to 14 words
        after = tokens_between(norm, norm.to_folded(q.end), limit, 14)
    words = [w.strip("،,") for _, _, w in after]
    if len(words) >= 3 and words[0] == "في" and document_noun(words[1]):
        words = words[2:]  # قالت "كتائب حزب الله" في بيان إنها …: the document it was said in
    elif after and after[0][2][:1] in "،,":  # قال "أبو محمد"، وهو نازح من كنصفرة، إن …: a description in commas
        close = next((k for k, (_, _, w) in enumerate(after[1:], 1) if w[-1:] in "،,"), None)
        words = words[close + 1:] if close is not None and words[1] else []
    if not words or not (words[0] in cue_words.complementizers("that") or
                         (len(words) > 1 and words[1] in cue_words.complementizers("that"))):
        return None
    return q, (norm.to_folded(q.inner_start), norm.to_folded(q.inner_end))


def _participle_speaker(text: str, state: ArticleState, sentence: Sentence, cue_text: str) -> Speaker | None:
    """A participle's subject: the speaker of its sentence so far, else the subject of the verb its sentence
    opens with (تحدث رئيس الوزراء … قائلاً), else the previous speaker (carried)."""
    if sentence.speaker is not None:  # its sentence's subject (carried over, if the sentence's was)
        s = sentence.speaker
        how = "carried" if s.attribution == "carried" else "participle"
        return Speaker(s.name, s.start, s.end, cue_text, how, s.role, s.org)
    main = _main_subject(text, state, sentence)
    if main is not None:
        return main._replace(cue=cue_text, attribution="participle" if main.attribution in ("cue", "subject-first")
                             else main.attribution)
    if state.last is None:
        return None
    last = state.last
    return Speaker(last.name, last.start, last.end, cue_text, "carried", last.role, last.org)


def _main_subject(text: str, state: ArticleState, sentence: Sentence) -> Speaker | None:
    """The subject of the verb a sentence opens with, when it names a person (تحدث رئيس الوزراء …)."""
    norm = state.norm
    first = tokens_between(norm, sentence.start, sentence.end, 1)
    # من جهته، حمّل X … مؤكداً: the main subject is read past an opening adverbial
    if first and not first[0][2].startswith("ال") and \
            _COMMA.search(norm.text, sentence.start, min(sentence.end, sentence.start + 40)):
        opening = tokens_between(norm, sentence.start, sentence.end, 4)
        comma = next((k for k, (_, _, w) in enumerate(opening[:3]) if w[-1:] in "،,"), None)
        if comma is not None:
            sentence = sentence._replace(start=opening[comma][1])
            first = tokens_between(norm, sentence.start, sentence.end, 1)
    if not first or first[0][2] in cue_words.particles("leader", "perfect"):
        return None
    if first[0][2].startswith("ال"):  # الرئيس الأميركي دافع عن قراره قائلاً: a title before its verb
        span = _opening_title(norm, sentence)
    else:
        span = subject_after(norm, first[0][1], sentence.end)
    if span is None:
        return None
    speaker = _speaker_at(span, text, state, "", "cue")
    if speaker is None or not (is_person(speaker.name) or is_institution(speaker.name) or speaker.role):
        return None
    if speaker.attribution != "title" and not is_person(speaker.name) and not is_institution(speaker.name) \
            and normalize(speaker.name).startswith("ال"):
        return None  # حمّل الرئيس المشترك للجنة عن …: the rest of a title read as a name (المشترك للجنة)
    return speaker


def _opening_title(norm: Normalized, sentence: Sentence) -> tuple[int, int] | None:
    """The folded span of a title that opens a sentence (الرئيس الأميركي …, before its verb), or None."""
    words = tokens_between(norm, sentence.start, sentence.end, 5)
    if not words or title_word(words[0][2]) != "head":
        return None
    end = words[0][1]
    for _, word_end, word in words[1:]:
        if not (title_word(word) or is_nisba(word)) or word[-1:] in "،,:.":
            break
        end = word_end
    return words[0][0], end


def _reported(m, text: str, state: ArticleState, cue_text: str) -> Attribution | None:
    """نقلت X عن Y قوله: the speaker is Y."""
    norm = state.norm
    folded = norm.text
    line_end = folded.find("\n", m.start(), m.start() + 400)
    r = cue_words.reported_pattern().match(folded, m.start(),
                                           line_end if line_end != -1 else min(len(folded), m.start() + 400))
    if not cue_words.opens_clause(folded, m) or not r:
        return None
    speaker = _speaker_at(r.span("who"), text, state, f"{cue_text} … عن … قوله", "reported")
    if speaker is None:
        return None
    if speaker.attribution == "cue":
        speaker = speaker._replace(attribution="reported")
    return Attribution(state.record(speaker), m.start(), r.end())


def _source(m, text: str, state: ArticleState, cue_text: str, limit: int) -> Attribution | None:
    """بحسب X، وفق X، بحسب ما أفاد X، وفق ما نقلته وكالة X: the speaker is X."""
    norm = state.norm
    pos, attribution = m.end(), "cue"
    ahead = tokens_between(norm, pos, limit, 2)
    if ahead and ahead[0][2] in stops_of("relative"):
        pos = ahead[0][1]
        if len(ahead) > 1:
            verb = cue_words.cues().pattern.match(norm.text, ahead[1][0])
            if verb and cue_words.kind(verb) in ("verb", "reported"):
                pos, attribution = verb.end(), "reported" if cue_words.kind(verb) == "reported" else "cue"
            elif ahead[1][2].endswith("ه") and cue_words.cues().pattern.match(norm.text, ahead[1][0], ahead[1][1] - 1):
                verb = cue_words.cues().pattern.match(norm.text, ahead[1][0], ahead[1][1] - 1)  # نقلته: with its pronoun
                pos, attribution = ahead[1][1], "reported" if cue_words.kind(verb) == "reported" else "cue"
    span = subject_after(norm, pos, limit)
    if span is None:
        return None
    speaker = _speaker_at(span, text, state, cue_text, attribution)
    if speaker is None:
        return None
    return Attribution(state.record(speaker), m.start(), span[1])


def _document(m, text: str, state: ArticleState, cue_text: str, limit: int) -> Attribution | None:
    """جاء فيها أن، وجاء في البيان، جاء في بيان صادر عن X: the speaker is the document's author."""
    norm = state.norm
    ahead = tokens_between(norm, m.end(), limit, 5)
    words = [w.strip("،,:") for _, _, w in ahead]
    if words[:1] and (words[0] in stops_of("demonstrative") or words[0] in cue_words.particles("leader")):
        ahead, words = ahead[1:], words[1:]
    if not words:
        return None
    if words[0] in document_words("pronoun"):  # جاء فيها: the document last named
        author = _latest_issuer(state)
        if author is None:
            return None
        return _document_speaker(author, m, ahead[0][1], state, cue_text)
    if words[0] != "في" or len(words) < 2:
        return None
    noun = words[1]
    definite = noun.startswith("ال") and noun[2:] in document_words()
    if not definite and noun not in document_words():
        return None
    noun_start, doc_end = ahead[1][0], ahead[1][1]
    kind = document_kinds()[noun[2:] if definite else noun]
    joint = state.joint_at(noun_start)
    if joint is not None:  # وجاء في البيان المشترك، جاء في بيان مشترك
        author = Speaker(JOINT, *norm.span(noun_start, joint), cue_text, "joint")
        return Attribution(state.record(author), m.start(), joint)
    if definite:
        author = state.issuers.get(kind)
        if author is None and kind == "statement" and state.joint_before(m.start()):
            author = JOINT
        if author is None:  # وجاء في البيان الختامي: no issuer named, the document speaks as the text names it
            end = _with_adjectives(norm, doc_end, limit)
            phrase = plain(text[slice(*norm.span(noun_start, end))]).strip("،,:. ")
            speaker = Speaker(phrase, *norm.span(noun_start, end), cue_text, "document")
            return Attribution(state.record(speaker, document=kind), m.start(), end)
        return _document_speaker(author, m, doc_end, state, cue_text)
    # جاء في بيان لوزارة الخارجية / صادر عن الوزارة: the author follows
    by = _author_from(norm, doc_end, limit)
    span = subject_after(norm, doc_end if by is None else by, limit)
    if span is None:
        return None
    speaker = _speaker_at(span, text, state, cue_text, "document")
    if speaker is None:
        return None
    speaker = speaker._replace(attribution="document" if speaker.attribution == "cue" else speaker.attribution)
    return Attribution(state.record(speaker, document=kind), m.start(), span[1])


def _author_from(norm: Normalized, doc_end: int, limit: int) -> int | None:
    """Where the author of an indefinite document noun that ends at `doc_end` is named (folded), when a word
    says so: بيان صادر عن X، بيان لوزارة X، وثيقة قدمها X; else None. After لل (بيان للخارجية) the author
    starts inside the word; `_speaker_at` reads it with its ال."""
    rest = tokens_between(norm, doc_end, limit, 2)
    if not rest:
        return None
    word = rest[0][2]
    if word in document_words("by"):
        after = tokens_between(norm, rest[0][1], limit, 1)
        if after and after[0][2] in cue_words.complementizers("from"):
            return after[0][1]
        return rest[0][1]
    if word.startswith("ل"):
        return rest[0][0] + 1  # بيان لوزارة: the author after لـ (للخارجية: لخارجية, read with its ال)
    if cue_words.names_author(word):
        return rest[0][1]  # وثيقة قدمها وفد المعارضة: the author after the verb
    return None


def _document_subject(norm: Normalized, span: tuple[int, int], limit: int) -> tuple[int, int] | None:
    """وقال بيان للخارجية إن، وذكر تقرير صادر عن المنظمة أن: a cue's subject that is an indefinite document
    with its author named after it: the author's span, or None."""
    if norm.text.startswith("ال", span[0]) or not _document_stems().match(norm.text, span[0], span[1]):
        return None  # (a quick test: a document stem at the start of the subject; و may not stand before it)
    first = tokens_between(norm, span[0], span[1], 1)
    if not first or document_noun(first[0][2]) is None:
        return None
    by = _author_from(norm, first[0][1], limit)
    return None if by is None else subject_after(norm, by, limit)


def _with_adjectives(norm: Normalized, pos: int, limit: int) -> int:
    """The folded end of the nisba adjectives right after `pos` (البيان الختامي، الوثيقة الرسمية)."""
    end = pos
    for _, word_end, word in tokens_between(norm, pos, limit, 3):
        bare = word.rstrip("،,:.")
        if not is_nisba(bare):
            break
        end = word_end - (len(word) - len(bare))
        if bare != word:
            break  # punctuation ends the phrase
    return end


def _document_speaker(author: str, m, after: int, state: ArticleState, cue_text: str) -> Attribution:
    """The author of a document named before speaks in it (جاء فيها، وجاء في البيان)."""
    how = "joint" if author == JOINT else "document"
    last = state.last
    if last is not None and last.name == author:
        speaker = Speaker(author, last.start, last.end, cue_text, how, last.role, last.org)
    else:
        speaker = Speaker(author, *state.norm.span(m.start(), m.end()), cue_text, how)
    return Attribution(state.record(speaker), m.start(), after)


def _latest_issuer(state: ArticleState) -> str | None:
    """Who issued the document the article named last."""
    return next(reversed(state.issuers.values()), None)


@lru_cache(maxsize=1)
def _document_stems() -> re.Pattern[str]:
    """Any document noun inside a word (a quick test before the words are looked at one by one)."""
    stems = sorted({w[:-1] if w.endswith("ه") else w for w in document_kinds()}, key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, stems)))


def _document_after(folded: str, pos: int, limit: int) -> str | None:
    """The kind of a document named right after a cue's subject (في بيان، بياناً، كلمة، عبر تغريدة), or None."""
    if not _document_stems().search(folded, pos, min(limit, pos + 60)):
        return None
    for _, _, word in words_in(folded, pos, limit, 4):
        noun = document_noun(word)
        if noun:
            return document_kinds()[noun]
    return None


def _is_document_noun(folded: str, pos: int) -> bool:
    word = next(iter(words_in(folded, pos, pos + 30, 1)), (0, 0, ""))[2]
    return document_noun(word) is not None


_COMMA = re.compile("[،,]")


def _clause_start(folded: str, cue_start: int) -> int:
    """Where the clause of a cue starts: before a particle right before it (فيما، كما، من جهته،) and the
    comma before that, so that the clause before it ends there."""
    pos = _skip_spaces_back(folded, cue_start)
    word_start = pos
    while word_start > 0 and not folded[word_start - 1].isspace():
        word_start -= 1
    if folded[word_start:pos].rstrip("،,") in cue_words.particles("leader", "perfect"):
        pos = _skip_spaces_back(folded, word_start)
    else:
        pos = cue_start if folded[pos - 1:pos] not in ("،", ",") else pos
    return pos - 1 if folded[pos - 1:pos] in ("،", ",") else pos


def _skip_spaces_back(folded: str, pos: int) -> int:
    while pos > 0 and folded[pos - 1] == " ":
        pos -= 1
    return pos


@lru_cache(maxsize=1)
def _in_document_pattern() -> re.Pattern[str]:
    # (?<!\wفي) after في: (?<![\w]) before it, tested where في stands
    return re.compile(r"في(?<!\wفي)\s+ال(?:" + "|".join(sorted(document_words("statement"))) + r")(?![\w])")


def _in_statement(folded: str, lo: int, hi: int) -> bool:
    """في البيان in the folded span [lo, hi)."""
    return _in_document_pattern().search(folded, lo, hi) is not None


def from_joint_phrase(span: tuple[int, int], text: str, state: ArticleState) -> Attribution:
    """A joint statement named with no verb before it in its sentence (الحكومتان، في بيان مشترك، أنّ …,
    الخارجية في بيان مشترك: …): what follows it is the joint statement's."""
    s, e = state.norm.span(*span)
    speaker = Speaker(JOINT, s, e, text[s:e], "joint")
    return Attribution(state.record(speaker), span[0], span[1], starts_at=span[0])


# ------------------------------------------------------------------ without a cue
def colon_speaker(text: str, norm: Normalized, lo: int, pos: int, state: ArticleState) -> Speaker | None:
    """Headline style: والكاظمي: "كفى حروباً" (looked for in the 80 characters before the quote). A cue or
    particle before the colon (كما أضاف:) is not a name."""
    if text.find(":", max(lo, pos - 80), pos) == -1:
        return None  # the quickest test: folding neither makes nor drops a colon
    base = norm.to_folded(max(lo, pos - 80))
    before = norm.text[base:norm.to_folded(pos)]  # a slice: ^ must mean the sentence start
    if not before.rstrip().endswith(":"):
        return None  # the cheap test first: the pattern ends with a colon
    m = _COLON.search(before)
    if not m:
        return None
    who = m.group("who").strip()
    words = who.split()
    if cue_words.cues().pattern.search(who) or (words and words[0] in cue_words.particles("leader", "perfect")):
        return None
    s, e = norm.span(base + m.start("who"), base + m.end("who"))
    named = canonical_speaker(text[s:e], state.context(base + m.start("who")))
    if not named:
        return None
    return Speaker(named.name, s, e, ":", _HOW.get(named.how, "colon"), named.role, named.org, named.learned,
                   base + m.start("who"))


def post_cue(text: str, norm: Normalized, pos: int, end: int, state: ArticleState) -> Speaker | None:
    """Attribution after the quote: "…"، قال فلان."""
    fpos, fend = norm.to_folded(pos), norm.to_folded(end)
    m = cue_words.verb_after_quote().match(norm.text, fpos, min(fend, fpos + 40))
    if not m:
        return None
    span = subject_after(norm, m.end(), min(fend, m.end() + 300))
    if span is None:
        return None
    o_s, o_e = norm.span(m.start("cue"), m.end())
    return _speaker_at(span, text, state, text[o_s:o_e], "cue")

