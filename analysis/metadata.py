"""Title, outlet and publication date of an article, from its text and the input's fields.

The input's own fields (catalog, JSONL/CSV columns) win; what they leave out is taken from the text where
it states it: the first line that is neither chrome nor a dateline is the title; the outlet is looked for
in the page chrome (datelines, bylines, URLs, copyright lines; `data/outlets.csv`); the publication date
comes from, by strength of evidence, a "نشر في" line, a date-only line near the top, a city-and-agency
dateline, and only when nothing else states it an update stamp. A crawl time stamp is never taken.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from . import dates, lexicons
from .text import Normalized, alternatives, boilerplate_lines, lowered, normalize, normalize_spans, paragraph_spans


@lru_cache(maxsize=1)
def _outlet_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(outlet, alternative of its pattern), in table order: re searches a pattern that starts with a
    literal quickly, and an alternation of them slowly (about 3x here)."""
    table = lexicons.table("outlets")
    return [(o, re.compile(a)) for o, p in zip(table["outlet"], table["pattern"])
            for a in alternatives(lowered(normalize(p)))]


def text_metadata(text: str, spans: list[tuple[int, int]] | None = None, kinds: list | None = None,
                  line_dates: list | None = None, norm: Normalized | None = None, outlet: bool = True) -> dict:
    """Title, outlet and publication date as the text states them (None where it does not).
    `line_dates` reuses each line's absolute date (see `dates_by_line`), `norm` the folded text;
    `outlet=False` skips looking for the outlet (the costly part) when it is known already."""
    spans = paragraph_spans(text) if spans is None else spans
    kinds = boilerplate_lines(text, spans) if kinds is None else kinds
    line_dates = dates_by_line(spans, dates.find_dates(text)) if line_dates is None else line_dates
    lines = [text[s:e] for s, e in spans]
    meta: dict = {"title": None, "outlet": None, "published": None, "published_basis": None}
    for line, kind, found in zip(lines, kinds, line_dates):
        if kind is None and not is_dateline(line, found) and len(line.split()) >= 2:
            meta["title"] = line
            break
    meta.update(_published(lines, kinds, line_dates))
    if not outlet:
        return meta
    norm = normalize_spans(text) if norm is None else norm
    chrome = [(s, e) for (s, e), k in zip(spans[:8], kinds[:8]) if k is not None]
    chrome += [(s, min(e, s + 80)) for s, e in spans[:6]]
    chrome += [(s, e) for (s, e), k in zip(spans, kinds) if k in ("url", "byline", "copyright")]
    folded_chrome = "\n".join(norm.folded(s, e) for s, e in chrome).lower()
    meta["outlet"] = next((o for o, pattern in _outlet_patterns() if pattern.search(folded_chrome)), None)
    return meta


def dates_by_line(spans: list[tuple[int, int]], absolute: list) -> list:
    """For each line, its first absolute day-precision date, with offsets relative to the line."""
    usable = [d for d in absolute if d.date is not None and d.precision == "day" and not d.relative]
    starts = [d.start for d in usable]
    out = []
    for s, e in spans:
        k = bisect.bisect_left(starts, s)
        d = usable[k] if k < len(usable) and usable[k].end <= e else None
        out.append(None if d is None else d._replace(start=d.start - s, end=d.end - s))
    return out


def is_dateline(line: str, found) -> bool:
    """A line that is only a date (25-يوليو-2021, 08.04.2021), perhaps with a weekday; `found` is the
    line's absolute date (or None)."""
    return found is not None and len(line.split()) <= 6 and (found.end - found.start) >= 0.6 * len(line.strip())


def _published(lines: list[str], kinds: list[str | None], line_dates: list) -> dict:
    """The stated publication date, by the strongest evidence: a 'نشر في' line, a date-only line near the
    top, a city-and-agency dateline; an update stamp only when nothing else; crawl stamps never."""
    found = []
    for i, (line, kind, d) in enumerate(zip(lines, kinds, line_dates)):
        if d is None or (i >= 6 and kind not in ("dateline", "timestamp")):
            continue
        snippet = line[d.start:d.end]
        if kind == "dateline":
            found.append((0, i, d.date, f'stated in the text: publication line "{line.strip()[:60]}"'))
        elif i < 6 and is_dateline(line, d):
            found.append((1, i, d.date, f'stated in the text: dateline "{snippet}"'))
        elif i < 6 and kind is None and d.start < 40 and re.match(r"\s*[\(\-–—:]", line[d.end:d.end + 3] or "-"):
            found.append((2, i, d.date, f'stated in the text: dateline "{line[:d.end + 12].strip()}"'))
        elif kind == "timestamp" and _is_update(line):
            found.append((3, i, d.date, f'stated in the text: last update "{snippet}" (publication may be earlier)'))
    if not found:
        return {}
    _, _, date, basis = min(found)
    return {"published": date, "published_basis": basis}


def _is_update(line: str) -> bool:
    return bool(re.match(r"\s*(اخر تحديث|تاريخ التحديث|تم التحديث|محدث|updated|last updated)", normalize(line), re.I))


def article_row(article, meta: dict, n_words: int) -> dict:
    """The article's row: the input's fields first, what the text states where they are missing."""
    return {"article_id": article.article_id, "path": article.path, "title": article.title or meta["title"],
            "outlet": article.outlet or meta["outlet"],
            "published": article.published or meta["published"],
            "published_basis": article.published_basis if article.published else meta["published_basis"],
            "round": article.round, "n_chars": len(article.text), "n_words": n_words,
            "encoding": article.encoding, "text": article.text}
