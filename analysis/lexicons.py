"""Curated data tables shipped in `analysis/data/` (lexicons, reference timelines), read once."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pandas as pd


@lru_cache(maxsize=None)
def table(name: str) -> pd.DataFrame:
    """The CSV `analysis/data/<name>.csv` as strings (empty cells as ""); every table has a source column."""
    with resources.files("analysis").joinpath("data", f"{name}.csv").open(encoding="utf-8") as f:
        frame = pd.read_csv(f, dtype=str, keep_default_na=False, comment=None)
    return frame


def names() -> list[str]:
    """Names of all shipped tables."""
    folder = resources.files("analysis").joinpath("data")
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".csv"))
