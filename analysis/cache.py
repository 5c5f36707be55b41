"""On-disk cache of parsed articles, in Parquet (never pickle: a cache file cannot run code).

An article's key hashes its text and metadata; the cache folder is named by a fingerprint of the
package (its version, source files and data tables), so a change to the parser or a lexicon starts a
new cache. Each frame is one Parquet file with a `_key` column; loading an unchanged corpus reads those
files and parses nothing, and a changed article is parsed alone.
"""
from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import __version__
from .registry import frames

FRAMES = frames()

PACKAGE = Path(__file__).resolve().parent


def default_folder() -> Path:
    """$ARABIC_NEWS_CACHE, else $XDG_CACHE_HOME/arabic-news-analysis, else ~/.cache/arabic-news-analysis."""
    if os.environ.get("ARABIC_NEWS_CACHE"):
        return Path(os.environ["ARABIC_NEWS_CACHE"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "arabic-news-analysis"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Version plus a hash of every source file and data table of the package."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted([*PACKAGE.glob("*.py"), *PACKAGE.glob("data/*.csv")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{__version__}-{digest.hexdigest()[:16]}"


def article_key(article) -> str:
    """Content hash of one article: its text and every piece of metadata the parse depends on."""
    digest = hashlib.sha256()
    for value in (article.article_id, article.text, article.path, article.title, article.outlet,
                  article.published, article.published_basis, article.round, article.encoding, article.url):
        digest.update(repr(value).encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()[:32]


def input_digest(source: Path) -> str:
    """Hash of a whole input: the file's bytes, or the names and bytes of a folder's .txt files and catalog."""
    digest = hashlib.sha256()
    paths = [source] if source.is_file() else sorted([*source.glob("*.txt"), *source.glob("catalog.csv")])
    for path in paths:
        digest.update(path.name.encode("utf-8") + b"\x00")
        digest.update(path.read_bytes())
    return digest.hexdigest()


class ParseCache:
    """The parsed rows of many articles, by key, in one Parquet file per frame."""

    def __init__(self, source: str, folder: str | Path | None = None):
        """The cache of one input (a folder or file, by its absolute path) under `folder`."""
        where = hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
        self.folder = Path(folder or default_folder()) / fingerprint() / where
        self.frames: dict[str, pd.DataFrame] = {}
        if all((self.folder / f"{name}.parquet").exists() for name in FRAMES):
            try:
                self.frames = {name: pd.read_parquet(self.folder / f"{name}.parquet") for name in FRAMES}
            except Exception:  # a damaged cache is rebuilt, never trusted
                self.frames = {}
        keys = self.frames.get("articles", pd.DataFrame({"_key": []}))["_key"]
        self.keys = set(keys)
        try:
            self.meta = json.loads((self.folder / "input.json").read_text(encoding="utf-8"))
            self.problems = pd.read_parquet(self.folder / "problems.parquet")
        except Exception:  # no record of the whole input yet (or a damaged one)
            self.meta, self.problems = {}, None

    def whole(self, digest: str) -> tuple[dict[str, pd.DataFrame], pd.DataFrame] | None:
        """The frames and problems of the whole input when its digest is the one cached, else None."""
        if self.frames and self.problems is not None and self.meta.get("digest") == digest:
            return {name: f.drop(columns=["_key"]) for name, f in self.frames.items()}, self.problems
        return None

    def record(self, digest: str, problems: pd.DataFrame) -> None:
        """Remember that the frames as stored now are the whole input with this digest."""
        problems.to_parquet(self.folder / "problems.parquet", index=False)
        (self.folder / "input.json").write_text(json.dumps({"digest": digest, "articles": len(self.keys)}),
                                                encoding="utf-8")

    def get(self, keys: list[str]) -> dict[str, pd.DataFrame]:
        """The cached rows of these keys, frame by frame, in the order of `keys`."""
        order = {k: i for i, k in enumerate(keys)}
        out = {}
        for name, frame in self.frames.items():
            part = frame[frame["_key"].isin(order)]
            part = part.assign(_order=part["_key"].map(order)).sort_values("_order", kind="stable")
            out[name] = part.drop(columns=["_order"]).reset_index(drop=True)
        return out

    def put(self, new: dict[str, pd.DataFrame], keys: list[str]) -> None:
        """Add freshly parsed rows (with their `_key`), drop the entries of articles no longer in the input,
        and store every frame in the input's order (`keys`)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        order = {k: i for i, k in enumerate(keys)}
        for name in FRAMES:
            old = self.frames.get(name)
            frames = [f for f in (old[old["_key"].isin(order)] if old is not None else None, new.get(name))
                      if f is not None and len(f)]
            merged = pd.concat(frames, ignore_index=True) if frames else new[name].iloc[0:0]
            merged = merged.iloc[merged["_key"].map(order).argsort(kind="stable")].reset_index(drop=True)
            tmp = self.folder / f".{name}.parquet.tmp"
            merged.to_parquet(tmp, index=False)
            tmp.replace(self.folder / f"{name}.parquet")
            self.frames[name] = merged
        self.keys = set(self.frames["articles"]["_key"])
