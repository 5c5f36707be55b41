"""Saving for reports: figures as PNG (300 dpi), SVG and PDF; frames as Excel-safe CSV and Parquet.

SVG and PDF keep text a report editor can use: the SVG holds text as text in the font named (Noto Sans
Arabic, DejaVu Sans; `svg.fonttype: none`) and the PDF embeds the fonts as TrueType (`pdf.fonttype: 42`).
On a matplotlib that cannot shape Arabic itself (before 3.11) the labels are reshaped presentation forms
in visual order, which a browser would reorder a second time: there the SVG keeps outlines (see
`svg_keeps_text`).
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import matplotlib
import pandas as pd
from matplotlib.figure import Figure

FORMATS = ("png", "svg", "pdf")
_SVG_TEXT = re.compile(r"(<text\b[^>]*>)([^<]+)(</text>)")
_STRONG = re.compile(r"[A-Za-z\u00c0-\u024f\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ANCHOR = re.compile(r";?\s*text-anchor:\s*(start|middle|end)")
_ARABIC = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = (*_FORMULA_START, "'")


def save_figure(fig: Figure, directory: str | Path, name: str, formats=FORMATS, dpi: int = 300) -> list[Path]:
    """Write `fig` as directory/name.{png,svg,pdf}; the paths written."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt in formats:
        path = directory / f"{name}.{fmt}"
        # fixed metadata: the same figure gives the same bytes (no creation date, no version stamp)
        meta = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
                "pdf": {"CreationDate": None, "Creator": None, "Producer": None}}[fmt]
        with matplotlib.rc_context(export_fonts()):
            fig.savefig(path, dpi=dpi if fmt == "png" else None, metadata=meta)
        if fmt == "svg" and svg_keeps_text():
            path.write_text(right_to_left_svg(path.read_text(encoding="utf-8")), encoding="utf-8")
        paths.append(path)
    return paths


def svg_keeps_text() -> bool:
    """True where SVG text can stay text: matplotlib shapes Arabic itself, so the SVG holds logical strings."""
    from .rtl import matplotlib_shapes
    return matplotlib_shapes()


def right_to_left_svg(svg: str) -> str:
    """Each SVG text whose first strong character is Arabic, laid out right to left as matplotlib drew it.

    A browser lays out an SVG <text> left to right by default, so a label such as "المصادر: data/x.csv"
    would put its Latin run on the wrong side. Such a text gets `direction: rtl`, and its anchor is swapped
    (start for end, end for start; none means start) so that it stays at the edge matplotlib placed."""
    def wrap(m: re.Match[str]) -> str:
        head, content, tail = m.groups()
        strong = _STRONG.search(content)
        if strong is None or not _ARABIC.match(strong.group()) or 'style="' not in head:
            return m.group()
        anchor = _ANCHOR.search(head)
        swapped = {"start": "end", "end": "start", "middle": "middle"}[anchor.group(1) if anchor else "start"]
        head = _ANCHOR.sub("", head).replace('style="', f'style="direction: rtl; text-anchor: {swapped}; ', 1)
        return head + content + tail
    return _SVG_TEXT.sub(wrap, svg)


def export_fonts() -> dict:
    """The rc settings for saving: SVG text as text (outlines before matplotlib 3.11), TrueType in PDF."""
    return {"svg.fonttype": "none" if svg_keeps_text() else "path", "pdf.fonttype": 42}


def excel_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot be read as formulas by a spreadsheet: a cell that starts with
    = + - @, a tab or a carriage return gets one leading ', and so does a cell that starts with ' (so that
    removing one leading ' from every cell that has one gives the text back: offsets index that text).
    Lists are joined with "; " first, then checked like any cell."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_safe_cell)
        elif isinstance(out[col].dtype, pd.CategoricalDtype):
            out[col] = out[col].astype(object).map(_safe_cell)
    return out


def _safe_cell(value):
    if isinstance(value, (list, tuple, np.ndarray)):
        value = "; ".join(map(str, value))
    if isinstance(value, str) and value.startswith(_ESCAPED):
        return "'" + value
    return value


def save_frame(frame: pd.DataFrame, directory: str | Path, name: str) -> list[Path]:
    """Write `frame` as name.csv (UTF-8 with BOM, Excel-safe) and name.parquet; the paths written."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    csv_path, parquet_path = directory / f"{name}.csv", directory / f"{name}.parquet"
    excel_safe(frame).to_csv(csv_path, index=False, encoding="utf-8-sig")
    frame.to_parquet(parquet_path, index=False)
    return [csv_path, parquet_path]


def save_frames(corpus, directory: str | Path) -> list[Path]:
    """Every frame of the corpus, and the round timeline and theme counts."""
    paths = []
    from .corpus import FRAMES
    for name in (*FRAMES, "problems"):
        paths += save_frame(getattr(corpus, name), directory, name)
    paths += save_frame(corpus.round_timeline(), directory, "round_timeline")
    paths += save_frame(corpus.theme_counts().reset_index(), directory, "theme_counts")
    return paths
