"""Showing frames and notes in notebooks and HTML: Arabic right-to-left and right-aligned, output deterministic.

Every piece of HTML written here carries its direction on the element itself (`dir` and an inline
`text-align`), so it holds where JupyterLab's stylesheet would otherwise left-align it; `stylesheet()`
adds the rules of `templates/report.css` for the rest (markdown paragraphs inside a `<div dir="rtl">`).
A run of the other direction inside a cell or note, such as "25-يوليو-2021" in an English sentence, is
wrapped in `<bdi>` so that it reads as written. Integer-valued columns show as integers.
"""
from __future__ import annotations

import html
import numbers
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

ARABIC = re.compile(r"[\u0600-\u06ff]")
LATIN = re.compile(r"[A-Za-z]")
CSS = Path(__file__).resolve().parent / "templates" / "report.css"
_SPACE = re.compile(r"(\s+)")
FSI, PDI = "\u2068", "\u2069"  # first strong isolate … pop directional isolate
_MARKED = re.compile("\u2068([^\u2069]*)\u2069")
_CLAUSE_END = re.compile(r"[,;.:،؛]$")
_EDGE = re.compile(r"^([^\w\u0600-\u06ff]*)(.*?)([^\w\u0600-\u06ff]*)$", re.S)


def is_arabic(text: str) -> bool:
    """Mostly Arabic: more Arabic than Latin letters (an English note quoting Arabic stays left-to-right)."""
    return len(ARABIC.findall(text)) > len(LATIN.findall(text))


def direction(text: str) -> str:
    """"rtl" for mostly Arabic text, else "ltr"."""
    return "rtl" if is_arabic(text) else "ltr"


def isolate(text: str, base: str | None = None) -> str:
    """`text` as escaped HTML in which every run of words of the other direction than `base` (default: the
    text's own) is wrapped in <bdi>, its surrounding quotes and brackets left outside. A run is a sequence
    of such words (a word holds a letter of that direction: "25-يوليو-2021" is one), ending at a word that
    ends a clause; numbers and signs between runs stay in the sentence's own direction. Where the text
    marks values with FSI … PDI (as `narrative` does with names), those are the runs."""
    base = base or direction(text)
    if FSI in text:  # values the caller isolated itself (FSI … PDI): exactly those, then the rest
        parts = _MARKED.split(text)
        return "".join(f"<bdi>{html.escape(p)}</bdi>" if i % 2 else isolate(p, base) for i, p in enumerate(parts))
    other = ARABIC if base == "ltr" else LATIN
    pieces = _SPACE.split(text)
    words = pieces[0::2]
    kinds = ["other" if other.search(w) else "own" if (LATIN if base == "ltr" else ARABIC).search(w) else "neutral"
             for w in words]
    out, i = [], 0
    while i < len(words):
        if kinds[i] != "other":
            out.append(html.escape(words[i]))
            if i < len(words) - 1:
                out.append(pieces[2 * i + 1])
            i += 1
            continue
        j = i  # a run: words of the other direction, up to one that ends a clause (a comma, a full stop)
        while j + 1 < len(words) and kinds[j + 1] == "other" and not _CLAUSE_END.search(words[j]):
            j += 1
        run = "".join(pieces[2 * i:2 * j + 1])
        lead, core, trail = _EDGE.match(run).groups()
        out.append(f"{html.escape(lead)}<bdi>{html.escape(core)}</bdi>{html.escape(trail)}")
        if j < len(words) - 1:
            out.append(pieces[2 * j + 1])
        i = j + 1
    return "".join(out)


@lru_cache(maxsize=1)
def css() -> str:
    """The right-to-left rules (templates/report.css)."""
    return CSS.read_text(encoding="utf-8")


class Stylesheet:
    """The rules of `css()` as a notebook output: a <style> element in JupyterLab and in exported HTML."""

    def _repr_html_(self) -> str:
        return f'<style class="arabic-news-style">\n{css()}</style>'

    def __repr__(self) -> str:
        return "right-to-left rules for Arabic: analysis/templates/report.css"


def stylesheet() -> Stylesheet:
    """Show this first in a notebook: Arabic paragraphs and cells right-aligned wherever JupyterLab's CSS
    would left-align them."""
    return Stylesheet()


def paragraph(text: str, d: str | None = None, tag: str = "p") -> str:
    """One paragraph of plain text as HTML with its direction (default: the text's own) and alignment on
    the element."""
    d = d or direction(text)
    align = "right" if d == "rtl" else "left"
    return f'<{tag} dir="{d}" style="text-align:{align}">{isolate(text, d)}</{tag}>'


class Prose:
    """Sentences computed from the data, shown as paragraphs (HTML) or lines (plain text, for nbval)."""

    def __init__(self, paragraphs: list[str], direction: str = "ltr"):
        self.paragraphs = [p for p in paragraphs if p]
        self.direction = direction

    def _repr_html_(self) -> str:
        return ('<div class="arabic-news-prose">' + "".join(paragraph(p, self.direction) for p in self.paragraphs)
                + "</div>")

    def __repr__(self) -> str:
        return "\n".join(self.paragraphs)


def _integers(frame: pd.DataFrame) -> pd.DataFrame:
    """Float columns whose values are all whole numbers, as integers (2500, not 2500.0)."""
    out = frame.copy()
    for col in out.columns:
        values = out[col]
        if pd.api.types.is_float_dtype(values) and len(values.dropna()) and (values.dropna() % 1 == 0).all():
            out[col] = values.astype("Int64")
    return out


class Table:
    """A frame for display: HTML with Arabic cells right-to-left, and a plain-text form for nbval."""

    def __init__(self, frame: pd.DataFrame, max_rows: int = 60, max_chars: int | None = None):
        self.frame = _integers(frame.head(max_rows))
        self.hidden = len(frame) - len(self.frame)
        self.max_chars = max_chars

    def _cell(self, value) -> str:
        if isinstance(value, (list, tuple)):
            value = "، ".join(map(str, value)) if any(ARABIC.search(str(v)) for v in value) else ", ".join(map(str, value))
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return '<td class="na"></td>'
        if isinstance(value, pd.Timestamp):
            value = value.strftime("%Y-%m-%d")
        if isinstance(value, numbers.Number) and not isinstance(value, (bool, np.bool_)):
            shown = f"{value:g}" if isinstance(value, float) else str(value)
            return f'<td class="number" dir="ltr" style="text-align:right">{shown}</td>'
        text = str(value)
        if self.max_chars and len(text) > self.max_chars:
            text = text[: self.max_chars - 1] + "…"
        if is_arabic(text):
            return f'<td dir="rtl" style="text-align:right">{isolate(text, "rtl")}</td>'
        if len(text) <= 24:
            return f'<td dir="ltr" style="text-align:left; white-space:nowrap">{isolate(text, "ltr")}</td>'
        return f'<td dir="ltr" style="text-align:left">{isolate(text, "ltr")}</td>'

    def _arabic_column(self, column) -> bool:
        """A column whose name or most of whose cells are Arabic: its header is right-aligned too."""
        values = [str(v) for v in self.frame[column] if isinstance(v, str)]
        return is_arabic(str(column)) or (bool(values) and sum(map(is_arabic, values)) > len(values) / 2)

    def _repr_html_(self) -> str:
        head = "".join(f'<th style="text-align:{"right" if self._arabic_column(c) else "left"}">{html.escape(str(c))}</th>'
                       for c in self.frame.columns)
        rows = "".join("<tr>" + "".join(self._cell(v) for v in row) + "</tr>"
                       for row in self.frame.astype(object).itertuples(index=False))
        more = f"<p>… {self.hidden} more rows</p>" if self.hidden else ""
        return (f'<table class="arabic-news arabic-news-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody>'
                f'</table>{more}')

    def __repr__(self) -> str:
        text = self.frame.to_string(index=False, max_colwidth=self.max_chars or 80)
        return text + (f"\n… {self.hidden} more rows" if self.hidden else "")


def table(frame: pd.DataFrame, columns: list[str] | None = None, max_rows: int = 60,
          max_chars: int | None = None) -> Table:
    """Show `frame` (or some of its columns): Arabic text right-aligned, dates as YYYY-MM-DD."""
    return Table(frame[columns] if columns else frame, max_rows=max_rows, max_chars=max_chars)


# ------------------------------------------------------------------ the corpus at a glance
FRAME_NOTES = {
    "articles": "id, title, outlet, publication date and what it rests on",
    "sentences": "sentence spans; page chrome flagged as boilerplate",
    "dates": "every date expression, resolved",
    "troops": "troop figures: value, unit, force, as-of date",
    "rounds": "mentions of dialogue rounds",
    "statements": "quotations with speaker and cue",
    "themes": "theme mentions (data/themes.csv)",
    "problems": "files or rows that could not be read, or were read with a caveat",
}
NEXT_STEPS = [
    ("corpus.summary()", "one row per article with its counts of facts"),
    ("corpus.problems", "what could not be read, and why"),
    ("corpus.round_timeline()", "one row per dialogue round"),
    ("analysis.charts.troop_levels(corpus)", "a chart (also talk_rounds, statements_over_time, themes_heatmap)"),
    ("python -m analysis report INPUT --out DIR", "the whole report on this corpus"),
]


def corpus_html(corpus) -> str:
    """The rich view of a Corpus in a notebook: its span, counts per frame, problems, what to look at next."""
    articles = corpus.articles
    published = articles["published"].dropna()
    outlets = articles["outlet"].dropna().nunique()
    when = (f"published {published.min():%Y-%m-%d} to {published.max():%Y-%m-%d}" if len(published)
            else "no publication dates")
    undated = len(articles) - len(published)
    head = (f"<p><strong>Corpus</strong>: {len(articles):,} articles from {outlets:,} outlets, {when}"
            f"{f'; {undated:,} without a date' if undated else ''}.</p>")
    rows = "".join(f'<tr><td dir="ltr" style="text-align:left"><code>{name}</code></td>'
                   f'<td class="number" style="text-align:right">{len(getattr(corpus, name)):,}</td>'
                   f'<td dir="ltr" style="text-align:left">{html.escape(note)}</td></tr>'
                   for name, note in FRAME_NOTES.items())
    counts = (f'<table class="arabic-news arabic-news-table"><thead><tr><th style="text-align:left">frame</th>'
              f'<th style="text-align:right">rows</th><th style="text-align:left">holds</th></tr></thead>'
              f"<tbody>{rows}</tbody></table>")
    problems = corpus.problems
    if len(problems):
        severities = ", ".join(f"{n:,} {s}" for s, n in problems["severity"].value_counts().sort_index().items())
        shown = table(problems, max_rows=5)._repr_html_()
        trouble = f"<p><strong>Problems</strong>: {severities}.</p>{shown}"
    else:
        trouble = "<p><strong>Problems</strong>: none; every file and row was read.</p>"
    steps = "".join(f"<li><code>{html.escape(code)}</code>: {html.escape(what)}</li>" for code, what in NEXT_STEPS)
    return (f'<div class="arabic-news-corpus" dir="ltr" style="text-align:left">{head}{counts}{trouble}'
            f"<p><strong>Next</strong>:</p><ul>{steps}</ul></div>")
