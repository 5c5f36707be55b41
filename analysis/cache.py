"""On-disk cache of parsed articles, in Parquet (never pickle: a cache file cannot run code).

An article's key hashes its text and metadata; the cache folder is named by a fingerprint of the
package (its version, source files and data tables), so a change to the parser or a lexicon starts a
new cache. Each frame is one Parquet file with a `_key` column; loading an unchanged corpus reads those
files and parses nothing, and a changed article is parsed alone.
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import __version__

FRAMES = ("articles", "sentences", "dates", "troops", "rounds", "statements", "themes")
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

    def get(self, keys: list[str]) -> dict[str, pd.DataFrame]:
        """The cached rows of these keys, frame by frame, in the order of `keys`."""
        order = {k: i for i, k in enumerate(keys)}
        out = {}
        for name, frame in self.frames.items():
            part = frame[frame["_key"].isin(order)]
            part = part.assign(_order=part["_key"].map(order)).sort_values("_order", kind="stable")
            out[name] = part.drop(columns=["_order"]).reset_index(drop=True)
        return out

    def put(self, new: dict[str, pd.DataFrame], keep: set[str]) -> None:
        """Add freshly parsed rows (with their `_key`) and drop the entries of articles no longer in the
        input (keys not in `keep`)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for name in FRAMES:
            old = self.frames.get(name)
            frames = [f for f in (old[old["_key"].isin(keep)] if old is not None else None, new.get(name))
                      if f is not None and len(f)]
            merged = pd.concat(frames, ignore_index=True) if frames else new[name].iloc[0:0]
            tmp = self.folder / f".{name}.parquet.tmp"
            merged.to_parquet(tmp, index=False)
            tmp.replace(self.folder / f"{name}.parquet")
            self.frames[name] = merged
        self.keys = set(self.frames["articles"]["_key"])
