"""Saving for reports: figures as PNG (300 dpi), SVG and PDF; frames as Excel-safe CSV and Parquet."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

FORMATS = ("png", "svg", "pdf")
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
        fig.savefig(path, dpi=dpi if fmt == "png" else None, metadata=meta)
        paths.append(path)
    return paths


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
