"""Arabic text utilities: normalisation for matching, sentence splitting, boilerplate flags.

Normalisation never changes stored text. `normalize_spans` returns the folded string together with an
offset map, so a match found in the folded text is reported as a span of the original.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Callable
from itertools import accumulate
from operator import add

from . import lexicons

# One-to-one folds (length preserving): letter variants, digits, Arabic separators, spaces.
_FOLD_PAIRS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي", "ؤ": "و",
    "ة": "ه", "ک": "ك", "ګ": "ك", "ھ": "ه", "ە": "ه",
    "٬": ",", "٫": ".", "٪": "%", "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ",
}
_FOLD_PAIRS.update({chr(0x0660 + i): str(i) for i in range(10)})  # Arabic-Indic digits
_FOLD_PAIRS.update({chr(0x06F0 + i): str(i) for i in range(10)})  # Persian (Eastern) digits
_FOLD_TABLE = str.maketrans(_FOLD_PAIRS)
# Characters dropped for matching: harakat, superscript alef, tatweel, zero-width and bidi controls, BOM.
_DROP_CLASS = "\u064b-\u065f\u0670\u0640\u06d6-\u06ed\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
_DROP = re.compile(f"[{_DROP_CLASS}]")


def normalize(text: str) -> str:
    """Fold Arabic text for matching: no harakat or tatweel, one alef/yeh/heh, ASCII digits."""
    return _DROP.sub("", _fold(text))


def _fold(text: str, pairs: dict[str, str] = _FOLD_PAIRS, table: dict[int, str] = _FOLD_TABLE) -> str:
    """Apply one-to-one `pairs`. On Arabic text one str.replace a pair is ~20x faster than str.translate
    (whose fast path is for ASCII only); a short string is quicker with translate. No replacement is itself
    a key, so the order of the replaces does not matter."""
    if len(text) < 64:
        return text.translate(table)
    for old, new in pairs.items():
        text = text.replace(old, new)
    return text


def to_ascii_digits(text: str) -> str:
    """Replace Arabic-Indic and Persian digits (and Arabic separators) by ASCII ones; nothing else."""
    return _fold(text, _DIGIT_PAIRS, _DIGIT_TABLE)


_DIGIT_PAIRS = {k: v for k, v in _FOLD_PAIRS.items() if k.isdigit() or k in "٬٫٪"}
_DIGIT_TABLE = str.maketrans(_DIGIT_PAIRS)


@dataclass(frozen=True)
class Normalized:
    """A folded copy of `original` plus what maps folded offsets back: the original positions of the
    characters folding dropped (harakat, tatweel, bidi marks), in order."""

    original: str
    text: str
    drops: tuple[int, ...] = ()  # original positions of dropped characters
    shifts: tuple[int, ...] = ()  # for each drop, the folded offset it falls at (drops[k] - k)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the folded slice text[start:end]; marks dropped right after its last
        character belong to it (the tanween of أيضاً)."""
        if not self.drops:
            return start, end
        if end <= start:
            pos = self.to_original(start)
            return pos, pos
        return self.to_original(start), self.to_original(end)

    @cached_property
    def words(self) -> list[str]:
        """The words of the folded text (runs of \\w: harakat and tatweel no longer split a word)."""
        return words_of(self.text)

    @cached_property
    def word_set(self) -> frozenset[str]:
        """The distinct words of the folded text."""
        return frozenset(self.words)

    def word_positions(self, forms, lo: int = 0, hi: int | None = None) -> list[tuple[int, str]]:
        """(folded start, word) of each whole-word occurrence of a word in `forms` (in text[lo:hi]), in text
        order: a lexicon lookup that costs a set intersection and a few str.find, not a regex tried at every
        character."""
        text, out = self.text, []
        n = len(text)
        hi = n if hi is None else hi
        for word in self.word_set.intersection(forms):
            i = text.find(word, lo, hi)
            while i != -1:
                j = i + len(word)  # (no whole-word occurrence can start inside a longer word)
                # what _is_word_char says of the characters around it, inline: this loop is hot
                if (i == 0 or not ((c := text[i - 1]).isalnum() or c == "_")) and \
                        (j == n or not ((c := text[j]).isalnum() or c == "_")):
                    out.append((i, word))
                i = text.find(word, j, hi)
        out.sort()
        return out

    def matches_at_words(self, pattern: re.Pattern[str], forms) -> list[re.Match[str]]:
        """What `pattern.finditer(self.text)` gives for a pattern whose every match starts with a whole word
        in `forms`: the pattern is tried only where such a word stands."""
        return matches_at(pattern, self.text, [i for i, _ in self.word_positions(forms)])

    def folded(self, start: int, end: int) -> str:
        """The folded text of original[start:end] (what normalize(original[start:end]) gives)."""
        return self.text[self.to_folded(start):self.to_folded(end)]

    def to_folded(self, pos: int) -> int:
        """Folded offset of original position `pos` (the first kept character at or after it)."""
        return pos - bisect.bisect_left(self.drops, pos) if self.drops else pos

    def to_original(self, pos: int) -> int:
        """Original offset of folded position `pos` (pos may equal len(text): then len(original))."""
        return pos + bisect.bisect_right(self.shifts, pos) if self.drops else pos


def words_of(text: str) -> list[str]:
    """What `re.findall(r"\\w+", text)` gives (the runs of \\w), at about half the cost: white space is never
    \\w, so the runs are those of the pieces `str.split` cuts, and a piece all of whose characters are
    alphanumeric (`str.isalnum`, the \\w test but for "_": most pieces) is one run; only the others (a word with
    its punctuation) are searched."""
    out: list[str] = []
    for piece in text.split():
        if piece.isalnum():
            out.append(piece)
        else:
            out += _WORD.findall(piece)
    return out


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int], lo: int = 0,
               hi: int | None = None) -> list[re.Match[str]]:
    """What `pattern.finditer(text, lo, hi)` gives for a pattern whose every match begins at one of
    `starts` (sorted positions): it is tried only there, once its last match has ended."""
    if hi is None:
        hi = len(text)
    if lo > 0 or hi < len(text):
        starts = starts[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]
    out, end = [], lo
    for i in starts:
        if i >= end:
            m = pattern.match(text, i, hi)
            if m:
                out.append(m)
                end = m.end()
    return out


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches


def normalize_spans(text: str) -> Normalized:
    """Fold `text` like `normalize` and keep what maps offsets back to `text`. One split at the dropped
    characters gives both: the kept pieces joined, and (the running sum of their lengths) the folded
    offset each dropped character falls at."""
    pieces = _DROP.split(_fold(text))
    if len(pieces) == 1:
        return Normalized(text, pieces[0])
    shifts = tuple(accumulate(map(len, pieces[:-1])))
    return Normalized(text, "".join(pieces), tuple(map(add, shifts, range(len(shifts)))), shifts)


def trie_pattern(words) -> str:
    """A regex alternation of `words` built as a trie (شهر|شهور → شه(?:ر|ور)): the same matches, longest
    first, but Python's engine no longer tries every word at every position. Spaces match any white space."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


_PLAIN = re.compile(r"[^\\.^$*+?{}\[\]()]+")  # a plain word list: a|b c


def any_of(patterns: list[str]) -> str:
    """A regex matching wherever one of `patterns` matches, and sometimes more (a space in a word list
    matches any white space): for prefilters. Patterns that are plain word lists (a|b c) join one trie."""
    words = [w for p in patterns if _PLAIN.fullmatch(p) for w in p.split("|")]
    others = [f"(?:{p})" for p in patterns if not _PLAIN.fullmatch(p)]
    return "|".join(([trie_pattern(words)] if words else []) + others)


class WordSieve:
    """The words of a text that pass `test`, each word tested once across texts (most words of a text were
    seen in earlier ones): a subset test, the new words tested, then one set intersection. At most `limit`
    words are remembered; past that all are forgotten at once."""

    def __init__(self, test: Callable[[str], bool], limit: int = 100_000):
        self.test, self.limit = test, limit
        self.seen: set[str] = set()
        self.passed: set[str] = set()

    def among(self, words: frozenset[str]) -> frozenset[str]:
        if not words <= self.seen:  # (a subset test allocates nothing, a difference copies)
            if len(self.seen) > self.limit:
                self.seen.clear()
                self.passed.clear()
            for word in words.difference(self.seen):
                self.seen.add(word)
                if self.test(word):
                    self.passed.add(word)
        return words.intersection(self.passed)


class WordPatterns:
    """Tagged patterns that match whole words (a proclitic from `proclitics` allowed before them), found
    in one pass: a prefilter marks where any of them may start, and each is tried only there. Gives what
    running each pattern's finditer over the text would give, at a fraction of the cost."""

    def __init__(self, tagged: list[tuple[str, str]], proclitics: str):
        pre = f"[{proclitics}]?" if proclitics else ""
        self.starts = re.compile(rf"(?<!\w)(?={pre}(?:{any_of([p for _, p in tagged])})(?!\w))")
        self.rules = [(tag, re.compile(rf"{pre}(?:{p})(?!\w)")) for tag, p in tagged]
        self.tags = list(dict.fromkeys(tag for tag, _ in tagged))  # in table order
        # when every pattern is a list of phrases whose first words are words (\\w+), a match starts with
        # one of them as a whole word, a proclitic perhaps before it
        firsts = [w.split()[0] if w.strip() else "" for _, p in tagged for w in p.split("|")]
        plain = all(_PLAIN.fullmatch(p) for _, p in tagged) and all(_WORD.fullmatch(w) for w in firsts)
        self.first_words = frozenset(c + w for w in firsts for c in ["", *proclitics]) if plain else None
        # and then only the patterns with a phrase starting with that word can match there (in table order)
        self.rules_by_word: dict[str, tuple[int, ...]] | None = None
        if plain:
            by_word: dict[str, list[int]] = {}
            for i, (_, p) in enumerate(tagged):
                for phrase in p.split("|"):
                    first = phrase.split()[0] if phrase.strip() else ""
                    for c in ["", *proclitics]:
                        rules = by_word.setdefault(c + first, [])
                        if i not in rules:
                            rules.append(i)
            self.rules_by_word = {w: tuple(r) for w, r in by_word.items()}

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        """(tag, match) for every match in text[start:end], by start, then in table order; the matches of
        one pattern do not overlap."""
        end = len(text) if end is None else end
        yield from self._matches(text, (c.start() for c in self.starts.finditer(text, start, end)), start, end)

    def in_text(self, norm: Normalized):
        """`finditer` over a whole folded text, with its words as the prefilter when the patterns allow: at
        each word a phrase starts with, only the patterns with such a phrase are tried."""
        if self.first_words is None:
            yield from self.finditer(norm.text)
            return
        text, rules, by_word = norm.text, self.rules, self.rules_by_word
        ends = [0] * len(rules)  # where each pattern's last match ended: one pattern's matches do not overlap
        for pos, word in norm.word_positions(self.first_words):
            for i in by_word[word]:
                if pos >= ends[i]:
                    m = rules[i][1].match(text, pos)
                    if m:
                        ends[i] = m.end()
                        yield rules[i][0], m

    def _matches(self, text: str, candidates, start: int, end: int):
        ends = [start] * len(self.rules)
        for pos in candidates:
            for i, (tag, pattern) in enumerate(self.rules):
                if pos >= ends[i]:
                    m = pattern.match(text, pos, end)
                    if m:
                        ends[i] = m.end()
                        yield tag, m

    def first(self, text: str, start: int = 0, end: int | None = None) -> str | None:
        """The tag of the earliest match in text[start:end] (the first in table order on a tie)."""
        return next((tag for tag, _ in self.finditer(text, start, end)), None)


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex (a|b(c|d) → a, b(c|d))."""
    out, depth, klass, escaped, start = [], 0, -1, False, 0  # klass: where the open [ set starts
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif klass >= 0:
            if ch == "]" and i > klass + (2 if pattern[klass + 1] == "^" else 1):  # a ] first in a set is literal
                klass = -1
        elif ch == "[":
            klass = i
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    return out + [pattern[start:]]


def _trie_regex(node: dict) -> str:
    end = "" in node
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
                for ch, child in sorted(node.items(), key=lambda kv: kv[0], reverse=True) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return f"(?:{body})?"
    return body


def lowered(pattern: str) -> str:
    """`pattern` for lower-cased text, a fast stand-in for re.IGNORECASE (which stops re from skipping
    ahead to where a match can start): letters are lowered except in escapes (\\S, \\W keep their meaning)
    and group names."""
    return re.sub(r"\\.|\(\?P[<=]\w+|[^\W\d_]+", lambda m: m.group() if m.group()[0] in "\\(" else m.group().lower(),
                  pattern)


# ---------------------------------------------------------------- sentences
# (a run written [x][x]* and not [x]+: a pattern that begins with a class lets re skip ahead to where it can
# match, several times faster over a text with few terminators)
_TERMINATOR = re.compile(r"[.!?؟؛;…][.!?؟؛;…]*[\"'»”’)\]]*[.,،]?(?=\s|$)")
_NEWLINES = re.compile(r"\n")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(normalize(a) for a in lexicons.table("abbreviations")["abbreviation"])


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at `dot` closes an abbreviation (د. or U.S. or a listed one), not a sentence."""
    if dot >= len(text) or text[dot] != ".":
        return False
    i = dot
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in "\"«“(":
        i -= 1
    word = text[i:dot + 1]
    if len(word) == 2 and word[0].isalpha():  # a lone letter: initial or abbreviation
        return True
    return folded_word(word) in _abbreviations()


@lru_cache(maxsize=8192)
def folded_word(word: str) -> str:
    """`normalize` of one word, remembered: the same few words (a dotted word before a space) recur."""
    return normalize(word)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped of surrounding white space."""
    spans, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans in text[start:end], stripped; together they hold every non-space character."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraph_spans(text[start:end]):
        spans.extend(split_line(text, start + p_start, start + p_end))
    return spans


def split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in the line text[start:end] (no newline in it), stripped."""
    return _sentences_of_line(text, start, end, _TERMINATOR.finditer(text, start, end))


_TERMINATOR_FIRST = ".!?؟؛;…"  # what every terminator begins with (the first class of _TERMINATOR)


def char_positions(text: str, chars: str) -> list[int]:
    """The positions of every occurrence of any of `chars` in the text, in order: a few str.find per
    character, far cheaper than a regex scan through a text of Arabic letters."""
    out = []
    for ch in chars:
        i = text.find(ch)
        while i != -1:
            out.append(i)
            i = text.find(ch, i + 1)
    out.sort()
    return out


def terminators(text: str) -> list[re.Match[str]]:
    """What `_TERMINATOR.finditer(text)` gives, with the pattern tried only where a character it begins with
    stands (`char_positions`)."""
    return matches_at(_TERMINATOR, text, char_positions(text, _TERMINATOR_FIRST))


def split_lines(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """`split_line` of each of `spans` (lines apart by white space, as `paragraph_spans` gives), with one
    pass of the terminator pattern over the whole text: a terminator holds no white space, so none
    crosses from one line into another, and each line's are those its own pass would find."""
    marks = terminators(text)
    if not marks:
        return [_sentences_of_line(text, start, end, ()) for start, end in spans]
    at = [m.start() for m in marks]
    return [_sentences_of_line(text, start, end, marks[bisect.bisect_left(at, start):bisect.bisect_left(at, end)])
            for start, end in spans]


def _sentences_of_line(text: str, start: int, end: int, marks) -> list[tuple[int, int]]:
    """The stripped pieces of the line text[start:end] cut after each terminator match in `marks`."""
    out, cur = [], start
    for m in marks:
        # a "." closing an abbreviation does not end a sentence; at the end of the line it makes no odds
        # (the piece would end there either way), so the costly test is skipped
        if m.group(0) == "." and m.end() < end and _is_abbreviation(text, m.start()):
            continue
        out.append((cur, m.end()))
        cur = m.end()
    out.append((cur, end))
    spans = []
    for s, e in out:  # strip each piece (usually of the one space after a terminator)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


# ---------------------------------------------------------------- boilerplate
@lru_cache(maxsize=1)
def _boilerplate_rules() -> tuple[re.Pattern[str], re.Pattern[str], list[tuple[int, re.Pattern[str]]], list[str]]:
    """The rules of data/boilerplate.csv: one pattern for the 'start' scope and one for 'full', whose group
    k<i> is the i-th rule; the 'end' rules one by one, with their index (each starts with a literal, which
    re finds quickly alone and not inside an alternation); and every rule's kind."""
    table = lexicons.table("boilerplate")
    rows = {scope: [(i, lowered(normalize(r.pattern))) for i, r in enumerate(table.itertuples()) if r.scope == scope]
            for scope in ("start", "full", "end")}
    start, full = (re.compile("|".join(f"(?P<k{i}>{p})" for i, p in rows[scope])) for scope in ("start", "full"))
    return start, full, [(i, re.compile(p)) for i, p in rows["end"]], list(table["kind"])


_WORD = re.compile(r"\w\w*")  # the runs of \w (a pattern that begins with a class lets re skip ahead to it)
_LIST_HEADS = {"read_also", "most_read", "tags"}


def line_kind(line: str, folded: str | None = None) -> str | None:
    """The boilerplate kind of one stripped line ('read_also', 'caption', …), or None for content.
    When several rules match, the first one in data/boilerplate.csv wins."""
    return _folded_line_kind((normalize(line) if folded is None else folded).lower())


def _folded_line_kind(folded: str) -> str | None:
    """`line_kind` of a folded, lower-cased line: the earliest rule of the 'start' match, the 'full' match
    and the first 'end' rule that matches (which marks a short line only)."""
    start, full, end, kinds = _boilerplate_rules()
    m = start.match(folded)
    first = int(m.lastgroup[1:]) if m else len(kinds)
    m = full.fullmatch(folded)
    if m:
        first = min(first, int(m.lastgroup[1:]))
    for i, pattern in end:  # in table order: a rule after the earliest hit cannot win
        if i > first:
            break
        if pattern.search(folded):
            if len(_WORD.findall(folded)) <= 40:  # an end rule marks a short line only
                first = i
            break
    return kinds[first] if first < len(kinds) else None


def boilerplate_lines(text: str, spans: list[tuple[int, int]], norm: Normalized | None = None) -> list[str | None]:
    """Kind of each line span: a rule's kind, 'read_also' for link lists after such a heading,
    'tweet' for the body of an embedded tweet above its signature line, else None."""
    if norm is None:
        kinds = [line_kind(text[s:e]) for s, e in spans]
    else:
        kinds = [_folded_line_kind(norm.folded(s, e).lower()) for s, e in spans]
    in_list = False
    for i, (s, e) in enumerate(spans):
        if kinds[i] in _LIST_HEADS:
            in_list = True
            continue
        if in_list and kinds[i] is None and _looks_like_link(text[s:e]):
            kinds[i] = "read_also"
            continue
        in_list = False
    for i, (s, e) in enumerate(spans):  # an embedded tweet's body stands above its "— Name (@handle)" line
        if kinds[i] == "tweet" and text[s] in "—–-" and i > 0 and kinds[i - 1] is None:
            kinds[i - 1] = "tweet"
    return kinds


def _looks_like_link(line: str) -> bool:
    """A headline in a link list: short and without sentence punctuation at the end."""
    return len(_WORD.findall(line)) <= 18 and not re.search(r"[.؟?!:،]\s*$", line)
