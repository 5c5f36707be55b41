"""Mentions of a round of the US–Iraq strategic dialogue, and the timeline of rounds.

A mention is an ordinal with a round noun (الجولة الثالثة، أولى جولات، الجولة الـ4), an elided round in the
same sentence (… بينما عقدت الثانية), or the launch of the dialogue (انطلاق الحوار الاستراتيجي = round 1),
in a sentence that is about the strategic dialogue. Talks of other bodies are not rounds. A date in the
same clause dates the mention.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

import pandas as pd

from . import lexicons
from .registry import extractor
from .schema import names, schema
from .text import Normalized, normalize, normalize_spans, trie_pattern

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


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    o = _ordinals()
    after = trie_pattern({**o["feminine"], **o["indefinite"]})
    return {
        "ordinal": re.compile(rf"(?<!\w)[وبل]?(?P<core>(?:ال)?(?:جوله|جلسه)\s+(?P<ord>{after}))(?!\w)"),
        "ordinal_before": re.compile(rf"(?<!\w)[وبل]?(?P<core>(?P<ord>{trie_pattern(o['construct'])})\s+(?:جولات|جوله|جلسات|جلسه))(?!\w)"),
        "number": re.compile(r"(?<!\w)[وبل]?(?P<core>(?:ال)?(?:جوله|جلسه)\s+(?:رقم\s+)?(?:ال\s*-?\s*)?(?P<num>\d{1,2}))(?!\d)"),
        "launch": re.compile(r"(?<!\w)[وبل]?(?P<core>(?:انطلاق|اطلاق|بدء|بدايه)\s+[\"«“]?\s*(?:ال)?حوار\w*\s*[\"»”]?\s*(?:ال)?استراتيجي)"),
        "elided": re.compile(rf"(?<!\w)(?:عقدت|جرت|انعقدت|تلتها|اعقبتها|ثم|بينما|فيما)\s+(?P<core>(?P<ord>{trie_pattern(o['feminine'])}))(?!\w)"),
    }


# every round pattern holds one of these (جولة، جولات، جلسة، انطلاق، بدء، بداية): a cheap test first
_ANCHORS = ("جول", "جلس", "طلاق", "بدء", "بدايه")
_STRATEGIC = re.compile(r"استراتيج|الحوار\s+(?:الامريكي|الاميركي|العراقي)")
_US = re.compile(r"امريك|اميرك|واشنطن|الولايات المتحده")
_IRAQ = re.compile(r"عراق|بغداد")
_CLAUSE = re.compile(r"[،,؛;]|\s(?:بينما|فيما|في حين|ثم)\s")


def _is_dialogue(sentence: str) -> bool:
    """The sentence speaks of the US–Iraq strategic dialogue (not of talks of another body)."""
    return bool(_STRATEGIC.search(sentence) or ("حوار" in sentence and _US.search(sentence) and _IRAQ.search(sentence)))


def _value(m: re.Match[str]) -> int:
    g = m.groupdict()
    if g.get("num"):
        return int(g["num"])
    if g.get("ord"):
        for forms in _ordinals().values():
            if g["ord"] in forms:
                return forms[g["ord"]]
    return 1  # launch of the dialogue


@extractor("rounds", SCHEMA, needs=("dates",))
def extract(article, facts: dict[str, list[dict]]) -> list[dict]:
    """The `rounds` rows of a segmented article; a mention is dated from the `dates` rows of its clause."""
    return rows(article.article_id, article.text, article.content, facts["dates"], article.norm)


def rows(article_id: str, text: str, sentences: list[dict], date_rows: list[dict],
         norm: Normalized | None = None) -> list[dict]:
    """Rows of the `rounds` frame for one article, from its content sentences."""
    norm = norm or normalize_spans(text)
    by_start = sorted(date_rows, key=lambda d: d["start"])
    starts = [d["start"] for d in by_start]
    rows = []
    folded = norm.text
    for sent in sentences:
        lo, hi = norm.to_folded(sent["start"]), norm.to_folded(sent["end"])
        sentence = folded[lo:hi]
        if not any(a in sentence for a in _ANCHORS) or not _is_dialogue(sentence):
            continue
        found: list[tuple[int, int, str, int]] = []  # sorted by start; earlier rules take precedence
        for rule, pattern in _patterns().items():
            if rule == "elided" and not found:
                continue
            for m in pattern.finditer(folded, lo, hi):
                s, e = m.span("core")
                k = bisect.bisect_left(found, (s,))
                if (k > 0 and found[k - 1][1] > s) or (k < len(found) and found[k][0] < e):
                    continue  # overlaps a mention already found
                value = _value(m)
                if 1 <= value <= 20:
                    found.insert(k, (s, e, rule, value))
        for s, e, rule, value in found:
            start, end = norm.span(s, e)
            date, precision = _date_for(start, sent, by_start, starts)
            rows.append({"article_id": article_id, "sentence_id": sent["sentence_id"], "start": start,
                         "end": end, "text": text[start:end], "rule": rule, "round": value,
                         "date": date, "precision": precision})
    return rows


def _date_for(pos: int, sent: dict, by_start: list[dict], starts: list[int]):
    """A resolved date in the same clause as the mention (a date elsewhere in the sentence may date
    something else: the statement, not the talks)."""
    text, base = sent["text"], sent["start"]
    rel = pos - base
    window_lo = max(0, rel - 400)
    cuts = [m.start() for m in _CLAUSE.finditer(text, window_lo, rel)]
    lo = base + (cuts[-1] if cuts else window_lo)
    after = _CLAUSE.search(text, rel, rel + 400)
    hi = base + (after.start() if after else min(len(text), rel + 400))
    i, j = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
    clause = [d for d in by_start[i:j] if d["date"] is not None]
    if clause:
        d = min(clause, key=lambda d: abs(d["start"] - pos))
        return d["date"], d["precision"]
    return None, None


def reference() -> pd.DataFrame:
    """The curated reference table of rounds (`data/rounds_reference.csv`), with its sources."""
    ref = lexicons.table("rounds_reference").copy()
    ref["round"] = ref["round"].astype(int)
    ref["date"] = pd.to_datetime(ref["date"]).astype("datetime64[ns]")
    return ref


def timeline(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per round: the date the texts give (the most precise, then the earliest), the reference date
    and place, how many mentions and articles attest it, and which catalogued articles report it."""
    ref = reference().set_index("round")
    rounds = sorted(set(ref.index) | set(mentions["round"].dropna().astype(int)))
    rank = {"day": 0, "month": 1, "year": 2}
    rows = []
    for r in rounds:
        m = mentions[mentions["round"] == r]
        dated = m.dropna(subset=["date"]).assign(rank=lambda f: f["precision"].map(rank))
        best = dated.sort_values(["rank", "date"]).iloc[0] if len(dated) else None
        reported = articles.loc[articles["round"] == r, "article_id"].tolist() if "round" in articles else []
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
