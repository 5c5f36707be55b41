"""The subject phrase of an attribution cue: who the words after (or before) a cue name.

A subject runs from the word after the cue to the first word that cannot be part of a name or title: a
preposition, complementizer, time word or demonstrative (`data/subject_stops.csv`, the complementizers of
`data/complementizers.csv` and the words that block them (دون، رغم), the weekdays, relative days, parts of
day and parts of a period of `data/date_words.csv`, and the month names of `data/months.csv`), a
quotation mark or a digit. A comma closes it, unless a name in commas follows (وزير الخارجية الأميركي، أنتوني
بلينكن، أن…). A subject may also stand before its verb (`subject_before`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from . import cues, lexicons
from .quote_marks import MARK_SET, has_mark
from .text import Normalized, normalize
from .titles import title_word

_TOKEN = re.compile(r"\S+")
_CLOSERS = "،,:.؛"


@lru_cache(maxsize=1)
def name_glue() -> frozenset[str]:
    """Folded words that join the next word to a name (عبد الله، بن سلمان، دي ميستورا): data/name_particles.csv,
    without those that are particles only inside a name (`inside_name_glue`)."""
    table = lexicons.table("name_particles")
    return frozenset(normalize(w) for w, inside in zip(table["word"], table["inside"]) if not inside)


@lru_cache(maxsize=1)
def inside_name_glue() -> frozenset[str]:
    """Particles written like another word (فان, folded the same as فإن): name words only after a first
    name and before a word without ال (رون فان رودن)."""
    table = lexicons.table("name_particles")
    return frozenset(normalize(w) for w, inside in zip(table["word"], table["inside"]) if inside)


@lru_cache(maxsize=1)
def all_name_glue() -> frozenset[str]:
    """Every particle of data/name_particles.csv, folded (a quick test before `joins_inside_name`)."""
    return name_glue() | inside_name_glue()


def joins_inside_name(previous: str, word: str, following: str) -> bool:
    """Whether `word`, between two words of a phrase, is a particle inside a name (دي ميستورا، فان رودن)."""
    if word in name_glue():
        return True
    return word in inside_name_glue() and not previous.startswith("ال") and not following.startswith("ال")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Folded words that end a subject phrase."""
    dates = lexicons.table("date_words")
    time_words = [w for w, k in zip(dates["word"], dates["kind"]) if k in ("weekday", "day", "daypart") and " " not in w]
    # a month ends a name (ماكرون أيلول الماضي); not one that needs context (مارس، آب، رمضان), nor a Latin one
    months = lexicons.table("months")
    time_words += [w.split()[0] for w, c in zip(months["name"], months["needs_context"])  # تشرين (الأول)
                   if c == "0" and not w.isascii()]
    sources = [c for c, k in cues.cues().kinds.items() if k == "source" and " " not in c]
    return frozenset(normalize(w) for w in (*lexicons.table("subject_stops")["word"], *time_words, *sources)) \
        | cues.complementizers("that", "saying", "blocks")


@lru_cache(maxsize=1)
def _places() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in lexicons.table("countries")["pattern"]))


@lru_cache(maxsize=1)
def _periods() -> tuple[frozenset[str], frozenset[str]]:
    """Folded part-of-period qualifiers (مطلع، منتصف، نهاية: data/date_words.csv), and the month names
    (data/months.csv) and period nouns (العام، الشهر) they qualify."""
    dates, months = lexicons.table("date_words"), lexicons.table("months")
    qualifiers = {normalize(w) for w, k in zip(dates["word"], dates["kind"]) if k == "qualifier"}
    periods = {normalize(w) for w, k in zip(dates["word"], dates["kind"]) if k in ("unit", "year_noun", "month_noun")}
    periods |= {normalize(w.split()[0]) for w in months["name"] if not w.isascii()}
    return frozenset(qualifiers), frozenset(periods)


@lru_cache(maxsize=1)
def _stops_and_qualifiers() -> tuple[frozenset[str], frozenset[str]]:
    return stop_words(), period_qualifiers()


def period_qualifiers() -> frozenset[str]:
    """The folded part-of-period qualifiers (a quick test before `opens_period`)."""
    return _periods()[0]


def opens_period(word: str, following: str) -> bool:
    """Two folded words start a time phrase (مطلع أيلول، منتصف العام، نهاية الشهر), which ends a name or
    a subject: «الرئيس الفرنسي إيمانويل ماكرون مطلع أيلول». A qualifier alone does not (مسؤول مطلع: an
    informed official; مسؤول آخر)."""
    qualifiers, periods = _periods()
    return word in qualifiers and following.strip(_CLOSERS) in periods


def is_place(word: str) -> bool:
    """A folded word names a country or capital (data/countries.csv: العراق، بغداد) or another place news
    names often (data/places.csv: غزة، مقديشو، جنيف)."""
    return word in _place_words() or bool(_places().fullmatch(word))


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return frozenset(normalize(w) for w in lexicons.table("places")["word"])


def subject_after(norm: Normalized, fpos: int, fend: int) -> tuple[int, int] | None:
    """Folded span of the subject phrase starting at folded position `fpos` (before `fend`)."""
    found = _TOKEN.finditer(norm.text, fpos, fend)
    tokens = list(islice(found, 2))  # most subjects end within a few words: the rest is read when needed
    if not tokens:
        return None

    def upto(n: int) -> list[re.Match[str]]:
        """The words read so far, at least the first `n` of them if there are (a subject and its
        apposition: 14 words at most)."""
        if len(tokens) < n:
            tokens.extend(islice(found, min(n, 14) - len(tokens)))
        return tokens

    stops, qualifiers = _stops_and_qualifiers()
    taken, where, where_at, resume = [], False, 0, 0
    for k in range(12):
        if k >= len(tokens) and len(upto(k + 1)) <= k:
            break
        if k < resume:
            continue  # inside a quoted name already taken
        m = tokens[k]
        word = m.group()
        bare = word.strip(_CLOSERS)
        marked = not MARK_SET.isdisjoint(word)  # (a test of the mark that opens the word needs one in it)
        if bare == _IN and len(taken) >= 2 and not where and title_word(taken[0].group().strip(_CLOSERS)) == "part" \
                and len(upto(k + 2)) > k + 1 and is_place(tokens[k + 1].group().strip(_CLOSERS)):
            taken.extend(tokens[k:k + 2])  # وزارة الأشغال العامة في غزة: a body and where it is
            break
        if taken and not where and bare == _IN and (n_in := _in_body(taken, upto(k + 7), k)):
            taken.extend(tokens[k:k + n_in])  # النائب في كتلة "الجمهورية القوية" غسان حاصباني: where the title
            resume = k + n_in                 # holder sits, a body named in quotes, then the name
            continue
        if taken and not where and k >= resume and bare in _POST_PLACE and _titled_in_place(taken, upto(k + 3), k):
            taken.extend(tokens[k:k + 2])  # رئيس المكتب الإعلامي في غزة سلامة معروف: the post's place, then
            resume = k + 2                 # the name of who holds it
            continue
        if taken and not where and bare in stops_of("in") and _described(taken) and _definite_after(upto(k + 4), k):
            taken.append(m)  # مسؤول في السفارة الأمريكية: where an unnamed source works is part of it
            where, where_at = True, len(taken)
            continue
        if where and marked and has_mark(word[:1]):  # نائب عن تحالف «الفتح»، مصادر قريبة من «حزب الله»: a quoted name
            run = _quoted_run(upto(k + 3), k)
            taken.extend(run)
            break
        if where and not (bare.startswith("ال") or (len(taken) - where_at < 2 and bare not in stops
                                                   and cues.whole_cue(bare) is None)):
            break
        if marked and taken and len(taken) == 1 and has_mark(word[:1]) and taken[0].group().strip(_CLOSERS) in _bodies():
            taken.extend(_quoted_run(upto(k + 3), k))  # ائتلاف "دولة القانون": a body and its name in quotes
            break
        if marked and taken and (len(taken) <= 2 or body_noun(taken[-1].group())) and has_mark(word[:1]) and \
                title_word(taken[0].group().strip(_CLOSERS)) == "head":  # (رئيس المكتب السياسي لحركة «X» …)
            run = _quoted_run(upto(k + 3), k)  # رئيس «التيار الوطني الحر» النائب جبران باسيل: the body headed, in
            if run and run[-1].group()[-1:] not in _CLOSERS:  # quotes, then the rest of the title and the name
                taken.extend(run)
                resume = k + len(run)
                continue
        if bare in all_name_glue() and taken and not marked and len(upto(k + 2)) > k + 1 and \
                word[-1:] not in _CLOSERS and tokens[k + 1].group().strip(_CLOSERS) not in stops and \
                joins_inside_name(taken[-1].group(), bare, tokens[k + 1].group()):
            taken.append(m)  # رون فان رودن، ستافان دي ميستورا: a particle inside a name (فان is also فإن)
            continue
        if taken and bare in stops and len(taken) >= 2 and taken[-1].group() in name_glue() and not marked:
            taken.append(m)  # كمال بن علي، أبو علي: after بن or أبو, علي is a name, not the preposition على
            if word[-1:] in _CLOSERS:
                break
            continue
        if marked or not bare or bare in stops or bare[:1] in "0123456789" or (
                taken and bare in qualifiers and len(upto(k + 2)) > k + 1
                and opens_period(bare, tokens[k + 1].group())):  # وزير الخارجية منتصف العام
            break
        if not taken and (bare.startswith("لل") or (len(bare) > 4 and bare.endswith(("هما", "هم", "ها"))
                                                     and title_word(bare) != "head")):
            break  # an object (مسعاهما، التزامهما), not a subject (but رئيسها عبد الرزاق مقري is)
        if bare[:1] == "ل" and _addressee(bare):
            break  # قال المصدر لإذاعة «صوت الشعب»، قال لرووداو: whom it was said to, not who said it
        if taken and cues.document_noun(bare):
            break  # أصدرت الوزارة بياناً، ألقى الكاظمي كلمة: the document the subject issued
        taken.append(m)
        if word[-1:] in _CLOSERS and not _initial(word):
            appos = _apposition(upto(k + 6), k + 1)
            if appos:
                taken.extend(appos)
            break
    if where and len(taken) == where_at:
        taken.pop()  # مصادر قريبة من …: nothing of the body was taken, the preposition is not the subject's
    if not taken:
        return None
    return taken[0].start(), taken[-1].end() - (1 if taken[-1].group()[-1:] in _CLOSERS else 0)


_IN = "في"
_POST_PLACE = frozenset({"في", "لدي"})  # رئيس المكتب الإعلامي في غزة X، سفير فرنسا لدى لبنان X: where a post is


def _titled_in_place(taken: list[re.Match[str]], tokens: list[re.Match[str]], k: int) -> bool:
    """At «في» (token k) after a title (السفير الأميركي، رئيس المكتب الإعلامي الحكومي): a place, then a word
    that can begin a name (no ال, no stop, no cue, no punctuation before it), so the name follows the place."""
    if title_word(taken[0].group().strip(_CLOSERS)) not in ("head", "honorific") or k + 2 >= len(tokens):
        return False
    place, after = tokens[k + 1].group(), tokens[k + 2].group()
    if place[-1:] in _CLOSERS or not (is_place(place) or place.startswith("ال")):
        return False
    first = after.strip(_CLOSERS)
    return bool(first) and not first.startswith(("ال", "لل")) and first not in stop_words() and \
        not has_mark(after[:1]) and not first[:1].isdigit() and cues.whole_cue(first) is None


def _quoted_run(tokens: list[re.Match[str]], k: int) -> list[re.Match[str]]:
    """The words from the quotation mark that opens token k to the one that closes it (three at most),
    or none."""
    for j in range(k, min(k + 3, len(tokens))):
        word = tokens[j].group().rstrip(_CLOSERS)
        if has_mark(word[-1:]) and (j > k or len(word) > 1):
            return tokens[k:j + 1]
    return []


@lru_cache(maxsize=1)
def _descriptions() -> frozenset[str]:
    """Folded words that describe an unnamed source (مسؤول، مصادر), from data/titles.csv."""
    table = lexicons.table("titles")
    words = {normalize(w) for w, k in zip(table["word"], table["kind"]) if k == "description"}
    return frozenset(words | {w[2:] for w in words if w.startswith("ال")})


@lru_cache(maxsize=1)
def _body_nouns() -> frozenset[str]:
    """Folded nouns of data/bodies.csv (حركة، حزب، تيار …): a body whose name follows."""
    return frozenset(normalize(w) for w in lexicons.table("bodies")["word"])


def body_noun(bare: str) -> bool:
    """A body noun, perhaps after ل or و (لحركة، وحزب), in a title chain: its name follows it."""
    return bare in _body_nouns() or (bare[:1] in "لو" and bare[1:] in _body_nouns())


def _in_body(taken: list[re.Match[str]], tokens: list[re.Match[str]], k: int) -> int:
    """At «في» (token k) after a title: how many tokens «في [body noun] «name»» takes when a word that can
    begin a name follows (النائب في كتلة "الجمهورية القوية" غسان حاصباني), else 0."""
    if title_word(taken[0].group().strip(_CLOSERS)) not in ("head", "honorific"):
        return 0
    j = k + 1
    if j < len(tokens) and body_noun(tokens[j].group()):
        j += 1
    if j >= len(tokens) or not has_mark(tokens[j].group()[:1]):
        return 0
    run = _quoted_run(tokens, j)
    end = j + len(run)
    if not run or run[-1].group()[-1:] in _CLOSERS or end >= len(tokens):
        return 0
    after = tokens[end].group()
    first = after.strip(_CLOSERS)
    ok = bool(first) and not first.startswith(("ال", "لل", "ل")) and first not in stop_words() and \
        not has_mark(after[:1]) and not first[:1].isdigit() and cues.whole_cue(first) is None
    return end - k if ok else 0


@lru_cache(maxsize=1)
def _bodies() -> frozenset[str]:
    """Folded nouns of a body or medium whose name follows in quotes (ائتلاف "دولة القانون"، قناة
    "القاهرة الإخبارية"), from data/bodies.csv and data/media.csv."""
    words = [*lexicons.table("bodies")["word"], *lexicons.table("media")["word"]]  # قناة "القاهرة الإخبارية"
    return frozenset(normalize(p + w) for w in words for p in ("", "و"))



def _addressee(word: str) -> bool:
    """A folded word is ل before a medium or an outlet (لإذاعة، للوكالة، لرووداو، لـ«الصباح»): whom a source
    spoke to."""
    noun = word[1:]
    if noun.startswith("ل"):
        noun = "ا" + noun  # للوكالة: ل + الوكالة
    return not noun or has_mark(noun[:1]) or noun in cues.media_forms() or noun in _outlets()


@lru_cache(maxsize=1)
def _outlets() -> frozenset[str]:
    """Folded one-word outlet names (data/outlets.csv: رووداو، العربية): after ل they name whom a source
    spoke to (قال لرووداو)."""
    names = lexicons.table("outlets")["outlet"]
    return frozenset(normalize(n) for n in names if " " not in n.strip())


def _described(taken: list[re.Match[str]]) -> bool:
    """The words so far describe an unnamed source: a description word, then adjectives (مسؤول أمني رفيع)."""
    first = taken[0].group().strip(_CLOSERS)
    first = first[1:] if first[:1] == "و" and first[1:] in _descriptions() else first
    return first in _descriptions() and not any(m.group()[-1:] in _CLOSERS for m in taken)


def _definite_after(tokens: list[re.Match[str]], k: int) -> bool:
    """What follows the preposition at k names a body or place, not an occasion: a definite word (في
    السفارة), a construct closed by one within three words (من حزب الله، في وفد إحدى الدول) or a name in
    quotes (عن تحالف «الفتح»); not في مؤتمر."""
    if k + 1 >= len(tokens):
        return False
    word = tokens[k + 1].group()
    if word.startswith("ال") or is_place(word.strip(_CLOSERS)):
        return True
    after = tokens[k + 2].group() if k + 2 < len(tokens) else ""
    third = tokens[k + 3].group() if k + 3 < len(tokens) else ""
    return word[-1:] not in _CLOSERS and not cues.document_noun(word) and (
        after.startswith("ال") or has_mark(after[:1]) or  # مصدر في وفد إحدى الدول الأعضاء: a longer construct
        (third.startswith("ال") and after[-1:] not in _CLOSERS and not cues.document_noun(after)))


def _initial(word: str) -> bool:
    """An abbreviation's point is not the end of a phrase: د. سعد الحديثي."""
    return word.endswith(".") and len(word.rstrip(".")) == 1


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


def tokens_between(norm: Normalized, lo: int, hi: int, n: int) -> list[tuple[int, int, str]]:
    """The first `n` words of the folded text in [lo, hi), as (start, end, word)."""
    return words_in(norm.text, lo, hi, n)


def words_in(text: str, lo: int, hi: int, n: int = -1) -> list[tuple[int, int, str]]:
    """The words of text[lo:hi] as `\\S+` finds them, the first `n` (all: -1), as (start, end, word). One
    split of the slice gives the words (str.split and \\s agree on what is white space); each is then found
    where the one before it ended, as only white space stands between them: cheaper than a match object
    per word."""
    out = []
    pos = lo
    find = text.find
    words = text[lo:hi].split(None, n)
    for word in (words[:n] if 0 <= n < len(words) else words):
        pos = find(word, pos)
        end = pos + len(word)
        out.append((pos, end, word))
        pos = end
    return out


@lru_cache(maxsize=None)
def stops_of(kind: str) -> frozenset[str]:
    """Folded words of data/subject_stops.csv of one kind (relative: ما، الذي؛ demonstrative: ذلك)."""
    table = lexicons.table("subject_stops")
    return frozenset(normalize(w) for w, k in zip(table["word"], table["kind"]) if k == kind)


def subject_before(folded: str, cue_start: int, lo: int) -> tuple[int, int] | None:
    """The subject of a verb that follows it (folded span): الوزير أكد، من جهته، الوزير قال، مستشار الأمن
    القومي، جيك سوليفان، قال، وكان الكاظمي قد قال. The subject is the words from a clause boundary (the
    sentence start, a comma, an auxiliary or a particle) to the verb, with no word that cannot be in a name
    and no complementizer before it in the sentence (… إن بغداد وواشنطن أكدتا is reported speech)."""
    window = max(lo, cue_start - 160, folded.rfind("\n", max(lo, cue_start - 160), cue_start) + 1)  # a subject and its apposition,
    # never the whole sentence, never across a line (a breadcrumb above the first sentence)
    tokens = words_in(folded, window, cue_start)
    truncated = window > lo and (window == 0 or not folded[window - 1].isspace())
    truncated = truncated or len(tokens) > 14
    if window > lo and tokens and not truncated and folded[window - 1] != "\n":
        truncated = True  # the sentence began before the window: its start is unknown (a line's start is one)
    tokens = tokens[-14:]
    if tokens and tokens[-1][2] in cues.bare_perfect():
        tokens.pop()  # وكان X قد قال
    if not tokens or any(":" in w or w.strip(_CLOSERS) in _complements() for _, _, w in tokens):
        return None
    segments: list[list[tuple[int, int, str]]] = [[]]
    for t in tokens:
        segments[-1].append(t)
        if t[2][-1:] in "،,":
            segments.append([])
    relatives = stops_of("relative") - {"ما"}
    if len(segments) >= 2 and len(segments[-1]) == 1 and segments[-1][0][2] in relatives:
        segments[-1] = []  # قوباد طالباني، الذي قال: the relative clause's antecedent, as in «X، قال»
        heads = [k for k, (_, _, w) in enumerate(segments[-2]) if k and title_word(w.strip(_CLOSERS)) == "head"]
        if heads:  # استقبل تبون رئيس الوزراء الإيطالي ماريو دراغي، الذي قال: the antecedent is the last titled name
            segments[-2] = segments[-2][heads[-1]:]
    elif len(segments) >= 3 and not segments[-1] and segments[-2][0][2] in relatives:
        segments = segments[:-2] + [[]]  # X، الذي زار المدينة أمس، قال: the relative clause stands between
    leaders = cues.particles("leader")
    while len(segments) >= 3 and not segments[-1] and segments[-2][-1][2].strip(_CLOSERS) in leaders:
        segments = segments[:-2] + [[]]  # X، من جهته، قال: the particle stands between subject and verb
    if segments[-1]:
        options = [segments[-1]]
    elif len(segments) >= 2 and segments[-2]:  # X، قال: a name in commas, perhaps after its title
        options = ([segments[-3] + segments[-2]] if len(segments) >= 3 and segments[-3] else []) + [segments[-2]]
    else:
        return None
    for option in options:
        span = _clean_subject(option, truncated and option[0] is tokens[0])
        if span:
            return span
    return None


def follows_complementizer(folded: str, lo: int, pos: int) -> bool:
    """A complementizer (أن، إن، قوله) stands between the sentence start `lo` and `pos` (within 160
    characters): what follows is inside someone's reported words."""
    return any(w.strip(_CLOSERS) in _complements() for w in folded[max(lo, pos - 160):pos].split())


@lru_cache(maxsize=1)
def _complements() -> frozenset[str]:
    return cues.complementizers("that", "saying", "his_saying")


def _title_after_object(words: list[tuple[int, int, str]]) -> int:
    """Where the subject starts when the clause opened with a verb and its object or place: at a title
    head right after a definite word or a place, in the same comma segment, when the clause opens with
    و or ف (وترأس الوفد وزير الزراعة، سامي الراشد، الذي قال: وزير; ووصل إلى بغداد وزير الزراعة …); else 0.
    A title after a name (عزيز الحداد رئيس الحزب) or after a comma (سامي الراشد، وزير الزراعة، قال) is the
    name's apposition: 0. Limit: a name that starts with و (وليد الحداد رئيس الحزب قال) is read as a verb."""
    if len(words) < 3 or words[0][2][:1] not in "وف":
        return 0
    for k in range(2, len(words)):
        before, word = words[k - 1][2], words[k][2]
        if before[-1:] in _CLOSERS:
            return 0
        bare = word.strip(_CLOSERS)
        if title_word(bare) == "head" and not bare.startswith("ال") and not title_word(before) and \
                (before.startswith(("ال", "وال")) or is_place(before)):
            return k
    return 0


def _clean_subject(words: list[tuple[int, int, str]], cut: bool) -> tuple[int, int] | None:
    """The span of a subject phrase standing before its verb, without the auxiliary or particle that opens
    it and from a quotation mark on (مصادر خاصة لـ"العربية" → مصادر خاصة), or None."""
    if cut:
        return None  # the phrase began before the window: not a clause start
    leaders = cues.particles("leader", "perfect", "auxiliary", "topic")
    prefixes = cues.affixes()[0]
    while words and (words[0][2] in leaders or (words[0][2][:1] in prefixes and words[0][2][1:] in leaders)):
        words = words[1:]
    stops = stop_words()
    marked = next((k for k, (_, _, w) in enumerate(words) if has_mark(w)), None)
    if marked is not None and marked > 0 and words[marked - 1][2].strip(_CLOSERS) in _bodies():
        marked = None  # رئيس حزب «القوات اللبنانية» سمير جعجع: a body's name inside the subject
    if marked is not None:  # مصادر خاصة لـ "العربية": the name in quotes is where the subject was told
        words = words[:marked]
        while words and words[-1][2] in stops:
            words = words[:-1]
    words = words[_title_after_object(words):]
    if not 1 <= len(words) <= 8:
        return None
    described = words[0][2].strip(_CLOSERS) in _descriptions()
    for k, (_, _, w) in enumerate(words):
        bare = w.strip(_CLOSERS)
        if described and k and bare in stops_of("in") and k + 1 < len(words) and \
                (words[k + 1][2].startswith("ال") or is_place(words[k + 1][2].strip(_CLOSERS)) or
                 (k + 2 < len(words) and words[k + 2][2].startswith("ال"))):
            continue  # لكن مصادر في وزارة الدفاع قالت: where an unnamed source works
        if not bare or bare in stops or (bare[:1] in prefixes and bare[1:] in stops) or bare[:1].isdigit() \
                or cues.whole_cue(bare) is not None:
            return None
    return words[0][0], words[-1][1] - (1 if words[-1][2][-1:] in _CLOSERS else 0)
