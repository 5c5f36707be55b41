"""Troop figures: how many soldiers (or what share of them) a sentence says are, or will be, in a country.

A number counts only in a troop context (`data/troop_words.csv`): a troop noun after it (2500 جندي),
a partitive (60% من قوات التحالف), or a head noun before it (عديد الجنود … إلى 2500). Casualty
contexts (قتلى، مصرع) and numbers inside date expressions are not troop figures. The force comes from
`data/forces.csv` (nearest mention in the figure's phrase, then in its sentence), the country from
`data/countries.csv`, and `as_of` from the nearest date in the figure's clause (`clauses`), else in its
sentence.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache

import pandas as pd

from . import lexicons
from .clauses import clause_around, clause_end, nearest_date
from .registry import extractor
from .schema import names, schema
from .numbers import find_numbers
from .text import Normalized, WordPatterns, normalize, normalize_spans, trie_pattern

WINDOW = 400  # folded characters of context on each side of a figure
SCHEMA = schema(("article_id", "str"), ("sentence_id", "int"), ("start", "int"), ("end", "int"), ("text", "str"),
                ("rule", "str"), ("value", "float"), ("unit", "str"), ("approximate", "bool"), ("force", "str"),
                ("country", "str"), ("as_of", "date"), ("as_of_end", "date"), ("as_of_basis", "str"))
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
        "approx_before": re.compile(rf"(?:^|\s)(?:{lx['approx']})\s*$"),
        "approx_after": re.compile(r"^\s*(?:[^\s،,.]+\s+){0,2}تقريبا(?!\w)"),
        "casualty": re.compile(rf"(?<!\w)[وبل]?(?:{lx['casualty']})(?!\w)"),
        "present": re.compile(rf"(?<!\w)[وف]?(?:{lx['present']})(?!\w)"),
    }


@lru_cache(maxsize=None)
def _tagged(name: str) -> WordPatterns:
    """The patterns of table `name` (forces, countries) tagged by its second column."""
    table = lexicons.table(name)
    return WordPatterns([(v, normalize(p)) for p, v in zip(table["pattern"], table.iloc[:, 1])], "وبل")


def _first(folded: str, name: str, start: int, end: int) -> str | None:
    """The tag of the earliest pattern of table `name` found in folded[start:end]."""
    return _tagged(name).first(folded, start, end)


@extractor("troops", SCHEMA, needs=("dates",))
def extract(article, facts: dict[str, list[dict]]) -> list[dict]:
    """The `troops` rows of a segmented article; figures are dated from the `dates` rows of their clause."""
    return rows(article.article_id, article.text, article.content, facts["dates"], article.published, article.norm)


def rows(article_id: str, text: str, sentences: list[dict], date_rows: list[dict],
         published: dt.date | None, norm: Normalized | None = None) -> list[dict]:
    """Rows of the `troops` frame for one article, from its content (non-boilerplate) sentences."""
    norm = norm or normalize_spans(text)
    folded = norm.text
    back = norm.to_folded
    pats = _patterns()
    by_start = sorted(date_rows, key=lambda d: d["start"])
    starts = [d["start"] for d in by_start]
    main_country: list[str | None] = []  # computed once, when the first figure needs it
    rows = []
    bounds = [(back(sent["start"]), back(sent["end"])) for sent in sentences]
    sent_starts = [b[0] for b in bounds]
    for num in find_numbers(folded, norm):  # one pass over the text; numbers outside content sentences are skipped
        k = bisect.bisect_right(sent_starts, num.start) - 1
        if k < 0 or num.end > bounds[k][1]:
            continue
        sent, (sent_s, sent_e) = sentences[k], bounds[k]
        s, e = num.start, num.end
        fs, fe = max(sent_s, s - WINDOW), min(sent_e, e + WINDOW)  # context: bounded, so never quadratic
        o_s, o_e = norm.span(s, e)
        j = bisect.bisect_right(starts, o_s) - 1
        if j >= 0 and o_s < by_start[j]["end"]:
            continue  # a number inside a date expression
        found = _context(folded, s, e, fs, fe, pats)
        if found is None:
            continue
        rule, phrase_end = found
        approx = pats["approx_before"].search(folded[max(fs, s - 25):s])
        span_start = s - (len(folded[max(fs, s - 25):s]) - approx.start()) if approx else s
        span_start += len(folded[span_start:s]) - len(folded[span_start:s].lstrip())
        o_s, o_e = norm.span(span_start, phrase_end)
        cs, ce = clause_around(folded, s, fs, fe)
        as_of, as_of_end, basis = _as_of(o_s, norm.span(cs, ce), by_start, starts, published,
                                         folded[cs:ce], pats, "clause")
        if as_of is None:
            as_of, as_of_end, basis = _as_of(o_s, norm.span(fs, fe), by_start, starts, published,
                                             folded[fs:fe], pats, "sentence")
        rows.append({
            "article_id": article_id, "sentence_id": sent["sentence_id"], "start": o_s, "end": o_e,
            "text": text[o_s:o_e], "rule": rule, "value": num.value,
            "unit": "percent" if num.percent else "troops",
            "approximate": bool(approx or pats["approx_after"].match(folded[phrase_end:fe])),
            "force": _force(folded, s, phrase_end, fs, fe),
            "country": _country(folded, s, fs, fe) or _once(main_country, lambda: _main_country(folded)),
            "as_of": as_of, "as_of_end": as_of_end, "as_of_basis": basis,
        })
    return rows


def _context(folded: str, s: int, e: int, fs: int, fe: int, pats) -> tuple[str, int] | None:
    """(rule, end of the figure's phrase) when the number at folded[s:e] is a troop figure."""
    after = folded[e:fe]
    before = folded[max(fs, s - 90):s]
    if pats["casualty"].search(folded[max(fs, s - 30):s]) or pats["casualty"].search(after[:40]):
        return None
    for rule in ("noun", "partitive"):
        m = pats[rule].match(after)
        if m:
            return rule, e + m.end()
    if pats["head"].search(before) and pats["follower"].match(after):
        return "head", e
    return None


def _force(folded: str, s: int, phrase_end: int, fs: int, fe: int) -> str:
    """US / coalition / other from the figure's own phrase, then the words before it, then the sentence."""
    for start, end in ((s, clause_end(folded, phrase_end, fe)), (max(fs, s - 60), s), (fs, fe)):
        tag = _first(folded, "forces", start, end)
        if tag:
            return tag
    return "unknown"


def _country(folded: str, s: int, fs: int, fe: int) -> str | None:
    """The country the figure is for: one named in its clause, Iraq if the sentence names Iraq at all."""
    clause = _first(folded, "countries", *clause_around(folded, s, fs, fe))
    if clause and clause != "Iraq":
        return clause
    tags = {tag for tag, _ in _tagged("countries").finditer(folded, fs, fe)}
    if clause == "Iraq" or "Iraq" in tags:
        return "Iraq"
    return sorted(tags)[0] if tags else None


def _once(box: list, compute):
    if not box:
        box.append(compute())
    return box[0]


def _main_country(folded: str) -> str | None:
    """The country the article names most often: the default for a figure whose sentence names none."""
    countries = _tagged("countries")
    counts = dict.fromkeys(countries.tags, 0)  # on a tie, the first in the table
    for tag, _ in countries.finditer(folded):
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
    """Each reported count of US troops in Iraq beside the reference level in force at the end of the
    period it is dated by (as_of, e.g. the last day of "منتصف يناير"; else the publication date)."""
    ref = reference_levels()
    levels = ref[ref["kind"] == "level"].sort_values("date")
    us = figures[(figures["unit"] == "troops") & (figures["force"] == "US") &
                 (figures["country"].isna() | (figures["country"] == "Iraq"))].copy()
    published = articles.set_index("article_id")["published"]
    us["date"] = us["as_of_end"].fillna(us["article_id"].map(published)).astype("datetime64[ns]")
    us = us.dropna(subset=["date"]).sort_values("date")
    merged = pd.merge_asof(us, levels[["date", "value", "source"]].rename(
        columns={"value": "reference", "source": "reference_source"}), on="date", direction="backward")
    merged["difference"] = merged["value"] - merged["reference"]
    merged["dated_by"] = merged["as_of"].notna().map({True: "as_of", False: "published"})
    return merged[["article_id", "text", "date", "dated_by", "value", "reference", "difference",
                   "reference_source"]].reset_index(drop=True)
