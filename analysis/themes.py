"""Themes: mentions of withdrawal, sovereignty, training and advising, ISIS, bases and attacks.

Each mention is a row with its span, from the lexicon `data/themes.csv`; `counts` pivots them per article.
"""
from __future__ import annotations

import bisect
from functools import lru_cache

import pandas as pd

from . import lexicons
from .registry import extractor
from .schema import names, schema
from .text import Normalized, WordPatterns, normalize, normalize_spans

SCHEMA = schema(("article_id", "str"), ("sentence_id", "int"), ("start", "int"), ("end", "int"), ("text", "str"),
                ("rule", "str"), ("theme", "str"))
COLUMNS = names(SCHEMA)
PROCLITICS = "وفبل"  # what may stand before a theme word: و، ف، ب، ل


@lru_cache(maxsize=1)
def _patterns() -> WordPatterns:
    table = lexicons.table("themes")
    return WordPatterns([(t, normalize(p)) for t, p in zip(table["theme"], table["pattern"])], PROCLITICS)


@extractor("themes", SCHEMA)
def extract(article, facts: dict[str, list[dict]]) -> list[dict]:
    """The `themes` rows of a segmented article, from its content sentences."""
    return rows(article.article_id, article.text, article.content, article.norm)


def rows(article_id: str, text: str, sentences: list[dict], norm: Normalized | None = None) -> list[dict]:
    """Rows of the `themes` frame for one article, from its content sentences."""
    norm = norm or normalize_spans(text)
    starts = [s["start"] for s in sentences]
    rows = []
    for theme, m in _mentions(norm):
        start, end = norm.span(*m.span())
        k = bisect.bisect_right(starts, start) - 1
        if k < 0 or end > sentences[k]["end"]:
            continue  # not inside a content sentence
        rows.append({"article_id": article_id, "sentence_id": sentences[k]["sentence_id"], "start": start,
                     "end": end, "text": text[start:end], "rule": theme, "theme": theme})
    rows.sort(key=lambda r: (r["start"], r["theme"]))
    return rows


def _mentions(norm: Normalized):
    """(theme, match) over the folded text: what `WordPatterns.in_text` gives. Each pattern is a list of
    phrases, so a match starts at a whole word that is a phrase's first word (a proclitic perhaps before
    it): at each such word only the themes with a phrase starting with it are tried."""
    patterns = _patterns()
    by_word = _themes_by_first_word()
    if by_word is None:
        yield from patterns.in_text(norm)
        return
    text, rules = norm.text, patterns.rules
    ends = [0] * len(rules)  # where each theme's last match ended: one theme's matches do not overlap
    for pos, word in norm.word_positions(patterns.first_words):  # (a frozenset: the smaller side is iterated)
        for i in by_word[word]:
            if pos >= ends[i]:
                m = rules[i][1].match(text, pos)
                if m:
                    ends[i] = m.end()
                    yield rules[i][0], m


@lru_cache(maxsize=1)
def _themes_by_first_word() -> dict[str, tuple[int, ...]] | None:
    """For each word a theme's match may start with (a phrase's first word, with a proclitic or none), the
    themes that have such a phrase, in table order; None when a pattern is not a plain list of phrases."""
    patterns = _patterns()
    if patterns.first_words is None:
        return None
    table = lexicons.table("themes")
    by_word: dict[str, list[int]] = {}
    for i, pattern in enumerate(table["pattern"]):
        for phrase in normalize(pattern).split("|"):
            first = phrase.split()[0] if phrase.strip() else ""
            for proclitic in ("", *PROCLITICS):
                themes = by_word.setdefault(proclitic + first, [])
                if i not in themes:
                    themes.append(i)
    return {w: tuple(t) for w, t in by_word.items()}


def themes() -> pd.DataFrame:
    """The theme lexicon: English key, Arabic name, pattern and source."""
    return lexicons.table("themes")


def counts(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Mentions per article (rows, in publication order) and theme (columns, lexicon order)."""
    order = articles.sort_values(["published", "article_id"])["article_id"]
    table = pd.crosstab(mentions["article_id"], mentions["theme"]) if len(mentions) else pd.DataFrame()
    return table.reindex(index=order, columns=themes()["theme"], fill_value=0).fillna(0).astype(int)
