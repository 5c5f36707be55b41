"""Showing frames in notebooks: Arabic columns right-aligned and right-to-left, output deterministic."""
from __future__ import annotations

import html
import re

import pandas as pd

ARABIC = re.compile(r"[\u0600-\u06ff]")
LATIN = re.compile(r"[A-Za-z]")


def is_arabic(text: str) -> bool:
    """Mostly Arabic: more Arabic than Latin letters (an English note quoting Arabic stays left-to-right)."""
    return len(ARABIC.findall(text)) > len(LATIN.findall(text))


class Table:
    """A frame for display: HTML with Arabic cells right-to-left, and a plain-text form for nbval."""

    def __init__(self, frame: pd.DataFrame, max_rows: int = 60, max_chars: int | None = None):
        self.frame = frame.head(max_rows)
        self.hidden = len(frame) - len(self.frame)
        self.max_chars = max_chars

    def _cell(self, value) -> str:
        if isinstance(value, (list, tuple)):
            value = "، ".join(map(str, value)) if any(ARABIC.search(str(v)) for v in value) else ", ".join(map(str, value))
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return '<td class="na"></td>'
        if isinstance(value, pd.Timestamp):
            value = value.strftime("%Y-%m-%d")
        text = str(value)
        if self.max_chars and len(text) > self.max_chars:
            text = text[: self.max_chars - 1] + "…"
        if is_arabic(text):
            return f'<td dir="rtl" style="text-align:right">{html.escape(text)}</td>'
        if len(text) <= 24:
            return f'<td style="white-space:nowrap">{html.escape(text)}</td>'
        return f'<td dir="ltr">{html.escape(text)}</td>'

    def _arabic_column(self, column) -> bool:
        """A column whose name or most of whose cells are Arabic: its header is right-aligned too."""
        values = [str(v) for v in self.frame[column] if isinstance(v, str)]
        return is_arabic(str(column)) or (bool(values) and sum(map(is_arabic, values)) > len(values) / 2)

    def _repr_html_(self) -> str:
        head = "".join(f'<th style="text-align:{"right" if self._arabic_column(c) else "left"}">{html.escape(str(c))}</th>'
                       for c in self.frame.columns)
        rows = "".join("<tr>" + "".join(self._cell(v) for v in row) + "</tr>"
                       for row in self.frame.itertuples(index=False))
        more = f"<p>… {self.hidden} more rows</p>" if self.hidden else ""
        return f'<table class="arabic-news"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{more}'

    def __repr__(self) -> str:
        text = self.frame.to_string(index=False, max_colwidth=self.max_chars or 80)
        return text + (f"\n… {self.hidden} more rows" if self.hidden else "")


def table(frame: pd.DataFrame, columns: list[str] | None = None, max_rows: int = 60,
          max_chars: int | None = None) -> Table:
    """Show `frame` (or some of its columns): Arabic text right-aligned, dates as YYYY-MM-DD."""
    return Table(frame[columns] if columns else frame, max_rows=max_rows, max_chars=max_chars)
