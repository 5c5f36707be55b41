"""The frames' column types, declared once: read by the registry, the corpus, the cache and the exports.

A schema is a tuple of `Column(name, kind)`. Kinds:

- `str`: text in logical order, in pandas' default string dtype (`str`: under pandas 3 stored in Arrow,
  a missing value NaN);
- `string`: pandas' nullable string dtype (a missing value `pd.NA`; the problems frame);
- `int`: int64, or nullable Int64 when a value is missing;
- `Int64`: always nullable Int64;
- `float`: float64; `bool`: bool;
- `date`: datetime64[ns] from `datetime.date` values (None becomes NaT).

`typed(rows, schema)` builds a frame with exactly those columns in that order, whatever the rows hold.
"""
from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from .inputs import out_of_pandas_range


class Column(NamedTuple):
    name: str
    kind: str


Schema = tuple[Column, ...]
KINDS = frozenset(("str", "string", "int", "Int64", "float", "bool", "date"))


def schema(*columns: tuple[str, str]) -> Schema:
    """A schema from (name, kind) pairs; an unknown kind is an error at import time, not at parse time."""
    out = tuple(Column(n, k) for n, k in columns)
    for c in out:
        if c.kind not in KINDS:
            raise ValueError(f"column {c.name!r}: unknown kind {c.kind!r} (one of {sorted(KINDS)})")
    return out


def names(columns: Schema) -> list[str]:
    return [c.name for c in columns]


ARTICLES = schema(("article_id", "str"), ("path", "str"), ("title", "str"), ("outlet", "str"),
                  ("published", "date"), ("published_basis", "str"), ("round", "Int64"), ("n_chars", "int"),
                  ("n_words", "int"), ("encoding", "str"), ("text", "str"))
SENTENCES = schema(("article_id", "str"), ("sentence_id", "int"), ("paragraph_id", "int"), ("start", "int"),
                   ("end", "int"), ("text", "str"), ("boilerplate", "bool"), ("boilerplate_kind", "str"))
PROBLEMS = schema(("path", "string"), ("row", "Int64"), ("severity", "string"), ("reason", "string"))


def typed(rows: list[dict], columns: Schema, extra_columns: tuple[str, ...] = ()) -> pd.DataFrame:
    """A frame of `rows` with the schema's columns (plus `extra_columns`, untyped), each of its kind."""
    frame = pd.DataFrame(rows, columns=[*names(columns), *extra_columns])
    for name, kind in columns:
        frame[name] = _as_kind(frame[name], kind)
    return frame.reset_index(drop=True)


def _as_kind(values: pd.Series, kind: str) -> pd.Series:
    if kind == "date":  # a day pandas cannot hold is NaT (parse_or_report reports it), never an error
        return pd.to_datetime(values.mask(values.map(out_of_pandas_range))).astype("datetime64[ns]")
    if kind == "Int64":
        return values.astype("Int64")
    if kind == "int":
        return values.astype("Int64" if values.isna().any() else "int64")
    if kind == "bool":
        return values.astype(bool)
    if kind == "string":
        return values.astype("string")
    if kind == "float":
        return values.astype("float64")
    return values
