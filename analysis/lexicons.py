"""Curated data tables shipped in `analysis/data/` (lexicons, reference timelines), read once."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

import pandas as pd


@lru_cache(maxsize=None)
def table(name: str) -> pd.DataFrame:
    """The CSV `analysis/data/<name>.csv` as strings (empty cells as ""); every table has a source column.
    Read with the csv module: pandas.read_csv costs ~3 ms a call, most of a worker's start-up here."""
    with resources.files("analysis").joinpath("data", f"{name}.csv").open(encoding="utf-8-sig", newline="") as f:
        header, *rows = list(csv.reader(f))
    if any(len(r) != len(header) for r in rows):
        raise ValueError(f"data/{name}.csv: a row has more or fewer cells than the header")
    return pd.DataFrame(rows, columns=header, dtype=str)


def names() -> list[str]:
    """Names of all shipped tables."""
    folder = resources.files("analysis").joinpath("data")
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".csv"))
