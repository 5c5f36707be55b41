"""Title, outlet and publication date of an article, from its text and the input's fields.

The input's own fields (catalog, JSONL/CSV columns) win; what they leave out is taken from the text where
it states it: the first line that is neither chrome nor a dateline is the title; the outlet is looked for
in the page chrome (datelines, bylines, URLs, copyright lines; `data/outlets.csv`).

The publication date, by strength of evidence (`published_basis` says which):

0. a labelled publication line (تاريخ النشر، نُشر بتاريخ، نشر في، Published; `data/publication_words.csv`),
   in any date form the date rules read (14 مارس 2021، 14/03/2021، 2021/03/14، March 14, 2021, a Hijri
   date with its Gregorian one);
1. the date in the article's URL (the input's `url` field, or a URL line of the page): /2021/04/07/,
   /20210407/, -20210407-, ?cdate=07042021 (day, month, year);
2. a date-only line near the top (a header: «الأحد 14 آذار 2021 - 1 شعبان 1442 هـ»), perhaps with a
   time of day or the paper's issue number after the date («23-10-2020 | 06:30»);
3. a city-and-agency dateline (بغداد 7 أبريل 2021 (شينخوا) -، الجزائر 13-10-2022 وفا-);
4. only when nothing else states it, an update stamp (آخر تحديث).

A crawl or retrieval stamp and a page's "today" header (اليوم: …) are never taken.
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
                  line_dates: list | None = None, norm: Normalized | None = None, outlet: bool = True,
                  url: str | None = None) -> dict:
    """Title, outlet and publication date as the text (and its `url`, when the input has one) state them
    (None where they do not). `line_dates` reuses each line's absolute date (see `dates_by_line`), `norm`
    the folded text; `outlet=False` skips looking for the outlet (the costly part) when it is known."""
    spans = paragraph_spans(text) if spans is None else spans
    kinds = boilerplate_lines(text, spans) if kinds is None else kinds
    line_dates = dates_by_line(spans, dates.find_dates(text)) if line_dates is None else line_dates
    lines = [text[s:e] for s, e in spans]
    meta: dict = {"title": None, "outlet": None, "published": None, "published_basis": None}
    for line, kind, found in zip(lines, kinds, line_dates):
        if kind is None and not is_dateline(line, found) and len(line.split()) >= 2:
            meta["title"] = line
            break
    meta.update(_published(lines, kinds, line_dates, url))
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


# what a page's date header may hold after its date: a time of day (06:30، ٠٨:٤٥ بتوقيت غرينتش، 10:15 ص)
# and the paper's issue number (رقم العدد [15472]), with the separators between them
_HEADER_REST = re.compile(r"(?:\s*[|\-–—،,/]?\s*(?:(?:الساعة\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:ص|م|am|pm|AM|PM)?"
                          r"(?:\s*\(?(?:بتوقيت\s+\S+(?:\s+\S+)?|GMT|UTC|غرينتش|غرينيتش)\)?)?"
                          r"|(?:رقم\s+)?العدد\s*\[?\d+\]?))+\s*[|\-–—]?\s*")


# what follows the date of a city-and-agency dateline: a bracket or a dash, perhaps after the agency's one-word
# short name (بغداد 7 أبريل 2021 (شينخوا) -، الجزائر 13-10-2022 وفا-)
_AFTER_DATELINE = re.compile(r"\s*(?:[^\s\-–—(:]{2,8}\s*)?[\(\-–—:]")


def is_dateline(line: str, found) -> bool:
    """A line that is only a date (25-يوليو-2021, 08.04.2021), perhaps with a weekday, a time of day or the
    issue number of the paper after it («23-10-2020 | 06:30»، «السبت ٢٢ رمضان ١٤٤٣هـ - ٢٣ أبريل ٢٠٢٢م |
    ٠٨:٤٥ بتوقيت غرينتش»، «… 08 أبريل 2021 مـ رقم العدد [15472]»); `found` is the line's absolute date (or
    None)."""
    if found is None:
        return False
    if len(line.split()) <= 6 and (found.end - found.start) >= 0.6 * len(line.strip()):
        return True
    rest = line[found.end:]
    return not line[:found.start].strip() and bool(rest.strip()) and _HEADER_REST.fullmatch(rest) is not None


def _published(lines: list[str], kinds: list[str | None], line_dates: list, url: str | None = None) -> dict:
    """The stated publication date, by the strongest evidence (see the module docstring)."""
    found = []
    for i, (line, kind, d) in enumerate(zip(lines, kinds, line_dates)):
        # every alternative of _URL holds a "/" or "www.": the cheap test first
        in_url = kind == "url" or (i < 8 and ("/" in line or "www." in line) and _URL.search(line))
        if d is None and not in_url:
            continue  # neither a date nor a URL: no evidence, whatever its label
        label = line_label(line)
        if label in ("crawl", "today"):
            continue
        if in_url:
            got = url_date(line)
            if got is not None:
                found.append((1, i, got, f'stated in the URL: "{line.strip()[:80]}"'))
        if d is None or (i >= 8 and kind not in ("dateline", "timestamp") and label is None):
            continue
        snippet = line[d.start:d.end]
        if label == "published" and d.start > 30:
            label = None  # نشر الجيش قواته في 3 آذار: the verb, not a label
        if label == "published" or kind == "dateline":
            found.append((0, i, d.date, f'stated in the text: publication line "{line.strip()[:60]}"'))
        elif label == "updated" or (kind == "timestamp" and _is_update(line)):
            found.append((4, i, d.date, f'stated in the text: last update "{snippet}" (publication may be earlier)'))
        elif kind == "timestamp" and (i >= 6 or _MACHINE_STAMP.match(line) or not is_dateline(line, d)):
            continue  # a machine time stamp left by a crawler, or a stamped date further down the page
        elif kind == "timestamp":  # 23-10-2020 | 06:30 under the headline: the page's date header
            found.append((2, i, d.date, f'stated in the text: dateline "{snippet}"'))
        elif i < 6 and is_dateline(line, d):
            found.append((2, i, d.date, f'stated in the text: dateline "{snippet}"'))
        elif i < 6 and kind is None and d.start < 40 and _AFTER_DATELINE.match(line[d.end:d.end + 30] or "-"):
            found.append((3, i, d.date, f'stated in the text: dateline "{line[:d.end + 12].strip()}"'))
    if url:
        got = url_date(url)
        if got is not None:
            found.append((1, -1, got, f'stated in the URL: "{url[:80]}"'))
    if not found:
        return {}
    _, _, date, basis = min(found)
    return {"published": date, "published_basis": basis}


@lru_cache(maxsize=1)
def _labels() -> tuple[re.Pattern[str], dict[str, str]]:
    table = lexicons.table("publication_words")
    kinds = {normalize(w).lower(): k for w, k in zip(table["word"], table["kind"])}
    words = "|".join(re.escape(w) for w in sorted(kinds, key=len, reverse=True))
    return re.compile(rf"\s*(?P<label>{words})(?!\w)\s*(?:في|بتاريخ|on|:|=)?\s*(?::|=|\s|$)"), kinds


def line_label(line: str) -> str | None:
    """The kind of label a line starts with (published, updated, crawl, today), or None."""
    pattern, kinds = _labels()
    m = pattern.match(normalize(line[:40]).lower())
    return kinds[" ".join(m.group("label").split())] if m else None


_URL = re.compile(r"https?://\S+|www\.\S+|\b[a-z0-9-]+\.(?:com|net|org|info|news|tv|iq|sa|ae|qa|eg|lb|jo|ma|tn|tr|ru|cn)/\S+")
_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=/|$|\b)"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?=[/_.-]|$)"),
    re.compile(r"[?&](?:cdate|date|d|pubdate)=(?P<d>[0-3]\d)(?P<m>[01]\d)(?P<y>(?:19|20)\d{2})(?!\d)"),
    re.compile(r"[?&](?:cdate|date|d|pubdate)=(?P<y>(?:19|20)\d{2})-?(?P<m>[01]\d)-?(?P<d>[0-3]\d)(?!\d)"),
)


def url_date(url: str):
    """The publication date an article's URL states (/2021/04/07/, /20210407/, ?cdate=07042021), or None."""
    import datetime as dt
    for pattern in _URL_DATES:
        m = pattern.search(url)
        if m:
            try:
                return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            except ValueError:
                continue
    return None


_MACHINE_STAMP = re.compile(r"\s*\d{4}-\d{1,2}-\d{1,2}[ T]\d")  # 2021-04-08T10:22:31Z, as crawlers write them


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
