"""The `statements` extractor: who said what, quoted (`statement`) or reported (`indirect`).

A quotation (`quote_marks`) is a `statement` when it is long enough or is introduced by an attribution,
else a `term` (scare quotes, names such as "العربية", a speaker's name in quotes). Its speaker comes from the
attribution cue of its sentence (`attribution`, `cues`), a headline colon, a verb after it, or the previous
quotation of a split quote; names fold to one canonical form with the office held (`speakers`). Reported
speech without quotation marks (أكد الكاظمي أن …) is an `indirect` row (`indirect`), found from the
article's cue words. `attribution` says how each speaker was found.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache
from operator import itemgetter

import pandas as pd

from . import cues, indirect, lexicons
from .attribution import (ArticleState, Attribution, Sentence, Speaker, colon_speaker, from_cue, from_joint_phrase,
                          post_cue)
from .quote_marks import MARKS, Quote, find_quotes, mark_positions
from .registry import extractor
from .schema import names, schema
from .text import Normalized, normalize, normalize_spans

SCHEMA = schema(("article_id", "str"), ("sentence_id", "int"), ("start", "int"), ("end", "int"), ("text", "str"),
                ("quote", "str"), ("kind", "str"), ("speaker", "str"), ("speaker_role", "str"), ("speaker_org", "str"),
                ("speaker_start", "int"), ("speaker_end", "int"), ("speaker_mention", "str"), ("cue", "str"),
                ("attribution", "str"), ("rule", "str"))
COLUMNS = names(SCHEMA)
KINDS = ("statement", "indirect", "term")
ATTRIBUTIONS = ("cue", "subject-first", "carried", "title", "anaphora", "participle", "document", "joint",
                "reported", "colon")
MIN_STATEMENT_WORDS = 4
# MIN_STATEMENT_WORDS runs of \w, each apart from the next (a run cannot be split: \W+ stands between),
# matched from the start of the quotation's inner text: the non-word characters before the first run skipped,
# each run and gap taken whole (possessive: \w and \W never overlap, so nothing is given back), so a short
# quotation fails in one pass, where a search would start again inside each word
LONG_ENOUGH = re.compile(rf"\W*+\w++(?:\W++\w++){{{MIN_STATEMENT_WORDS - 1}}}")


@extractor("statements", SCHEMA, needs=("dates",))
def extract(article, facts: dict[str, list[dict]]) -> list[dict]:
    """The `statements` rows of a segmented article (all its sentences: a headline quote counts too); its
    dates tell a time adjunct between a speaker and what they announced (أعلن X، أمس الخميس، عن …)."""
    dates = [(d["start"], d["end"]) for d in facts.get("dates", ())]
    return rows(article.article_id, article.text, article.sentences, article.published, article.norm, dates)


def rows(article_id: str, text: str, sentences: list[dict], published: dt.date | None,
         norm: Normalized | None = None, dates: list[tuple[int, int]] = ()) -> list[dict]:
    """Rows of the `statements` frame for one article: every quotation and reported statement in its
    content paragraphs; `dates`: the original spans of its dates."""
    norm = norm or normalize_spans(text)
    state = ArticleState(norm, published, dates)
    if not state.cues and not state.joints and not any(mark in text for mark in MARKS):
        return []  # no quotation marks, cue or joint statement: nobody is quoted or reported
    paragraphs: dict[int, list[dict]] = {}
    for s in sentences:
        paragraphs.setdefault(s["paragraph_id"], []).append(s)
    out = []
    marks = mark_positions(text)
    for sents in paragraphs.values():
        if not sents[0]["boilerplate"]:
            lo, hi = sents[0]["start"], sents[-1]["end"]
            out.extend(_paragraph(article_id, text, norm, sents, state,
                                  marks[bisect.bisect_left(marks, lo):bisect.bisect_left(marks, hi)]))
    return out


@lru_cache(maxsize=1)
def _outlet_names() -> frozenset[str]:
    """Folded names of the outlets of data/outlets.csv (a name in quotes after a dateline is no statement)."""
    return frozenset(normalize(o) for o in lexicons.table("outlets")["outlet"])


@lru_cache(maxsize=1)
def _longest_outlet() -> int:
    """Characters in the longest outlet name (with room for harakat and spaces): a longer quotation is none."""
    return 2 * max(map(len, _outlet_names()))


def _paragraph(aid: str, text: str, norm: Normalized, sents: list[dict], state: ArticleState,
               marks: list[int]) -> list[dict]:
    """The rows of one paragraph; `marks`: the positions of its quotation marks."""
    lo, hi = sents[0]["start"], sents[-1]["end"]
    fold = norm.to_folded
    folded_lo, folded_hi = fold(lo), fold(hi)
    found = state.cues_in(folded_lo, folded_hi)
    joints = state.joints_in(folded_lo, folded_hi) if state.joints else []
    quotes = find_quotes(text, lo, hi, marks) if marks else []
    if not quotes and not found and not joints:
        return []  # nothing said here, nothing that changes who speaks next
    folded = norm.text
    quote_starts = [q.start for q in quotes]  # quotes do not overlap: bisect finds the one around a point
    one = len(sents) == 1  # (most paragraphs: no sentence to look up, its folded bounds known)
    sent_starts = None if one else [s["start"] for s in sents]
    # sentence id → its folded bounds, as the Sentence of a cue with no speaker before it in the sentence
    bounds: dict[int, Sentence] = {}
    events: list[tuple[int, str, object]] = [(q.start, "quote", q) for q in quotes]
    to_original = norm.to_original
    for m in found:
        o_start = to_original(m.start())
        if quotes:
            k = bisect.bisect_right(quote_starts, o_start) - 1
            if k >= 0 and o_start < quotes[k].end:
                continue  # a cue word inside a quotation
        events.append((o_start, "cue", m))
    for span in joints:
        events.append((norm.to_original(span[0]), "joint", span))
    out, current, previous_quote = [], None, None
    attributions: list[tuple[Attribution, dict]] = []
    name_quotes: set[int] = set()
    events.sort(key=itemgetter(0))
    for pos, kind, item in events:
        sent = sents[0] if one else sents[max(0, bisect.bisect_right(sent_starts, pos) - 1)]
        if kind == "joint":
            if not any(other["sentence_id"] == sent["sentence_id"] for _, other in attributions):
                attributions.append((from_joint_phrase(item, text, state), sent))
            continue
        if kind == "cue":
            next_quote = hi
            if quotes:
                k = bisect.bisect_right(quote_starts, pos)
                next_quote = quotes[k].start if k < len(quotes) else hi
            sid = sent["sentence_id"]
            here = current[1] if current and current[0] == sid else None
            sentence = bounds.get(sid)
            if sentence is None:
                sentence = bounds[sid] = Sentence(folded_lo, folded_hi, None) if one else \
                    Sentence(fold(sent["start"]), fold(sent["end"]), None)
            if here is not None:
                sentence = Sentence(sentence.start, sentence.end, here)
            a = from_cue(item, text, state, sentence, quotes, next_quote)
            if a is not None:
                attributions.append((a, sent))
                if a.name_quote is not None:
                    name_quotes.add(a.name_quote)
                if a.speaker is not None:
                    current = (sent["sentence_id"], a.speaker)
            continue
        q: Quote = item
        if q.start in name_quotes:  # قال "X" إن …: a name, not what was said
            out.append(_row(aid, sent, text, q, False, None))
            continue
        cue_here = current if current and current[0] == sent["sentence_id"] else None
        speaker = None
        statement = LONG_ENOUGH.match(text, q.inner_start, q.inner_end) is not None
        if cue_here and (statement or cues.ends_with_complement(_lead(folded, fold, sent, previous_quote, lo, q))):
            speaker, statement = cue_here[1], True
        if speaker is None:
            speaker = colon_speaker(text, norm, sent["start"], q.start, state)
            statement = statement or (speaker is not None and  # تشريعيات: "الأفالان": one word is no statement
                                      len(text[q.inner_start:q.inner_end].split()) >= 2)
        if statement and q.inner_end - q.inner_start <= _longest_outlet() and \
                normalize(text[q.inner_start:q.inner_end].strip()) in _outlet_names():
            statement, speaker = False, None  # بغداد: «الشرق الأوسط»: a dateline's outlet, not a quotation
        if speaker is None and statement:
            speaker = post_cue(text, norm, q.end, sent["end"], state)
        if speaker is None and statement and previous_quote is not None and out and out[-1]["speaker"] \
                and out[-1]["sentence_id"] == sent["sentence_id"]:
            r = out[-1]
            speaker = Speaker(r["speaker"], r["speaker_start"], r["speaker_end"], r["cue"], "carried",
                              r["speaker_role"], r["speaker_org"])
        if statement and speaker is not None:
            state.record(speaker)
        out.append(_row(aid, sent, text, q, statement, speaker if statement else None))
        if statement:
            previous_quote = q
    if attributions:
        spans = [(r["start"], r["end"]) for r in out if r["kind"] == "statement"]
        out.extend(indirect.rows(aid, text, state, attributions, quotes, spans, bounds))
        out.sort(key=itemgetter("start"))
    return out


def _lead(folded: str, fold, sent: dict, previous_quote: Quote | None, lo: int, q: Quote) -> str:
    """The folded words right before a quote (a complementizer such as أن or قائلاً stands there)."""
    lead_start = max(sent["start"], previous_quote.end if previous_quote else lo, q.start - 80)
    return folded[fold(lead_start):fold(q.start)]


def _row(aid: str, sent: dict, text: str, q: Quote, statement: bool, speaker: Speaker | None) -> dict:
    return {"article_id": aid, "sentence_id": sent["sentence_id"], "start": q.start, "end": q.end,
            "text": text[q.start:q.end], "quote": text[q.inner_start:q.inner_end].strip(),
            "kind": "statement" if statement else "term",
            "speaker": speaker.name if speaker else None,
            "speaker_role": speaker.role if speaker else None,
            "speaker_org": speaker.org if speaker else None,
            "speaker_start": speaker.start if speaker else None,
            "speaker_end": speaker.end if speaker else None,
            "speaker_mention": text[speaker.start:speaker.end] if speaker else None,
            "cue": speaker.cue if speaker else None,
            "attribution": speaker.attribution if speaker else None, "rule": q.rule}


def key_quotes(statements: pd.DataFrame, speakers: list[str] | None = None, n: int = 2) -> pd.DataFrame:
    """The first `n` statements of each speaker side by side (columns: speakers, most quoted first)."""
    st = statements[(statements["kind"] == "statement") & statements["speaker"].notna()]  # direct quotations
    if speakers is None:
        speakers = list(st["speaker"].value_counts().sort_index().sort_values(ascending=False, kind="stable").index[:3])
    columns = {s: st.loc[st["speaker"] == s, "quote"].head(n).tolist() for s in speakers}
    return pd.DataFrame({s: q + [None] * (n - len(q)) for s, q in columns.items()})
