"""The extractor registry: every kind of fact is declared once, with its frame's columns and what it needs.

An extractor is a function `extract(article, facts) -> rows` in a module of its own, declared with

    @extractor("troops", COLUMNS, needs=("dates",))
    def extract(article: Segmented, facts: dict[str, list[dict]]) -> list[dict]: ...

`article` is the segmented article (`analysis.segment.Segmented`: text, folded text, sentences, date scan,
publication date); `facts` holds the rows that the extractors run before it produced, by frame name. Each
row has `article_id`, `start`, `end`, `text`, `rule` and the columns of its schema. Extractors run in the
order of `MODULES` (adding a kind of fact is one module and one line here); a `needs` that does not come
earlier is an error when the registry is first read.
"""
from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Callable, NamedTuple

from .schema import ARTICLES, SENTENCES, Schema

# the modules that declare extractors, in the order their extractors run
MODULES = ("dates", "troops", "rounds", "quotes", "themes")


class Extractor(NamedTuple):
    frame: str
    run: Callable[..., list[dict]]
    columns: Schema
    needs: tuple[str, ...]


_DECLARED: dict[str, Extractor] = {}


def extractor(frame: str, columns: Schema, needs: tuple[str, ...] = ()) -> Callable:
    """Declare `fn` as the extractor of `frame` (a decorator)."""
    def declare(fn: Callable[..., list[dict]]) -> Callable[..., list[dict]]:
        if frame in _DECLARED and _DECLARED[frame].run is not fn:
            raise ValueError(f"two extractors declared for the {frame!r} frame")
        _DECLARED[frame] = Extractor(frame, fn, columns, tuple(needs))
        return fn
    return declare


@lru_cache(maxsize=1)
def extractors() -> tuple[Extractor, ...]:
    """The declared extractors in their run order."""
    for module in MODULES:
        importlib.import_module(f"{__package__}.{module}")
    rank = {f"{__package__}.{m}": i for i, m in enumerate(MODULES)}
    ordered = sorted(_DECLARED.values(), key=lambda e: rank.get(e.run.__module__, len(MODULES)))
    seen: set[str] = set()
    for e in ordered:
        missing = [n for n in e.needs if n not in seen]
        if missing:
            raise ValueError(f"extractor {e.frame!r} needs {missing}, which do not run before it")
        seen.add(e.frame)
    return tuple(ordered)


def frame_schemas() -> dict[str, Schema]:
    """Every frame parsed from an article, with its columns: articles, sentences, then each extractor's."""
    return {"articles": ARTICLES, "sentences": SENTENCES, **{e.frame: e.columns for e in extractors()}}


def frames() -> tuple[str, ...]:
    return tuple(frame_schemas())
