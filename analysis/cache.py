"""On-disk cache of parsed articles, in Parquet (never pickle: a cache file cannot run code).

An article's key hashes its text and metadata; the cache folder is named by a fingerprint of the
package (its version, source files and data tables), so a change to the parser or a lexicon starts a
new cache (the last few fingerprints are kept, older ones removed). Loading an unchanged corpus reads
the frames and parses nothing; a changed article is parsed alone.

Layout: <folder>/<fingerprint>/<input>/entry-<time>-<pid>-<random>/, one complete snapshot of an input
per entry: a Parquet file per frame (with a `_key` column), the problems, and `manifest.json`, written
in a temporary folder of a unique name and renamed into place only when complete. A reader takes the
newest entry whose manifest and frames agree (same keys, the row counts and columns recorded), so a
write killed at any step, or two processes writing at once, never show a half-written entry.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import time
import uuid
import warnings
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import __version__
from .inputs import CATALOG, article_files
from .registry import frames

FRAMES = frames()

PACKAGE = Path(__file__).resolve().parent
STORED = (*FRAMES, "article_problems")  # the keyed frames of an entry
KEEP_ENTRIES = 2        # per input: the newest entries (a reader may still be reading the one before)
KEEP_FINGERPRINTS = 3   # cache folders of other package versions kept, most recently used first
STALE_SECONDS = 3600    # a temporary folder this old belongs to a writer that died
_FINGERPRINT_NAME = re.compile(r"[0-9][0-9A-Za-z.+]*-[0-9a-f]{16}")


class CacheWarning(UserWarning):
    """The cache could not be written: the corpus is complete, only the next load parses again."""


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
        digest.update(repr(value).encode("utf-8", "backslashreplace"))
        digest.update(b"\x00")
    return digest.hexdigest()[:32]


def input_digest(source: Path) -> str:
    """Hash of a whole input: the file's bytes, or the names and bytes of a folder's article files and
    catalog. A file that cannot be read adds its error instead (reading it then makes the problem row)."""
    digest = hashlib.sha256()
    if source.is_file():
        paths = [source]
    else:
        files, subfolders = article_files(source)
        paths = [*files, source / CATALOG, *subfolders]
    for path in paths:
        digest.update(os.fsencode(path.name) + b"\x00")
        try:
            digest.update(path.read_bytes() if path.is_file() or not path.exists() else b"<folder>")
        except OSError as err:
            digest.update(f"<unreadable: {err.errno}>".encode())
    return digest.hexdigest()


def open_cache(source: Path, folder: str | Path | None) -> tuple[ParseCache | None, str | None]:
    """The cache of one input and the input's digest; (None, None) with a warning if there can be none."""
    try:
        return ParseCache(os.fsencode(str(source.resolve())), folder), input_digest(source)
    except Exception as err:  # e.g. the package's own files unreadable: load without a cache
        warnings.warn(f"no parse cache: {err}", CacheWarning, stacklevel=3)
        return None, None


def write_or_warn(store: ParseCache, frames: dict[str, pd.DataFrame], digest: str | None,
                  problems: pd.DataFrame, spelling: str) -> None:
    """`store.write`, turning a failure (no space, no permission, the folder gone) into a warning."""
    try:
        store.write(frames, digest, problems, spelling)
    except Exception as err:
        warnings.warn(f"parse cache not written to {store.folder} ({type(err).__name__}: {err}); the corpus is "
                      "complete, the next load parses again", CacheWarning, stacklevel=4)


class ParseCache:
    """The parsed rows of one input's articles, by key: the newest complete entry of its folder."""

    def __init__(self, source: bytes | str, folder: str | Path | None = None):
        """The cache of one input (a folder or file, by its absolute path) under `folder`."""
        where = hashlib.sha256(source if isinstance(source, bytes) else source.encode("utf-8")).hexdigest()[:16]
        self.root = Path(folder or default_folder())
        self.folder = self.root / fingerprint() / where
        self.frames: dict[str, pd.DataFrame] = {}
        self.manifest: dict = {}
        self.input_problems: pd.DataFrame | None = None
        for entry in self._entries():
            try:
                self.frames, self.manifest, self.input_problems = _read_entry(entry)
                break
            except Exception:  # damaged, foreign, or removed by another process meanwhile: never trusted
                continue
        self.keys = set(self.frames["articles"]["_key"]) if self.frames else set()

    def _entries(self) -> list[Path]:
        """Complete entries, newest first."""
        try:
            return sorted((p for p in self.folder.iterdir() if p.name.startswith("entry-")), reverse=True)
        except OSError:
            return []

    def whole(self, digest: str, spelling: str) -> tuple[dict[str, pd.DataFrame], pd.DataFrame] | None:
        """The frames and problems of the whole input when its digest (and the spelling of its path) is the
        one cached, else None."""
        if not self.frames or self.manifest.get("digest") != digest or self.manifest.get("source") != spelling:
            return None
        found = self.frames["article_problems"].drop(columns=["_key"])
        return ({name: self.frames[name].drop(columns=["_key"]) for name in FRAMES},
                pd.concat([self.input_problems, found], ignore_index=True))

    def merged(self, new: dict[str, pd.DataFrame], keys: list[str]) -> dict[str, pd.DataFrame]:
        """The cached rows of `keys` and the freshly parsed ones (`new`: every name in STORED, with `_key`),
        frame by frame, in the order of `keys`; the entries of articles no longer in the input are dropped."""
        order = {k: i for i, k in enumerate(keys)}
        out = {}
        for name in STORED:
            old = self.frames.get(name)
            parts = [f for f in (old[old["_key"].isin(order)] if old is not None else None, new.get(name))
                     if f is not None and len(f)]
            merged = pd.concat(parts, ignore_index=True) if parts else new[name].iloc[0:0]
            for col in merged.columns:  # a text column all missing in one part is object there: keep str
                if merged[col].dtype == object and any(str(p[col].dtype) == "str" for p in parts):
                    merged[col] = merged[col].astype("str")
            out[name] = merged.iloc[merged["_key"].map(order).argsort(kind="stable")].reset_index(drop=True)
        return out

    def write(self, frames: dict[str, pd.DataFrame], digest: str | None, problems: pd.DataFrame,
              spelling: str) -> None:
        """Store `frames` (every name in STORED) as a new entry; `digest` records that they are the whole
        input (None: not all of it, so `whole` never answers from this entry)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        token = f"{os.getpid()}-{uuid.uuid4().hex[:12]}"
        tmp = self.folder / f".tmp-{token}"
        tmp.mkdir()
        try:
            for name in STORED:
                frames[name].to_parquet(tmp / f"{name}.parquet", index=False)
            problems.to_parquet(tmp / "input_problems.parquet", index=False)
            manifest = {"digest": digest, "source": spelling, "keys": int(frames["articles"]["_key"].nunique()),
                        "rows": {n: len(frames[n]) for n in STORED}, "columns": {n: list(frames[n].columns) for n in STORED}}
            (tmp / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")  # ASCII: any path
            os.rename(tmp, self.folder / f"entry-{time.time_ns():020d}-{token}")
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self.frames, self.manifest, self.input_problems = frames, manifest, problems
        self.keys = set(frames["articles"]["_key"])
        try:
            self._tidy()
        except OSError:  # the entry is written; tidying is for another time
            pass

    def _tidy(self) -> None:
        """Remove older entries, temporary folders of writers that died, and cache folders of package
        versions other than the last few used (best effort: another process may be doing the same)."""
        now = time.time()
        for old in self._entries()[KEEP_ENTRIES:]:
            shutil.rmtree(old, ignore_errors=True)
        for tmp in self.folder.glob(".tmp-*"):
            try:
                if now - tmp.stat().st_mtime > STALE_SECONDS:
                    shutil.rmtree(tmp, ignore_errors=True)
            except OSError:
                continue
        mark = self.folder.parent / "fingerprint.json"
        mark.write_text(json.dumps({"fingerprint": fingerprint(), "used": now}), encoding="utf-8")
        used = []
        for other in self.root.iterdir():
            try:
                if other.is_dir() and _FINGERPRINT_NAME.fullmatch(other.name) and (other / "fingerprint.json").exists():
                    used.append(((other / "fingerprint.json").stat().st_mtime, other))
            except OSError:
                continue
        for _, other in sorted(used, reverse=True)[KEEP_FINGERPRINTS:]:
            shutil.rmtree(other, ignore_errors=True)


def _read_entry(entry: Path) -> tuple[dict[str, pd.DataFrame], dict, pd.DataFrame]:
    """The frames, manifest and input problems of one entry, checked; raises ValueError if they disagree."""
    manifest = json.loads((entry / "manifest.json").read_text(encoding="utf-8"))
    frames = {name: pd.read_parquet(entry / f"{name}.parquet") for name in STORED}
    problems = pd.read_parquet(entry / "input_problems.parquet")
    keys = frames["articles"]["_key"]
    if not keys.is_unique or len(keys) != manifest["keys"]:
        raise ValueError(f"{entry}: article keys do not match the manifest")
    for name, frame in frames.items():
        if list(frame.columns) != manifest["columns"][name] or len(frame) != manifest["rows"][name]:
            raise ValueError(f"{entry}: {name} does not match the manifest")
        if name != "articles" and not frame["_key"].isin(keys).all():
            raise ValueError(f"{entry}: {name} holds rows of articles the entry does not have")
    return frames, manifest, problems
