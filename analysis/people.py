"""A person's title and name in Arabic news: where the title ends and the name begins, and who an article
has introduced that way.

Arabic news introduces a person once with title and full name («الأمين العام لمجلس التعاون نايف الحجرف»،
«كبير مفاوضي الحوثيين محمد عبد السلام»، «رئيس وفد المعارضة، أحمد طعمة») and later by surname alone
(«الحجرف») or title alone («الأمين العام»، «المبعوث الأممي»).

- `split_title(words, raw)`: the title and the name in a phrase of folded words (`raw`: as written, which
  tells ال from أل). A title word (`data/titles.csv`: head, part, honorific, behalf; a head with a pronoun,
  رئيسها) opens the title; it runs on over what completes it: a construct chain (رئيس بعثة الصندوق، كبير
  مفاوضي الحوثيين), definite words and nisba adjectives (الخارجية العراقي), ل-phrases (لمجلس التعاون،
  للحلف), a body in quotation marks (رئيس «التيار الوطني الحر»), a place after إلى/في/لدى (إلى اليمن، في مجلس الشيوخ، في حكومة تصريف الأعمال), and, when a name
  in commas follows, the body before it (نائب رئيس حكومة إقليم كوردستان، قوباد طالباني،). A phrase that
  opens with a body noun (وزارة …) or a description (مسؤول …) has no title. The name is the run of up to
  four words after the title (عبد، بن، أبو join the next word: `data/name_particles.csv`); it ends at a
  comma, a subject stop or particle, a time phrase (مطلع أيلول، منتصف العام), a second title after two words (عزيز أخنوش رئيس الحزب), a ل-word
  after a person's name (للصحافيين، لوكالة …, but a body keeps its: الوكالة الدولية للطاقة الذرية), or a
  pronoun-suffixed noun after two words (نظيره). A title that ends with a colon has no name after it.
- `titled_people(norm)`: every title-then-name phrase of an article, read only where a head or honorific
  stands, for a later title alone or «الأخير» to refer back to; an honorific-only title takes the office
  written after the name (الدكتور X، وزير الموارد المائية والري).
- `full_names_of(norm, surname)`: each fuller name the article wrote with a surname (عبد الله حمدوك for
  حمدوك), read backwards from the surname over name words, as far as a title, an adjective, a comma or a
  cue.

Limits: a definite word right after a name is read as part of it (استقبل الرئيس X الوفد: «X الوفد»;
مكتب رئيس الحكومة and نايف الحجرف need it); a surname with ال right after a title (رئيس الوزراء الكاظمي)
reads as part of the title (the speakers table knows the common ones); a common noun after an open
construct (وزير عدل …) may be read as its complement; in `titled_people` a name must end at a clear
boundary (a comma, a stop word, a cue, the end of a sentence, a pronoun-suffixed noun), and a one-word
name must end with punctuation (الرئيس الفنزويلي دافع عن: دافع is the verb).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Sequence

from . import cues, lexicons
from .quote_marks import MARK_SET, MARKS, has_mark
from .subjects import all_name_glue, body_noun, is_place, joins_inside_name, name_glue, opens_period, period_qualifiers, stop_words, words_in
from .titles import title_word, titles
from .text import Normalized, normalize

_CLOSERS = "،,:.؛"
_COMMAS = "،,"
MAX_NAME_WORDS = 4


def _definite(token: str) -> bool:
    """A definite word (الخارجية، والدفاع، للحلف). On folded text أ and ا are one letter, so a name such as
    ألكسندر looks definite there: `split_title` tests the words as written when it has them."""
    return token.startswith(("ال", "وال", "لل"))


def _bare(word: str) -> str:
    """A word without the punctuation and quotation marks around it (للحلف، «القوات»)."""
    return word.strip(_BARE_STRIP)


_BARE_STRIP = _CLOSERS + MARKS


def _title_end(words: Sequence[str], raw: Sequence[str]) -> int:
    """How many words of the phrase its title takes (0: it does not open with a title)."""
    n = len(words)
    definite = lambda k: _definite(_bare(raw[k])) or is_place(_bare(words[k]))  # ليبيا: a place is definite
    stops = stop_words()
    i, titled, open_ = 0, False, False
    while i < n:
        word = words[i]
        bare = _bare(word)
        kind = title_word(bare)
        if kind == "description" or (i == 0 and kind == "part"):
            return 0  # مسؤول، مصادر: an unnamed source; وزارة الخارجية: a body; kept whole
        if titled and bare in stops and not (bare in ("الي", "في", "لدي") and i + 1 < n
                                                    and _place_after(words[i + 1])) and not _in_quoted_body(words, i):
            return i  # وزير المالية الأسبوع المقبل: the title ends, no name follows
        if kind:
            titled, open_ = True, not bare.startswith(("ال", "وال", "بال", "لل"))  # (بالإنابة: closed)
        elif not titled:
            return 0
        elif word[:1] in MARK_SET and (close := _quote_close(words, i)) is not None:
            i, open_ = close + 1, False  # رئيس «التيار الوطني الحر» النائب …: the body headed, in quotes
            continue
        elif definite(i):
            open_ = False  # الخارجية العراقي، للحلف
        elif bare in _PRONOUN_OBJECTS and i > 0 and definite(i - 1):
            if i + 1 < n and _ADVERB.fullmatch(_bare(words[i + 1])):
                i += 1  # الحكومة اليمنية المعترف بها دولياً معمر الإرياني: a participle's complement
            open_ = False
        elif titled and _in_quoted_body(words, i):
            i += 0 if has_mark(words[i + 1][:1]) else 1  # النائب في كتلة "الجمهورية القوية" X: where the
            open_ = True                                   # holder sits; the quoted name is read next
        elif bare in ("الي", "في", "لدي") and i + 1 < n and _place_after(words[i + 1]):
            i += 1  # المبعوث الأممي إلى اليمن، زعيم الغالبية في مجلس الشيوخ
            open_ = not definite(i)
        elif bare.startswith("ل") and len(bare) > 3 and _opens_chain(words, raw, i + 1):
            open_ = True  # لمجلس التعاون، لحلف شمال الأطلسي (not لينا حداد: a name)
        elif body_noun(bare) and i + 2 < n and word[-1:] not in _CLOSERS and not definite(i + 1) and \
                _bare(words[i + 1]) not in stops and not title_word(_bare(words[i + 1])):
            i += 1  # لحركة حماس إسماعيل هنية، وفد حركة فتح عزام الأحمد: a body and its one-word name
            open_ = False
        elif open_ and word[-1:] not in _CLOSERS and bare not in name_glue() and (
                (i + 1 < n and (definite(i + 1) or body_noun(_bare(words[i + 1])))) or  # وفد حركة "فتح"
                (i + 2 < n and words[i + 1][-1:] not in _CLOSERS and definite(i + 2) and not title_word(bare)
                 and bare not in name_glue() and words[i + 1] not in name_glue())):
            pass  # بعثة الصندوق، مفاوضي الحوثيين، باسم رئاسة مجلس الوزراء: a construct chain a definite word closes
        else:
            return i
        i += 1
        if word[-1:] in _CLOSERS and word[-1:] not in _COMMAS:
            return i  # وزير الري: جولة …: a headline's title, and no name after it (split_title)
        if word[-1:] in _COMMAS and not (i < n and title_word(_bare(words[i]))):
            return i  # رئيس وفد المعارضة، أحمد طعمة: the name follows in commas (after an honorific: ، اللواء …)
    return i




_PRONOUN_OBJECTS = frozenset(("به", "بها", "بهما", "بهم"))  # (folded)
_ADVERB = re.compile(r"\w{3,}يا")  # دوليا، رسميا: an adverb in -ًا (folded)


def _quote_close(words: Sequence[str], i: int) -> int | None:
    """The index of the word that closes the quotation word `i` opens (four words at most), or None."""
    for j in range(i, min(i + 4, len(words))):
        word = words[j].rstrip(_CLOSERS)
        if has_mark(word[-1:]) and (j > i or len(word) > 1):
            return j
    return None


def _opens_chain(words: Sequence[str], raw: Sequence[str], k: int) -> bool:
    """A definite word follows at `k`, or an indefinite one and then a definite one (a construct chain)."""
    definite = lambda j: j < len(words) and _definite(_bare(raw[j]))
    return definite(k) or (words[k - 1][-1:] not in _CLOSERS and k < len(words)
                           and words[k][-1:] not in _CLOSERS and definite(k + 1))


def _in_quoted_body(words: Sequence[str], i: int) -> bool:
    """«في» at word i, then a body named in quotes (في "التيار الوطني الحر"، في كتلة "الجمهورية القوية")."""
    if _bare(words[i]) != "في" or i + 2 >= len(words):
        return False
    return has_mark(words[i + 1][:1]) or (body_noun(_bare(words[i + 1])) and has_mark(words[i + 2][:1]))


def _place_after(word: str) -> bool:
    bare = _bare(word)
    return _definite(bare) or bool(title_word(bare)) or title_word("ال" + bare) == "part" or is_place(bare)



def _name_end(words: Sequence[str], raw: Sequence[str], start: int) -> int:
    """Where the name that starts at `start` ends (exclusive)."""
    stops, glue, qualifiers, all_glue = stop_words(), name_glue(), period_qualifiers(), all_name_glue()
    j, body, particle = start, None, -1
    # a body's name runs longer than a person's (بعثة الأمم المتحدة المتكاملة الانتقالية في السودان)
    most = MAX_NAME_WORDS + 2 if start < len(words) and title_word(_bare(words[start])) == "part" else MAX_NAME_WORDS
    while j < len(words) and j - start < most:
        word = words[j]
        bare = _bare(word)
        # أبو علي: علي is a name here, not the preposition على; فون دير لاين: لاين after a particle, no ل+noun
        glued = j > start and (words[j - 1] in glue or particle == j - 1)
        if bare in all_glue and j > start and j + 1 < len(words) and word[-1:] not in _CLOSERS and \
                _bare(words[j + 1]) not in stops and joins_inside_name(_bare(raw[j - 1]), bare, _bare(raw[j + 1])):
            particle = j
            j += 1  # رون فان رودن، أورسولا فون دير لاين: a particle inside a name (فان is also فإن)
            continue
        if j > start and bare.startswith("بال") and not glued:
            break  # رحب فايز السراج بالاتفاق: the object of the verb, no name word
        if _body_in_place(words, start, j):
            return j + 2  # وزارة الأشغال العامة في غزة: a body and where it is
        if not bare or has_mark(word) or bare[:1].isdigit() or (not glued and (bare in stops or bare in _particles())) \
                or _ends_name_as_cue(bare, j == start) \
                or (bare in qualifiers and j > start and j + 1 < len(words) and opens_period(bare, words[j + 1])):
            break  # الوزير أكد، نجيب ميقاتي قال: a cue verb is no name (but a homograph after a first name
            #        word may be one: وانغ ون بين)
        if j > start and not glued:
            if j - start >= 2 and _bare(raw[j]).endswith("ه") and len(bare) > 4:
                break  # هاني سويلم نظيره: a pronoun suffix (ه as written, not ة) after two name words
            if body is None:
                body = _definite(_bare(raw[start]))  # الوكالة الدولية للطاقة الذرية: a body's name runs on
            if (title_word(bare) in ("head", "description") and j - start >= 2) or \
                    (not body and (bare.startswith("لل") or (bare.startswith("ل") and j - start >= 2))):
                break  # عزيز أخنوش رئيس الحزب؛ عراقجي للتلفزيون؛ جبار ياور لرووداو
        j += 1
        if word[-1:] in _CLOSERS:
            break
    else:
        if j < len(words) and _body_in_place(words, start, j):
            return j + 2  # بعثة الاتحاد الأفريقي الانتقالية في الصومال: a body's longer name, and where it is
    return j


def _body_in_place(words: Sequence[str], start: int, j: int) -> bool:
    """«في PLACE» at word j after a body's name that started at `start` (وزارة الأشغال العامة في غزة)."""
    return _bare(words[j]) == "في" and j > start and j + 1 < len(words) and \
        title_word(_bare(words[start])) == "part" and words[j - 1][-1:] not in _CLOSERS and is_place(_bare(words[j + 1]))


def _ends_name_as_cue(bare: str, first: bool) -> bool:
    """A cue verb is no name word, except a cue written like a common word (بين) after a name's first word."""
    cue = cues.whole_cue(bare)
    return cue is not None and (first or cue not in cues.homographs())


class TitledName(NamedTuple):
    title: tuple[int, int]  # word range of the title ((0, 0): none before the name)
    name: tuple[int, int]  # word range of the name ((k, k): no name)


def split_title(words: Sequence[str], raw: Sequence[str] | None = None) -> TitledName:
    """The title and the name in a phrase of folded words (punctuation kept on them); `raw`: the same
    words as written (without harakat), which tell ال from أل."""
    raw = raw if raw is not None else words
    start = _title_end(words, raw)
    if start and words[start - 1][-1:] in _CLOSERS and words[start - 1][-1:] not in _COMMAS:
        return TitledName((0, start), (start, start))  # the title ends its clause: no name follows
    end = _name_end(words, raw, start) if start < len(words) else start
    if 0 < start < end < len(words) and words[end - 1][-1:] in _COMMAS and not title_word(_bare(words[end])):
        after = _name_end(words, raw, end)  # نائب رئيس حكومة إقليم كوردستان، قوباد طالباني، : the body, then
        if end < after and (after == len(words) or words[after - 1][-1:] in _COMMAS   # the name in commas
                            or _bare(words[after]) in stop_words()):
            return TitledName((0, end), (end, after))
    return TitledName((0, start), (start, end))


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    """Particles that stand between a subject and its verb (قد، لقد، كان): never a name word."""
    return cues.particles("leader", "perfect", "auxiliary")


# ------------------------------------------------------------------ who an article introduced
class Introduced(NamedTuple):
    start: int  # folded start of the title
    name: tuple[int, int]  # folded span of the name
    title: tuple[int, int]  # folded span of the title


def titled_people(norm: Normalized) -> list[Introduced]:
    """Every «title name» phrase of the article (a head or honorific title word opens it), in text order.
    Only the places where such a word stands are read (`Normalized.word_positions`)."""
    folded = norm.text
    out, resume = [], 0
    for i, _ in norm.word_positions(_opening_forms()):
        if i < resume:
            continue
        before = folded[max(0, i - 40):i].split()
        if before and title_word(_bare(before[-1])) not in (None, "description"):
            continue  # inside a longer title: its first word opened it
        window = words_in(folded, i, len(folded), 16)
        words = [t[2] for t in window]
        raw = _Written(norm, window)
        split = split_title(words, raw)
        s, e = split.name
        title_end = split.title[1]
        one_word = e - s == 1 and words[s][-1:] not in _CLOSERS  # الرئيس الفنزويلي دافع عن: a verb, not a name
        if title_end and s < e and not one_word and _ends_cleanly(words, raw, e) and not _definite(_bare(raw[s])):
            last = window[e - 1]
            name_end = last[1] - (1 if last[2][-1:] in _CLOSERS else 0)
            t_first, t_last = window[0], window[title_end - 1]
            if e < len(words) and words[e - 1][-1:] in _COMMAS and title_word(_bare(words[e])) == "head":
                role_end = e + _title_end(words[e:], raw[e:])  # الدكتور X، وزير الموارد المائية: the office after
                t_first, t_last = window[e], window[role_end - 1]
            out.append(Introduced(i, (window[s][0], name_end),
                                  (t_first[0], t_last[1] - (1 if t_last[2][-1:] in _CLOSERS else 0))))
            resume = window[e - 1][1]
    return out


class _Written(Sequence[str]):
    """The words of a window as written, each read from the original text only when asked for."""

    def __init__(self, norm: Normalized, window: list[tuple[int, int, str]]):
        self.norm, self.window = norm, window
        self.read: dict[int, str] = {}  # the words read so far (the tests ask for some more than once)

    def __len__(self) -> int:
        return len(self.window)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return _Written(self.norm, self.window[k])
        word = self.read.get(k)
        if word is None:
            a, b, _ = self.window[k]
            word = self.read[k] = self.norm.original[slice(*self.norm.span(a, b))]
        return word


@lru_cache(maxsize=1)
def _opening_forms() -> frozenset[str]:
    """How a head or honorific title word may be written as a whole word (و/ف before it, ال on it)."""
    words = [w for w, k in titles().items() if k in ("head", "honorific") and w.isalpha()]
    bases = {w[2:] if w.startswith("ال") else w for w in words}
    return frozenset(p + a + b for b in bases for a in ("", "ال") for p in ("", "و", "ف"))


def _ends_cleanly(words: Sequence[str], raw: Sequence[str], end: int) -> bool:
    """The name that ends before `end` ends at a boundary, not in the middle of a longer phrase."""
    if end >= len(words) or words[end - 1][-1:] in _CLOSERS:
        return True
    nxt = _bare(words[end])
    return (not nxt or nxt in stop_words() or nxt in _particles() or has_mark(words[end]) or nxt[:1].isdigit()
            or (end + 1 < len(words) and opens_period(nxt, words[end + 1]))  # X منتصف العام، X قد أثار
            or bool(title_word(nxt)) or nxt.startswith("ل") or cues.whole_cue(nxt) is not None
            or (_bare(raw[end]).endswith("ه") and len(nxt) > 4))  # استقالته: a noun with a pronoun suffix


def full_names_of(norm: Normalized, surname: str) -> list[tuple[int, tuple[int, int]]]:
    """Each name the article wrote ending in `surname` (folded words, spaces between), read back from the
    surname over the name words before it: (folded end of the surname, folded span of the name), in text
    order; the surname alone is not listed."""
    out = []
    first, pattern = surname.split()[0], _phrase(surname)
    for i, _ in norm.word_positions({first}):
        m = pattern.match(norm.text, i)
        start = _name_start(norm, i) if m else None
        if start is not None:
            out.append((m.end(), (start, m.end())))
    return out


@lru_cache(maxsize=1024)
def _phrase(words: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(map(re.escape, words.split())) + r"(?![\w])")


def _name_start(norm: Normalized, pos: int) -> int | None:
    """Where the name whose last words start at folded `pos` begins, reading back over name words; None
    when no word before it is a name word or what stands before the name is not a title, an adjective, a
    comma or a cue. Definiteness is read on the words as written (ألكسندر is a name, الروسي is not)."""
    line_start = norm.text.rfind("\n", max(0, pos - 120), pos) + 1  # a name never runs over a line's end
    tokens = [(p, w) for p, _, w in words_in(norm.text, max(line_start, pos - 120), pos)]
    written = lambda p, w: norm.original[slice(*norm.span(p, p + len(w)))]
    stops, glue = stop_words(), name_glue()
    start, taken = pos, 0
    while tokens and taken < MAX_NAME_WORDS - 1:
        p, word = tokens[-1]
        bare = _bare(word)
        if word[-1:] in _CLOSERS or not bare or bare in stops or has_mark(word) or bare[:1].isdigit() \
                or title_word(bare) or cues.whole_cue(bare) is not None or cues.names_author(bare) \
                or cues.document_noun(bare) or bare in _particles() or (bare[:1] == "و" and bare[1:] in _particles()) \
                or body_noun(bare):
            break  # (وثيقة قدمها وفد المعارضة: a document and its verb are no name words; وكانت X قد: a particle)
        if _definite(_bare(written(p, word))) and not (len(tokens) > 1 and tokens[-2][1] in glue):
            break  # العراقي: an adjective of the title, unless عبد الله
        start, taken = p, taken + 1
        tokens.pop()
    if not taken:
        return None
    if tokens:  # what stands before the name: a title, an adjective, a comma or a cue verb
        p, word = tokens[-1]
        bare = _bare(word)
        if not (word[-1:] in _COMMAS or title_word(bare) or _definite(_bare(written(p, word))) or
                cues.whole_cue(bare) is not None):
            return None
    return start
