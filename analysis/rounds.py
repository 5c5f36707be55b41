"""Mentions of a round of the US–Iraq strategic dialogue, and the timeline of rounds.

A mention is an ordinal with a round noun (الجولة الثالثة، أولى جولات، الجولة الـ4), an elided round in the
same sentence (… بينما عقدت الثانية), an ordinal alone after a comma or و that takes up one of the rounds
the sentence has just named («الجولتان الأولى والثانية …، الأولى عبر الفيديو والثانية في واشنطن»), or the launch of the dialogue (انطلاق الحوار الاستراتيجي = round 1),
in a sentence that is about the strategic dialogue. Talks of other bodies are not rounds. A date in the
same clause dates the mention.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache

import pandas as pd

from . import lexicons
from .clauses import clause_around, nearest_date
from .registry import extractor
from .schema import names, schema
from .text import Normalized, matches_at, normalize, normalize_spans, trie_pattern

SCHEMA = schema(("article_id", "str"), ("sentence_id", "int"), ("start", "int"), ("end", "int"), ("text", "str"),
                ("rule", "str"), ("round", "Int64"), ("date", "date"), ("precision", "str"))
COLUMNS = names(SCHEMA)
TIMELINE_COLUMNS = ["round", "date", "precision", "reference_date", "place", "place_ar", "mode", "n_mentions",
                    "n_articles", "articles", "reported_by", "source"]


@lru_cache(maxsize=1)
def _ordinals() -> dict[str, dict[str, int]]:
    table = lexicons.table("ordinals")
    out: dict[str, dict[str, int]] = {}
    for word, value, form in zip(table["word"], table["value"], table["form"]):
        out.setdefault(form, {})[normalize(word)] = int(value)
    return out


_LAUNCH = ("انطلاق", "اطلاق", "بدء", "بدايه")  # the launch of the dialogue
_ELIDED_AFTER = ("عقدت", "جرت", "انعقدت", "تلتها", "اعقبتها", "ثم", "بينما", "فيما")  # عقدت الثانية


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    o = _ordinals()
    after = trie_pattern({**o["feminine"], **o["indefinite"]})
    return {
        "ordinal": re.compile(rf"(?<!\w)[وبف]?(?:ل(?=ل))?(?P<core>(?:ال|ل)?(?:جوله|جلسه)\s+(?P<ord>{after}))(?!\w)"),
        "ordinal_before": re.compile(rf"(?<!\w)[وبل]?(?P<core>(?P<ord>{trie_pattern(o['construct'])})\s+(?:جولات|جوله|جلسات|جلسه))(?!\w)"),
        "number": re.compile(r"(?<!\w)[وبف]?(?:ل(?=ل))?(?P<core>(?:ال|ل)?(?:جوله|جلسه)\s+(?:رقم\s+)?(?:ال\s*-?\s*)?(?P<num>\d{1,2}))(?!\d)"),
        # انطلاق الحوار الاستراتيجي; in a sentence about the dialogue also منذ بدء الحوار (not الحوار الوطني)
        "launch": re.compile(rf"(?<!\w)[وبل]?(?P<core>(?:{'|'.join(_LAUNCH)})\s+[\"«“]?\s*(?:(?:ال)?حوار\w*\s*[\"»”]?\s*(?:ال)?استراتيجي|"
                             r"الحوار(?!\w)(?!\s+ال(?!امريكي|اميركي|عراقي|استراتيجي))))"),
        "elided": re.compile(rf"(?<!\w)(?:{'|'.join(_ELIDED_AFTER)})\s+(?P<core>(?P<ord>{trie_pattern(o['feminine'])}))(?!\w)"),
    }


@lru_cache(maxsize=1)
def _apposition() -> re.Pattern[str]:
    """A feminine ordinal alone after a comma or و: a round of those the sentence has just named, taken
    up one by one («، الأولى عبر الفيديو والثانية في واشنطن»)."""
    return re.compile(rf"(?:[،,]\s*|(?<!\w)و)(?P<ord>{trie_pattern(_ordinals()['feminine'])})(?!\w)")


# every round pattern holds one of these (جولة، جولات، جلسة، انطلاق، بدء، بداية), all but two in its first
# word: they are found first, and the patterns tried only where they stand
_ANCHORS = ("جول", "جلس", "طلاق", "بدء", "بدايه")


@lru_cache(maxsize=1)
def _talks() -> dict[str, re.Pattern[str]]:
    """What a sentence is about, from `data/talks.csv`: the dialogue's own names and its two parties are
    searched anywhere in a word (الإستراتيجي، الأميركية); other talks and other parties as whole words."""
    table = lexicons.table("talks")
    out = {}
    for kind, group in table.groupby("kind", sort=False):
        body = "|".join(f"(?:{normalize(p)})" for p in group["pattern"])
        out[kind] = re.compile(body if kind in ("dialogue", "us", "iraq") else rf"(?<!\w)[وبلف]?(?:{body})(?!\w)")
    return out


def _topic(sentence: str) -> str | None:
    """"dialogue" for a sentence about the US–Iraq strategic dialogue, "other" for one about other talks
    (Vienna, Astana, Baghdad–Erbil, Iran–Saudi) or another country's strategic dialogue with the US, None
    for a sentence that says neither (it takes the topic of the sentence before)."""
    t = _talks()
    if t["other_talks"].search(sentence):
        return "other"
    iraq = bool(t["iraq"].search(sentence))
    if not iraq and t["other_party"].search(sentence):
        return "other"
    if t["dialogue"].search(sentence) or ("حوار" in sentence and iraq and t["us"].search(sentence)):
        return "dialogue"
    return None


def _value(m: re.Match[str]) -> int:
    g = m.groupdict()
    if g.get("num"):
        return int(g["num"])
    if g.get("ord"):
        return _ordinal(g["ord"])
    return 1  # launch of the dialogue


def _ordinal(word: str) -> int:
    for forms in _ordinals().values():
        if word in forms:
            return forms[word]
    return 0


@lru_cache(maxsize=1)
def _round_words() -> dict[str, dict[str, str]]:
    table = lexicons.table("round_words")
    out: dict[str, dict[str, str]] = {}
    for word, kind, value in zip(table["word"], table["kind"], table["value"]):
        out.setdefault(kind, {})[normalize(word)] = value
    return out


@lru_cache(maxsize=1)
def _group_patterns() -> dict[str, re.Pattern[str]]:
    """Several rounds in one phrase, and rounds named by the article's time rather than a number."""
    o, w = _ordinals(), _round_words()
    ordinal = trie_pattern(o["feminine"])
    nouns = trie_pattern({**w["dual"], **w["plural"]})
    relative = trie_pattern({k: v for kind in ("latest", "previous", "next", "new") for k, v in w[kind].items()})
    counts = trie_pattern(_counts())
    return {
        # الجولتين الأولى والثانية، الجولات الأولى والثانية والثالثة
        "ordinal_list": re.compile(rf"(?<!\w)[وبل]?(?P<core>(?:{nouns})\s+(?P<ords>{ordinal}(?:\s*(?:،|,)?\s*و\s*(?:{ordinal}))+))(?!\w)"),
        # الجولتان الأوليان: the first two
        "first_two": re.compile(rf"(?<!\w)[وبل]?(?P<core>(?:{nouns})\s+(?:{trie_pattern(w['first_two'])}))(?!\w)"),
        # الجولات الثلاث السابقة، الجولتان السابقتان، الجولة الأخيرة، الجولة المقبلة
        "relative": re.compile(rf"(?<!\w)[وبف]?(?:ل(?=ل))?(?P<core>(?P<noun>(?:ال|ل)?(?:جوله|جلسه)|{nouns})\s+(?:(?P<count>{counts})\s+)?(?P<rel>{relative}))(?!\w)"),
        # جولة حزيران، جولتي حزيران وآب، جولة أغسطس/آب 2020: dated by the date rows that follow
        "by_date": re.compile(rf"(?<!\w)[وبف]?(?:ل(?=ل))?(?P<core>(?P<noun>(?:ال|ل)?(?:جوله|جلسه)|{nouns}))\s+(?=\S)"),
    }


@lru_cache(maxsize=1)
def _counts() -> dict[str, int]:
    """Cardinals that count rounds after a plural (الجولات الثلاث), from `data/numbers.csv`."""
    table = lexicons.table("numbers")
    return {"ال" + normalize(w): int(v) for w, v, k in zip(table["word"], table["value"], table["kind"])
            if k == "unit" and 2 <= int(v) <= 10}


@extractor("rounds", SCHEMA, needs=("dates",))
def extract(article, facts: dict[str, list[dict]]) -> list[dict]:
    """The `rounds` rows of a segmented article; a mention is dated from the `dates` rows of its clause."""
    return rows(article.article_id, article.text, article.content, facts["dates"], article.norm, article.published)


def rows(article_id: str, text: str, sentences: list[dict], date_rows: list[dict],
         norm: Normalized | None = None, published=None) -> list[dict]:
    """Rows of the `rounds` frame for one article, from its content sentences. A sentence that names no
    talks (وعقدت الجولة الثالثة في نيسان) takes the topic of the sentence before it.

    The round words are found once in the whole text (`_RoundWords`); only the sentences that hold one
    are searched for mentions, and a sentence's topic is looked up only once it has a mention."""
    norm = norm or normalize_spans(text)
    folded = norm.text
    words = _RoundWords(norm)
    if not words.anchors:
        return []
    by_start = sorted(date_rows, key=lambda d: d["start"])
    starts = [d["start"] for d in by_start]
    bounds = [(norm.to_folded(sent["start"]), norm.to_folded(sent["end"])) for sent in sentences]
    topics = _Topics(folded, bounds)
    out = []
    for k, (sent, (lo, hi)) in enumerate(zip(sentences, bounds)):
        at = words.in_sentence(lo, hi)
        if at is None:
            continue
        found = _mentions(folded, lo, hi, norm, by_start, starts, published, at, words)
        if not found or topics.at(k) != "dialogue":
            continue
        for s, e, rule, value in found:
            start, end = norm.span(s, e)
            date, precision = _date_for(s, lo, hi, norm, by_start, starts)
            out.append({"article_id": article_id, "sentence_id": sent["sentence_id"], "start": start,
                        "end": end, "text": text[start:end], "rule": rule, "round": value,
                        "date": date, "precision": precision})
    return out


class _Topics:
    """The topic each sentence takes: its own (`_topic`), else that of the latest sentence before it that
    says one. Asked in sentence order, it looks up each sentence's own topic at most once, walking back
    from the sentence asked about to the one asked before."""

    def __init__(self, folded: str, bounds: list[tuple[int, int]]):
        self.folded, self.bounds = folded, bounds
        self.asked, self.topic = -1, None  # the last sentence asked about, and its topic

    def at(self, k: int) -> str | None:
        for j in range(k, self.asked, -1):
            lo, hi = self.bounds[j]
            own = _topic(self.folded[lo:hi])
            if own:
                self.topic = own
                break
        self.asked = k
        return self.topic


class _RoundWords:
    """Where the words a round pattern starts with stand in a folded text, found once for the article.

    Every pattern but two starts with a word holding one of `_ANCHORS` (الجولة، وبجلسات، انطلاق), so a
    match can start only where such a word starts; `ordinal_before` starts with an ordinal (أولى جولات)
    and `elided` with one of `_ELIDED_AFTER`, looked up among the article's words when first needed."""

    def __init__(self, norm: Normalized):
        self.norm = norm
        folded = norm.text
        found = []
        for anchor in _ANCHORS:
            i = folded.find(anchor)
            while i != -1:
                found.append((i, i + len(anchor), _word_start(folded, i)))
                i = folded.find(anchor, i + 1)
        found.sort()
        self.anchors = found  # (start, end, start of its word)
        self.positions = [a[0] for a in found]
        self.forms: dict[str, list[int]] = {}

    def in_sentence(self, lo: int, hi: int) -> list[int] | None:
        """The starts of the words in folded[lo:hi] that hold an anchor, or None when no anchor lies wholly
        in it (the sentence has no round word)."""
        i = bisect.bisect_left(self.positions, lo)
        at, whole = [], False
        while i < len(self.anchors) and self.anchors[i][0] < hi:
            _, end, word = self.anchors[i]
            if end <= hi:
                whole = True
                if word >= lo and word not in at:
                    at.append(word)
            i += 1
        return sorted(at) if whole else None

    def of_rule(self, rule: str, lo: int, hi: int) -> list[int]:
        """The starts of the words in folded[lo:hi] a match of `rule` (ordinal_before, elided) may start at."""
        if rule not in self.forms:
            self.forms[rule] = [i for i, _ in self.norm.word_positions(_first_words()[rule])]
        found = self.forms[rule]
        return found[bisect.bisect_left(found, lo):bisect.bisect_left(found, hi)]


def _word_start(folded: str, i: int) -> int:
    """The start of the word (run of \\w) holding position i."""
    while i > 0 and (folded[i - 1].isalnum() or folded[i - 1] == "_"):
        i -= 1
    return i


@lru_cache(maxsize=1)
def _first_words() -> dict[str, frozenset[str]]:
    """The first words `ordinal_before` (an ordinal in construct, with و، ب or ل) and `elided` start with."""
    ordinals = _ordinals()["construct"]
    return {"ordinal_before": frozenset(p + w for w in ordinals for p in ("", "و", "ب", "ل")),
            "elided": frozenset(_ELIDED_AFTER)}


def _mentions(folded: str, lo: int, hi: int, norm: Normalized, by_start: list[dict], starts: list[int],
              published, at: list[int], words: _RoundWords) -> list[tuple[int, int, str, int]]:
    """(start, end, rule, round) in folded[lo:hi], in text order; a phrase naming several rounds gives one
    per round. Earlier rules take precedence over overlapping later ones. Patterns are tried only at `at`,
    the starts of the sentence's words that hold an anchor (and, for two rules, at their first words)."""
    found: list[tuple[int, int, str, int]] = []

    def add(s: int, e: int, rule: str, value: int) -> None:
        if not 1 <= value <= 20 or any(f[0] < e and s < f[1] and f[3] == value for f in found):
            return
        if any(f[0] < e and s < f[1] and not (f[0] == s and f[1] == e) for f in found):
            return  # overlaps a mention already found
        found.append((s, e, rule, value))

    groups = _group_patterns()
    for m in matches_at(groups["ordinal_list"], folded, at, lo, hi):
        s = m.start("core")
        for k, o in enumerate(re.finditer(r"[^\s،,]+", m.group("ords"))):
            word = o.group()[1:] if k and o.group().startswith("و") else o.group()
            os_, oe = m.start("ords") + o.start(), m.start("ords") + o.end()
            add(s if k == 0 else os_ + (len(o.group()) - len(word)), oe, "ordinal_list", _ordinal(word))
    for m in matches_at(groups["first_two"], folded, at, lo, hi):
        for value in (1, 2):
            add(*m.span("core"), "first_two", value)
    for rule, pattern in _patterns().items():
        if rule == "elided" and not found:
            continue
        for m in matches_at(pattern, folded, words.of_rule(rule, lo, hi) if rule in _first_words() else at, lo, hi):
            s, e = m.span("core")
            if rule == "number" and _in_date(norm.to_original(m.start("num")), by_start, starts):
                continue  # جولة 7 نيسان: the day of a date, not a round number
            add(s, e, rule, _value(m))
    if published is not None:
        for m in matches_at(groups["relative"], folded, at, lo, hi):
            s, e = m.span("core")
            for value in _relative_rounds(m, published):
                add(s, e, "inferred_" + _relative_kind(m.group("rel")), value)
    for m in matches_at(groups["by_date"], folded, at, lo, hi):
        for k, (value, s, e) in enumerate(_dated_rounds(m, norm, by_start, starts)):
            add(m.start("core") if k == 0 else s, e, "by_date", value)
    named = {f[3] for f in found}
    if len(named) > 1:  # الجولتان الأولى والثانية …، الأولى عبر الفيديو والثانية في واشنطن
        for m in _apposition().finditer(folded, max(f[1] for f in found), hi):
            value = _ordinal(m.group("ord"))
            if value in named:
                add(*m.span("ord"), "apposition", value)
    found.sort()
    return found


def _in_date(pos: int, by_start: list[dict], starts: list[int]) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and pos < by_start[k]["end"]


def _relative_kind(word: str) -> str:
    return next(kind for kind, words in _round_words().items() if word in words and kind in
                ("latest", "previous", "next", "new"))


def _relative_rounds(m: re.Match[str], published) -> list[int]:
    """Rounds named by time, resolved against the reference rounds and the article's date: the latest
    round on or before it (a round held within three days counts as the current one, so an article on the
    eve of a round calls it the last), the one(s) before the current round, the next one, the current one."""
    ref = _reference_rounds()
    kind = _relative_kind(m.group("rel"))
    noun = m.group("noun")
    many = _counts().get(m.group("count") or "") or (2 if noun in _round_words()["dual"] else
                                                    (0 if noun in _round_words()["plural"] else 1))
    near = [r for r, d in ref if abs((d - published).days) <= 3]
    current = near[0] if near else None
    if kind == "latest":
        done = [r for r, d in ref if d <= published + dt.timedelta(days=3)]
        return done[-1:] if many == 1 else done[-many:] if many else done
    if kind == "previous":
        before = [r for r, d in ref if (r < current if current else d < published)]
        return before[-many:] if many else before
    if kind == "next":
        if current and _reference_date(current) >= published:
            return [current]  # the round about to be held
        after = [r for r, d in ref if d > published]
        return after[:1]
    if current:
        return [current]
    after = [r for r, d in ref if published < d <= published + dt.timedelta(days=30)]
    return after[:1]


def _dated_rounds(m: re.Match[str], norm: Normalized, by_start: list[dict], starts: list[int]):
    """For a round noun followed directly by dates (جولة آب 2020، جولتي حزيران وآب): the reference round
    held in the month (or on the day) each date names, with the date's folded span."""
    pos = norm.to_original(m.end())
    k = bisect.bisect_left(starts, pos)
    out = []
    while k < len(by_start) and 0 <= by_start[k]["start"] - pos <= 3 and len(out) < 4:
        d = by_start[k]
        if d["date"] is None or d["precision"] not in ("day", "month"):
            break
        for value, held in _reference_rounds():
            if (held.year, held.month) == (d["date"].year, d["date"].month) and \
                    (d["precision"] == "month" or held == d["date"]):
                out.append((value, norm.to_folded(d["start"]), norm.to_folded(d["end"])))
        pos, k = d["end"], k + 1
    return out


@lru_cache(maxsize=1)
def _reference_rounds() -> tuple[tuple[int, dt.date], ...]:
    """(round, date) of the reference table, in date order."""
    ref = lexicons.table("rounds_reference")
    return tuple(sorted(((int(r), dt.date.fromisoformat(d)) for r, d in zip(ref["round"], ref["date"])),
                        key=lambda x: x[1]))


def _reference_date(value: int) -> dt.date | None:
    return next((d for r, d in _reference_rounds() if r == value), None)


def _date_for(s: int, sent_lo: int, sent_hi: int, norm: Normalized, by_start: list[dict], starts: list[int]):
    """The resolved date nearest to the mention at folded `s` in its own clause, within 400 characters."""
    lo, hi = clause_around(norm.text, s, max(sent_lo, s - 400), min(sent_hi, s + 400))
    d = nearest_date(norm.to_original(s), *norm.span(lo, hi), by_start, starts)
    return (d["date"], d["precision"]) if d else (None, None)


def reference() -> pd.DataFrame:
    """The curated reference table of rounds (`data/rounds_reference.csv`), with its sources."""
    ref = lexicons.table("rounds_reference").copy()
    ref["round"] = ref["round"].astype(int)
    ref["date"] = pd.to_datetime(ref["date"]).astype("datetime64[ns]")
    return ref


def timeline(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per round: the date the texts give (the most precise, then the earliest), the reference date
    and place, how many mentions and articles attest it (`articles`), and which articles report it
    (`reported_by`: those that mention it, plus those a catalog says report it)."""
    ref = reference().set_index("round")
    rounds = sorted(set(ref.index) | set(mentions["round"].dropna().astype(int)))
    rank = {"day": 0, "month": 1, "year": 2}
    rows = []
    for r in rounds:
        m = mentions[mentions["round"] == r]
        dated = m.dropna(subset=["date"]).assign(rank=lambda f: f["precision"].map(rank))
        best = dated.sort_values(["rank", "date"]).iloc[0] if len(dated) else None
        catalogued = articles.loc[articles["round"] == r, "article_id"].tolist() if "round" in articles else []
        reported = set(m["article_id"]) | set(catalogued)  # the texts first; a catalog only adds
        info = ref.loc[r] if r in ref.index else None
        rows.append({
            "round": r,
            "date": best["date"] if best is not None else pd.NaT,
            "precision": best["precision"] if best is not None else None,
            "reference_date": info["date"] if info is not None else pd.NaT,
            "place": info["place"] if info is not None else None,
            "place_ar": info["place_ar"] if info is not None else None,
            "mode": info["mode"] if info is not None else None,
            "n_mentions": len(m), "n_articles": m["article_id"].nunique(),
            "articles": sorted(m["article_id"].unique().tolist()),
            "reported_by": sorted(reported),
            "source": info["source"] if info is not None else None,
        })
    out = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    out["round"] = out["round"].astype("Int64")
    for col in ("date", "reference_date"):
        out[col] = pd.to_datetime(out[col]).astype("datetime64[ns]")
    return out
