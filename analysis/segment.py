"""Segmenting one article: lines, page chrome, sentences, the date scan and the metadata from the text.

`segment(article)` is the first step of parsing; every extractor reads what it made (`Segmented`) rather
than cutting the text again.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import dates
from .inputs import Article
from .metadata import dates_by_line, is_dateline, line_label, text_metadata
from .text import Normalized, boilerplate_lines, normalize_spans, paragraph_spans, split_lines


@dataclass
class Segmented:
    """An article cut into lines and sentences, with what every extractor shares: the folded text,
    the date scan, and the metadata (publication date) relative dates are resolved against."""

    article: Article
    norm: Normalized
    scanned: list
    found: list  # the dates, resolved against the article's given publication date (if any)
    meta: dict
    published: dt.date | None
    sentences: list[dict]
    content: list[dict]

    @property
    def article_id(self) -> str:
        return self.article.article_id

    @property
    def text(self) -> str:
        return self.article.text


def segment(article: Article) -> Segmented:
    """Lines, boilerplate, metadata from the text, sentences: the first step of `parse_article`."""
    text = article.text
    spans = paragraph_spans(text)
    norm = normalize_spans(text)
    kinds = boilerplate_lines(text, spans, norm)
    scanned = dates.scan(norm)
    found = dates.find_dates(text, article.published, norm, scanned)
    line_dates = dates_by_line(spans, found)  # absolute dates only: the same with or without an anchor
    meta = text_metadata(text, spans, kinds, line_dates, norm, outlet=not article.outlet, url=article.url)
    sentences = sentence_rows(article.article_id, text, spans, kinds, line_dates)
    return Segmented(article, norm, scanned, found, meta, article.published or meta["published"], sentences,
                     [s for s in sentences if not s["boilerplate"]])


def sentence_rows(aid: str, text: str, spans: list[tuple[int, int]], kinds: list, line_dates: list) -> list[dict]:
    """Sentence rows; a date-only line near the top (a dateline) and a dated crawl stamp or today header
    (`boilerplate_kind` "stamp") are flagged like other page chrome."""
    rows = []
    for p, ((ps, pe), kind, found, pieces) in enumerate(zip(spans, kinds, line_dates, split_lines(text, spans))):
        if found is not None and line_label(text[ps:pe]) in ("crawl", "today"):
            kind = "stamp"  # تاريخ الأرشفة: …، اليوم: الأحد …: when the page was read, not a fact of the article
        elif kind is None and p < 6 and found is not None and is_dateline(text[ps:pe], found):
            kind = "dateline"
        for s, e in pieces:
            rows.append({"article_id": aid, "sentence_id": len(rows), "paragraph_id": p, "start": s, "end": e,
                         "text": text[s:e], "boilerplate": kind is not None, "boilerplate_kind": kind})
    return rows
