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
    for theme, m in _patterns().in_text(norm):
        start, end = norm.span(*m.span())
        k = bisect.bisect_right(starts, start) - 1
        if k < 0 or end > sentences[k]["end"]:
            continue  # not inside a content sentence
        rows.append({"article_id": article_id, "sentence_id": sentences[k]["sentence_id"], "start": start,
                     "end": end, "text": text[start:end], "rule": theme, "theme": theme})
    rows.sort(key=lambda r: (r["start"], r["theme"]))
    return rows


def themes() -> pd.DataFrame:
    """The theme lexicon: English key, Arabic name, pattern and source."""
    return lexicons.table("themes")


def counts(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Mentions per article (rows, in publication order) and theme (columns, lexicon order)."""
    order = articles.sort_values(["published", "article_id"])["article_id"]
    table = pd.crosstab(mentions["article_id"], mentions["theme"]) if len(mentions) else pd.DataFrame()
    return table.reindex(index=order, columns=themes()["theme"], fill_value=0).fillna(0).astype(int)
