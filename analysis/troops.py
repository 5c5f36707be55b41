"""Troop figures: how many soldiers (or what share of them) a sentence says are, or will be, in a country.

Every mention is a row, a figure repeated later in the article too (`repeat` flags a figure whose value,
unit, force and country the article already gave). An amount (`amounts`: a number, a range as value and
value_max, a vague amount such as بضعة آلاف as its conventional interval) counts only in a troop context
(`data/troop_words.csv`): a troop noun after it (2500 جندي، مئات المستشارين), a partitive (60% من قوات
التحالف), a head noun before it (عديد الجنود … إلى 2500) or a force's strength (قوة قوامها 13 ألفاً).
Casualty contexts (قتلى، مصرع), police and civilians (عنصر من الشرطة) and numbers inside date
expressions are not troop figures. The force comes from `data/forces.csv` (nearest mention in the
figure's phrase, then in its sentence), the country from `data/countries.csv`, the kind from
`troop_kinds`, and `as_of` from the nearest date in the figure's clause (`clauses`), else in its
sentence.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache
from typing import Callable

import pandas as pd

from . import lexicons
from .amounts import Amount, find_amounts
from .clauses import clause_around, clause_end, nearest_date
from .registry import extractor
from .schema import names, schema
from .text import Normalized, WordPatterns, WordSieve, alternatives as alternatives_of, normalize, normalize_spans, trie_pattern
from .troop_kinds import kind_of

WINDOW = 400  # folded characters of context on each side of a figure
SCHEMA = schema(("article_id", "str"), ("sentence_id", "int"), ("start", "int"), ("end", "int"), ("text", "str"),
                ("rule", "str"), ("value", "float"), ("value_max", "float"), ("unit", "str"), ("approximate", "bool"),
                ("force", "str"), ("country", "str"), ("kind", "str"), ("repeat", "bool"), ("as_of", "date"),
                ("as_of_end", "date"), ("as_of_basis", "str"))
COLUMNS = names(SCHEMA)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    """Each kind of `data/troop_words.csv` as one alternation of its folded words."""
    table = lexicons.table("troop_words")
    kinds = {k: [normalize(w) for w in g["word"]] for k, g in table.groupby("kind")}
    return {k: trie_pattern(v) for k, v in kinds.items()}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lx = _lexicon()
    return {
        "noun": re.compile(rf"^\s*(?:من\s+)?(?:ال)?(?:{lx['noun']})(?!\w)"),
        "partitive": re.compile(rf"^\s*من\s+(?:ال)?(?:{lx['partitive']})(?!\w)"),
        "head": re.compile(rf"(?:^|\s)[وبل]?(?:ال)?(?:{lx['head']})\s+(?:ال)?(?:{lx['head_noun']})"
                           rf"(?:\s+\S+){{0,6}}?\s+(?:{lx['head_link']})\s*$"),
        # after a figure introduced by a head noun (عديد الجنود … إلى 2500) only the end of the clause, a
        # conjunction or one of the `follower` words may follow: "إلى 20 هجوماً" is a count of something else
        "follower": re.compile(rf"^\s*(?:$|[،,.؛;:)\-–]|(?:{lx['follower']})(?!\w)|و)"),
        # a force's strength right before the figure: قوة قوامها نحو 700، يبلغ عديدها 10 آلاف
        "strength": re.compile(rf"(?:^|\s)[وب]?(?:{lx['strength']})\s*(?:(?:{lx['approx']})\s*)?$"),
        # police, civilians, militants named right after a troop noun: 500 عنصر من الشرطة، 300 فرد أمن
        "not_troops": re.compile(rf"^\s+(?:(?:من|في)\s+)?(?:(?:{lx['service']})\s+)?[وبل]?(?:ال)?"
                                 rf"(?:{lx['not_troops']})(?!\w)"),
        "approx_before": re.compile(rf"(?:^|\s)(?:{lx['approx']})\s*$"),
        # a definite troop noun before a number written with ال: الجنود الـ2500 (folded: الجنود ال2500)
        "noun_before": re.compile(rf"(?:^|\s)[وبل]?(?P<noun>ال(?:{lx['noun']}))\s+ال$"),
        # from–to pairs: من 500 إلى 4000 عنصر (one word, حاليا, may stand before إلى)
        "pair_from": re.compile(rf"(?:^|\s)(?:{lx['pair_from']})\s*$"),
        "pair_gap": re.compile(rf"\s*(?:\S+\s+)?و?(?:{lx['pair_to']})\s*"),
        "approx_after": re.compile(r"^\s*(?:[^\s،,.]+\s+){0,2}تقريبا(?!\w)"),
        "casualty": re.compile(rf"(?<!\w)[وبل]?(?:{lx['casualty']})(?!\w)"),
        "present": re.compile(rf"(?<!\w)[وف]?(?:{lx['present']})(?!\w)"),
    }


PROCLITICS = "وبل"  # what may stand against a force's or country's name (والعراق، بالعراق، للتحالف)


@lru_cache(maxsize=None)
def _tagged(name: str) -> WordPatterns:
    """The patterns of table `name` (forces, countries) tagged by its second column."""
    table = lexicons.table(name)
    return WordPatterns([(v, normalize(p)) for p, v in zip(table["pattern"], table.iloc[:, 1])], PROCLITICS)


_ONE_WORD = re.compile(r"(?:\w|\\w|[()?*+|])+")  # an alternative that matches within one word
_PHRASE = re.compile(r"\w+(?: \w+)+")  # a phrase of plain words: الولايات المتحده


class TableWords:
    """What a word tells of the patterns of one table (forces, countries): the patterns that match it
    whole (remembered per word: a pattern of letters, `(ال)?` and `\\w*` reads nothing past the word it
    starts), and whether it is the first word of a phrase (الولايات المتحده), where the patterns must read
    the text itself. `build` gives None when a pattern is neither kind (then `WordPatterns` is read)."""

    LIMIT = 100_000  # words remembered, at most

    def __init__(self, patterns: WordPatterns, phrase_firsts: dict[str, frozenset[int]], longest_phrase: int):
        self.patterns, self.phrase_firsts, self.longest_phrase = patterns, phrase_firsts, longest_phrase
        # word -> the patterns (indices) matching it whole, remembered per word
        self.rules_of: Callable[[str], tuple[int, ...]] = lru_cache(maxsize=self.LIMIT)(self._rules_matching)
        self.matched = WordSieve(lambda word: bool(self.rules_of(word)), self.LIMIT)  # words some pattern matches
        self.firsts = frozenset(phrase_firsts)

    @classmethod
    def build(cls, patterns: WordPatterns, alternatives: list[list[str]]) -> "TableWords | None":
        """`alternatives`: each pattern's top-level alternatives, in table order."""
        phrases = [(i, a) for i, alts in enumerate(alternatives) for a in alts if not _ONE_WORD.fullmatch(a)]
        if not all(_PHRASE.fullmatch(a) for _, a in phrases):
            return None
        firsts: dict[str, set[int]] = {}  # a phrase's first word, a proclitic perhaps before it: its patterns
        for i, a in phrases:
            for c in ["", *PROCLITICS]:
                firsts.setdefault(c + a.split()[0], set()).add(i)
        return cls(patterns, {w: frozenset(s) for w, s in firsts.items()}, max((len(a) for _, a in phrases), default=0))

    def present(self, words: frozenset[str]) -> frozenset[str]:
        """The words of `words` (an article's) some pattern may match at: those a pattern matches whole
        (each word classified once, by the prefilter, then each pattern) and the first words of phrases."""
        return self.matched.among(words) | words.intersection(self.firsts)

    def _rules_matching(self, word: str) -> tuple[int, ...]:
        if not self.patterns.starts.match(word):
            return ()
        return tuple(i for i, (_, rule) in enumerate(self.patterns.rules) if rule.fullmatch(word))


@lru_cache(maxsize=None)
def _table_words(name: str) -> TableWords | None:
    table = lexicons.table(name)
    alternatives = [alternatives_of(normalize(p)) for p in table["pattern"]]
    return TableWords.build(_tagged(name), alternatives)


class Mentions:
    """The matches of table `name`'s patterns in folded[lo:hi] (a sentence, or the whole text) of one
    article, found once from its words (`TableWords`), then read window by window: what
    `WordPatterns.finditer(folded, start, end)` gives for lo <= start <= end <= hi.

    A match found in the whole text is the match in a window when the regex read nothing at or past the
    window's end: a word ending before it, starting more than the longest phrase (and a proclitic) before
    it. The words nearer the end are read by the patterns themselves, limited to the window."""

    def __init__(self, norm: Normalized, name: str, present: frozenset[str] | None, lo: int = 0,
                 hi: int | None = None):
        """`present`: `TableWords.present` of the article's words (None when the table has no
        `TableWords`)."""
        self.norm, self.text = norm, norm.text
        self.patterns = _tagged(name)
        words = _table_words(name)
        self.reach = words.longest_phrase + 1 if words else None  # None: no index, the patterns read all
        self.found: list[tuple[int, int, str, int]] = []  # (start, pattern index, tag, end), in text order
        if words is not None:
            self._index(words, present, lo, len(self.text) if hi is None else hi)
        self.starts = [f[0] for f in self.found]

    def _index(self, words: TableWords, present: frozenset[str], lo: int, hi: int) -> None:
        text, rules = self.text, self.patterns.rules
        for pos, word in self.norm.word_positions(present, lo, hi):
            end = pos + len(word)
            phrased = words.phrase_firsts.get(word)
            if phrased is None:
                self.found.extend((pos, i, rules[i][0], end) for i in words.rules_of(word))
                continue
            for i in sorted(phrased.union(words.rules_of(word))):  # the patterns with such a phrase, on the text
                m = rules[i][1].match(text, pos) if i in phrased else None
                if m or i not in phrased:
                    self.found.append((pos, i, rules[i][0], m.end() if m else end))

    def finditer(self, start: int = 0, end: int | None = None):
        """(tag, start) of every match in folded[start:end], by start, then in table order; the matches of
        one pattern do not overlap."""
        n = len(self.text)
        end = n if end is None else end
        if self.reach is None:
            yield from ((tag, m.start()) for tag, m in self.patterns.finditer(self.text, start, end))
            return
        tail = end if end >= n else max(start, self.text.rfind(" ", start, max(start, end - self.reach)) + 1)
        ends: dict[int, int] = {}
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, tail, lo)
        for pos, i, tag, m_end in self.found[lo:hi]:
            if pos >= ends.get(i, start):
                ends[i] = m_end
                yield tag, pos
        if tail < end:
            for c in self.patterns.starts.finditer(self.text, tail, end):
                pos = c.start()
                for i, (tag, rule) in enumerate(self.patterns.rules):
                    if pos >= ends.get(i, start):
                        m = rule.match(self.text, pos, end)
                        if m:
                            ends[i] = m.end()
                            yield tag, pos

    def first(self, start: int, end: int) -> str | None:
        """The tag of the earliest match in folded[start:end] (the first in table order on a tie)."""
        return next((tag for tag, _ in self.finditer(start, end)), None)

    def last(self, start: int, end: int) -> str | None:
        """The tag of the last match in folded[start:end] (the nearest to `end`; at one position the first
        in the table)."""
        last, at = None, -1
        for tag, pos in self.finditer(start, end):
            if pos > at:
                last, at = tag, pos
        return last


@extractor("troops", SCHEMA, needs=("dates",))
def extract(article, facts: dict[str, list[dict]]) -> list[dict]:
    """The `troops` rows of a segmented article; figures are dated from the `dates` rows of their clause."""
    return rows(article.article_id, article.text, article.content, facts["dates"], article.published, article.norm)


def rows(article_id: str, text: str, sentences: list[dict], date_rows: list[dict],
         published: dt.date | None, norm: Normalized | None = None) -> list[dict]:
    """Rows of the `troops` frame for one article, from its content (non-boilerplate) sentences."""
    norm = norm or normalize_spans(text)
    folded = norm.text
    pats = _patterns()
    by_start = sorted(date_rows, key=lambda d: d["start"])
    starts = [d["start"] for d in by_start]
    main_country: list[str | None] = []  # computed once, when the first figure needs it
    forces, countries = _LazyMentions(norm, "forces"), _LazyMentions(norm, "countries")
    rows = []
    for c in _figures(folded, norm, sentences, by_start, starts, pats):
        amount, s, fs, fe = c.amount, c.amount.first, c.fs, c.fe
        o_s, o_e = norm.span(c.span_start, c.phrase_end)
        cs, ce = clause_around(folded, s, fs, fe)
        as_of, as_of_end, basis = _as_of(o_s, norm.span(cs, ce), by_start, starts, published,
                                         folded[cs:ce], pats, "clause")
        if as_of is None:
            as_of, as_of_end, basis = _as_of(o_s, norm.span(fs, fe), by_start, starts, published,
                                             folded[fs:fe], pats, "sentence")
        rows.append({
            "article_id": article_id, "sentence_id": c.sentence_id, "start": o_s, "end": o_e,
            "text": text[o_s:o_e], "rule": c.rule if amount.form == "number" else f"{amount.form} {c.rule}",
            "value": _value(folded, amount, c.rule), "value_max": amount.value_max,
            "unit": "percent" if amount.percent else "troops",
            "approximate": bool(amount.form == "vague" or c.span_start < c.lead
                                or pats["approx_after"].match(folded[c.phrase_end:fe])),
            "force": _force(forces.in_sentence(c.k, *c.bounds), folded, s, c.phrase_end, fs, fe),
            "country": _country(countries.in_sentence(c.k, *c.bounds), (cs, ce), fs, fe) or
            _once(main_country, lambda: _main_country(countries.in_text())),
            "kind": kind_of(folded, c.span_start, c.phrase_end, (cs, ce)),
            "as_of": as_of, "as_of_end": as_of_end, "as_of_basis": basis,
        })
    return _mark_repeats(rows)


class _Candidate:
    """An amount in a content sentence, and (once it is known to be a troop figure) its rule and phrase."""

    __slots__ = ("amount", "sentence_id", "k", "bounds", "fs", "fe", "rule", "lead", "phrase_end", "span_start")

    def __init__(self, amount: Amount, sentence_id: int, k: int, bounds: tuple[int, int], fs: int, fe: int):
        """`bounds`: the folded span of sentence `k`; `fs`, `fe`: the figure's context in it."""
        self.amount, self.sentence_id, self.k, self.bounds, self.fs, self.fe = amount, sentence_id, k, bounds, fs, fe
        self.rule = None

    def accept(self, rule: str, lead: int, phrase_end: int, folded: str, pats) -> None:
        self.rule, self.lead, self.phrase_end = rule, lead, phrase_end
        self.span_start = _span_start(folded, lead, self.fs, pats)


def _figures(folded: str, norm: Normalized, sentences: list[dict], by_start: list[dict], starts: list[int],
             pats) -> list[_Candidate]:
    """The troop figures of the content sentences: each amount in its own context, then the bare numbers
    of a from–to pair whose other side is a figure (من 500 إلى 4000 عنصر، من 5200 جندي إلى 3000)."""
    if norm.drops:
        back = norm.to_folded
        bounds = [(back(sent["start"]), back(sent["end"])) for sent in sentences]
    else:  # folding dropped nothing: the offsets are the same
        bounds = [(sent["start"], sent["end"]) for sent in sentences]
    sent_starts = [b[0] for b in bounds]
    cands = []
    for amount in find_amounts(folded, norm):  # one pass over the text; amounts outside content sentences are skipped
        k = bisect.bisect_right(sent_starts, amount.start) - 1
        if k < 0 or amount.end > bounds[k][1]:
            continue
        s, e = amount.first, amount.end
        c = _Candidate(amount, sentences[k]["sentence_id"], k, bounds[k], max(bounds[k][0], s - WINDOW),
                       min(bounds[k][1], e + WINDOW))
        found = _context(folded, amount, c.fs, c.fe, pats)
        if found and _admissible(folded, norm, c, found[0], by_start, starts, pats):
            c.accept(*found, folded, pats)
        cands.append(c)
    for i, c in enumerate(cands):
        if c.rule is None and c.amount.form != "vague":
            _pair(folded, cands, i, pats, lambda c: _admissible(folded, norm, c, "pair", by_start, starts, pats))
    out: list[_Candidate] = []
    for c in cands:
        if c.rule is None:
            continue
        if out and out[-1].span_start <= c.amount.first and c.amount.end <= out[-1].phrase_end:
            continue  # a part of the figure before it: «19 ألفاً و600 جندي» is one figure, not also 600
        out.append(c)
    return out


def _admissible(folded: str, norm: Normalized, c: "_Candidate", rule: str, by_start: list[dict],
                starts: list[int], pats) -> bool:
    """Whether an amount in a troop context is a troop figure: no casualty word beside it, and no number of
    it inside a date expression (unless the date scan read a troop figure as a bare year)."""
    if _casualty(folded, c, pats):
        return False
    a = c.amount
    dates = [_date_at(norm.to_original(p), by_start, starts) for p in {a.first, a.last}]
    return not any(dates) or _figure_not_year(a, rule, dates)


def _figure_not_year(amount: Amount, rule: str, dates: list[dict | None]) -> bool:
    """A number the date scan read as a bare year is a troop figure when a troop noun follows it (2000
    جندي) or when it is one end of a range whose other end is no date (بين 2000 و2500)."""
    if any(d is not None and d["rule"] != "year" for d in dates):
        return False
    return rule in ("noun", "partitive") or (amount.form == "range" and None in dates)


def _pair(folded: str, cands: list[_Candidate], i: int, pats, admissible) -> None:
    """Accept cands[i], a bare number, when it is one side of a from–to pair whose other side, next to it in
    the same sentence, is a figure (and `admissible(cands[i])`)."""
    c = cands[i]
    if not any(n is not None and n.rule is not None and n.k == c.k
               for n in (cands[i - 1] if i > 0 else None, cands[i + 1] if i + 1 < len(cands) else None)):
        return
    if not admissible(c):
        return
    lead = _span_start(folded, c.amount.start, c.fs, pats)
    prev = cands[i - 1] if i > 0 else None
    if (prev is not None and prev.rule is not None and prev.k == c.k and prev.amount.percent == c.amount.percent
            and pats["pair_from"].search(folded[max(c.fs, prev.span_start - 12):prev.span_start])
            and pats["pair_gap"].fullmatch(folded, prev.phrase_end, lead)
            and pats["follower"].match(folded[c.amount.end:c.fe])):
        c.accept("pair", c.amount.start, c.amount.end, folded, pats)
        return
    nxt = cands[i + 1] if i + 1 < len(cands) else None
    if (nxt is not None and nxt.rule is not None and nxt.k == c.k and nxt.amount.percent == c.amount.percent
            and pats["pair_from"].search(folded[max(c.fs, lead - 12):lead])
            and pats["pair_gap"].fullmatch(folded, c.amount.end, nxt.span_start)):
        c.accept("pair", c.amount.start, c.amount.end, folded, pats)


def _span_start(folded: str, lead: int, fs: int, pats) -> int:
    """Where a figure's span starts: at an approximation word before it (نحو، أكثر من), else at `lead`."""
    window = folded[max(fs, lead - 25):lead]
    approx = pats["approx_before"].search(window)
    if not approx:
        return lead
    start = lead - (len(window) - approx.start())
    return start + len(folded[start:lead]) - len(folded[start:lead].lstrip())


def _date_at(pos: int, by_start: list[dict], starts: list[int]) -> dict | None:
    """The date row (sorted by start) whose span holds original offset `pos`, if any."""
    j = bisect.bisect_right(starts, pos) - 1
    return by_start[j] if j >= 0 and pos < by_start[j]["end"] else None


def _casualty(folded: str, c: _Candidate, pats) -> bool:
    """A casualty word just before or after the amount: a count of dead, wounded or captured."""
    a = c.amount
    return bool(pats["casualty"].search(folded[max(c.fs, a.start - 30):a.start])
                or pats["casualty"].search(folded[a.end:min(c.fe, a.end + 40)]))


def _mark_repeats(rows: list[dict]) -> list[dict]:
    """`repeat` is True for a figure whose value (and upper bound), unit, force and country an earlier
    row of the article already gave: the same fact reported again. A figure whose sentence names no force
    and whose value, unit and country an earlier figure gave is that figure again (الجنود الـ2500): it
    takes its force, and its rule says so."""
    forces: dict[tuple, str] = {}
    seen = set()
    for r in rows:
        figure = (r["value"], r["value_max"], r["unit"], r["country"])
        if r["force"] == "unknown" and figure in forces:
            r["force"] = forces[figure]
            r["rule"] += " +earlier_force"
        forces.setdefault(figure, r["force"])
        key = (*figure, r["force"])
        r["repeat"] = key in seen
        seen.add(key)
    return rows


def _value(folded: str, amount: Amount, rule: str) -> float:
    """The amount's value; ألفا right before a troop noun is the dual construct (ألفا جندي = 2000), not the
    accusative ألفاً (1000) that follows a number."""
    if (rule == "noun" and amount.form == "number" and amount.value == 1000 and amount.words
            and folded[amount.first:amount.end].lstrip("وب") == "الفا"
            and not folded[amount.end:amount.end + 5].lstrip().startswith("من ")):
        return 2000.0
    return amount.value


def _context(folded: str, amount: Amount, fs: int, fe: int, pats) -> tuple[str, int, int] | None:
    """(rule, start, end of the figure's phrase) when `amount` is a troop figure. The phrase starts at the
    amount (its range word included) or at the strength word before it (قوامها)."""
    s, e = amount.first, amount.end
    after = folded[e:fe]
    for rule in ("noun", "partitive"):
        m = pats[rule].match(after)
        if m:
            if pats["not_troops"].match(after[m.end():m.end() + 40]):
                return None
            return rule, amount.start, e + m.end()
    if amount.form == "vague":
        return None  # a vague amount needs its noun: مئات الجنود
    noun = pats["noun_before"].search(folded[max(fs, s - 30):s])
    if noun:  # الجنود الـ2500
        return "noun_before", max(fs, s - 30) + noun.start("noun"), e
    if not pats["follower"].match(after):
        return None
    if pats["head"].search(folded[max(fs, s - 90):s]):
        return "head", amount.start, e
    lo = max(fs, amount.start - 40)
    strength = pats["strength"].search(folded[lo:amount.start])
    if strength:
        start = lo + strength.start()
        return "strength", start + (folded[start] == " "), e
    return None


def _force(forces: Mentions, folded: str, s: int, phrase_end: int, fs: int, fe: int) -> str:
    """US / coalition / NATO / other from the figure's own phrase (2500 جندي أميركي), else the force named
    nearest before it in the sentence (قوات التحالف الدولي بنحو 3500 عسكري), else the first after it."""
    tag = forces.first(s, clause_end(folded, phrase_end, fe))
    if tag:
        return tag
    return forces.last(max(fs, s - 60), s) or forces.last(fs, s) or forces.first(s, fe) or "unknown"


def _country(countries: Mentions, clause: tuple[int, int], fs: int, fe: int) -> str | None:
    """The country the figure is for: one named in its clause (folded `clause`), Iraq if the sentence
    (folded[fs:fe]) names Iraq at all."""
    in_clause = countries.first(*clause)
    if in_clause:
        return in_clause
    tags = set()
    for tag, _ in countries.finditer(fs, fe):
        if tag == "Iraq":
            return tag  # the rest of the sentence need not be read
        tags.add(tag)
    return sorted(tags)[0] if tags else None


class _LazyMentions:
    """The `Mentions` of one table in one article: in each sentence, and in the whole text, found when a
    figure first asks for them."""

    def __init__(self, norm: Normalized, name: str):
        self.norm, self.name, self.whole = norm, name, None
        self.sentences: dict[int, Mentions] = {}
        self.words = _table_words(name)
        self.present = None

    def _present(self) -> frozenset[str] | None:
        if self.present is None and self.words is not None:
            self.present = self.words.present(self.norm.word_set)
        return self.present

    def in_sentence(self, k: int, lo: int, hi: int) -> Mentions:
        """The mentions in sentence `k`, folded[lo:hi]."""
        if k not in self.sentences:
            self.sentences[k] = Mentions(self.norm, self.name, self._present(), lo, hi)
        return self.sentences[k]

    def in_text(self) -> Mentions:
        if self.whole is None:
            self.whole = Mentions(self.norm, self.name, self._present())
        return self.whole


def _once(box: list, compute):
    if not box:
        box.append(compute())
    return box[0]


def _main_country(countries: Mentions) -> str | None:
    """The country the article names most often: the default for a figure whose sentence names none."""
    counts = dict.fromkeys(countries.patterns.tags, 0)  # on a tie, the first in the table
    for tag, _ in countries.finditer():
        counts[tag] += 1
    best = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))
    return best[0] if best[1] else None


def _as_of(pos: int, clause: tuple[int, int], by_start: list[dict], starts: list[int], published,
           folded_clause: str, pats, where: str):
    """The nearest resolved date in the span `clause`, else the publication date for a present marker."""
    d = nearest_date(pos, *clause, by_start, starts)
    if d is not None:
        return d["period_start"], d["period_end"], f'date in the {where}: "{d["text"]}"'
    if published is not None and pats["present"].search(folded_clause):
        return published, published, f"present-time marker in the {where}: publication date"
    return None, None, None


def reference_levels() -> pd.DataFrame:
    """The curated US troop levels in Iraq (`data/troop_levels.csv`), with their sources."""
    ref = lexicons.table("troop_levels").copy()
    ref["date"] = pd.to_datetime(ref["date"]).astype("datetime64[ns]")
    ref["value"] = ref["value"].astype(float)
    return ref


def compare_with_reference(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Each reported count of US troops in Iraq (a level or target with one value: not a reduction,
    deployment or withdrawal, not a range or vague amount) beside the reference level in force at the end
    of the period it is dated by (as_of, e.g. the last day of "منتصف يناير"; else the publication date)."""
    ref = reference_levels()
    levels = ref[ref["kind"] == "level"].sort_values("date")
    us = figures[(figures["unit"] == "troops") & (figures["force"] == "US") &
                 (figures["country"].isna() | (figures["country"] == "Iraq")) &
                 figures["kind"].isin(["level", "target"]) & figures["value_max"].isna()].copy()
    published = articles.set_index("article_id")["published"]
    us["date"] = us["as_of_end"].fillna(us["article_id"].map(published)).astype("datetime64[ns]")
    us = us.dropna(subset=["date"]).sort_values("date")
    merged = pd.merge_asof(us, levels[["date", "value", "source"]].rename(
        columns={"value": "reference", "source": "reference_source"}), on="date", direction="backward")
    merged["difference"] = merged["value"] - merged["reference"]
    merged["dated_by"] = merged["as_of"].notna().map({True: "as_of", False: "published"})
    return merged[["article_id", "text", "date", "dated_by", "value", "reference", "difference",
                   "reference_source"]].reset_index(drop=True)
