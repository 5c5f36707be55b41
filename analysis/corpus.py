"""Reading a corpus: files and the optional catalog into `Corpus`, a set of pandas frames.

`load_corpus(path)` reads a folder of `.txt` articles (UTF-8 with or without BOM, CRLF, or Windows-1256),
merges the optional hand-curated `catalog.csv` beside them, and parses every article with `parse_article`,
a pure function of one article's text and metadata. Files it cannot read become rows of `problems`;
the other articles still load.
"""
from __future__ import annotations

import datetime as dt
import gc
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pandas as pd

from . import registry, rounds, schema, themes
from .inputs import Article, decode, read_catalog, read_folder, read_input  # noqa: F401
from .inputs import origin, out_of_pandas_range, problem, range_reason
from .metadata import article_row, text_metadata  # noqa: F401  (text_metadata: part of the API)
from .paths import SEEDS
from .segment import Segmented, segment  # noqa: F401

# the frames parsed from the articles (problems come from reading them), in registry order
FRAMES = registry.frames()
PROBLEM_COLUMNS = schema.names(schema.PROBLEMS)


class CorpusError(ValueError):
    """Raised by `load_corpus(strict=True)`: the message lists every problem, one per line."""


@dataclass
class Corpus:
    """The parsed corpus: one tidy frame per kind of fact, every fact with its article and span."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    dates: pd.DataFrame
    troops: pd.DataFrame
    rounds: pd.DataFrame
    statements: pd.DataFrame
    themes: pd.DataFrame
    problems: pd.DataFrame

    def round_timeline(self) -> pd.DataFrame:
        """One row per dialogue round: date from the text, reference date and place, evidence."""
        return rounds.timeline(self.rounds, self.articles)

    def theme_counts(self) -> pd.DataFrame:
        """Theme mentions per article (rows in publication order) and theme (columns)."""
        return themes.counts(self.themes, self.articles)

    def summary(self) -> pd.DataFrame:
        """Articles with their title, outlet, date and how many facts each yields."""
        counts = {name: getattr(self, name).groupby("article_id").size()
                  for name in ("sentences", "dates", "troops", "rounds", "statements")}
        out = self.articles[["article_id", "title", "outlet", "published", "round", "n_words"]].copy()
        for name, c in counts.items():
            out[name] = out["article_id"].map(c).fillna(0).astype(int)
        return out

    def __repr__(self) -> str:
        return (f"Corpus({len(self.articles)} articles, {len(self.sentences)} sentences, {len(self.dates)} dates, "
                f"{len(self.troops)} troop figures, {len(self.rounds)} round mentions, "
                f"{len(self.statements)} quotations, {len(self.problems)} problems)")

    def _repr_html_(self) -> str:
        """In a notebook: counts per frame, problems and what to look at next (`display.corpus_html`)."""
        from .display import corpus_html
        return corpus_html(self)


# ------------------------------------------------------------------ parsing one article
def parse_article(article: Article) -> dict[str, list[dict]]:
    """All rows one article contributes to each frame: a pure function of the article. Segmentation
    first, then every extractor of the registry in its declared order, each seeing the rows of those
    before it."""
    for _, facts in parse_steps(article):
        pass
    return facts


def parse_steps(article: Article) -> Iterator[tuple[str, dict[str, list[dict]]]]:
    """`parse_article` one step at a time: ("segment", facts), then (frame, facts) after each extractor,
    `facts` growing by that frame's rows (the benchmarks time the steps this way)."""
    seg = segment(article)
    facts: dict[str, list[dict]] = {"articles": [article_row(article, seg.meta, len(seg.norm.words))],
                                    "sentences": seg.sentences, "problems": []}  # problems: of this article
    yield "segment", facts
    for e in registry.extractors():
        facts[e.frame] = e.run(seg, facts)
        yield e.frame, facts


# ------------------------------------------------------------------ the corpus
def load_corpus(path: str | Path | None = None, *, strict: bool = False, workers: int = 1,
                cache: bool | str | Path | None = None, progress: bool | None = None) -> Corpus:
    """Read Arabic articles into a `Corpus`: a folder of .txt files (default: the repo's seeds) with an
    optional catalog.csv, or a JSONL, CSV or Parquet file with one article a row.

    Files, rows or articles that cannot be read or parsed become rows of `problems` (path, row, severity,
    reason) and the others load; with `strict=True` any error-level problem raises `CorpusError` listing
    every problem. `workers` parses in that many processes (same result as one). `cache` keeps parsed
    articles on disk in Parquet (True: the default folder, see `analysis.cache`; a path: that folder;
    None: only for inputs of 200 articles or more); a cache that cannot be written is skipped with a
    warning. `progress` shows a progress bar (None: when there is much to parse).
    """
    source = Path(path) if path is not None else SEEDS
    if not source.exists():
        raise FileNotFoundError(f"{source}: no such folder or file")
    store = digest = None
    if cache is not False and (source.is_file() or source.is_dir()):
        from .cache import open_cache
        store, digest = open_cache(source, None if cache in (None, True) else cache)
        hit = store.whole(digest, str(source)) if store is not None else None
        if hit is not None:  # the whole input is unchanged: nothing to read or parse
            frames, cached_problems = hit
            _raise_if_strict(strict, source, cached_problems.to_dict("records"))
            return Corpus(**frames, problems=_problems_frame(cached_problems.to_dict("records")))
    articles, problems = read_input(source)
    if not articles and not problems:
        problems.append(problem(source, "error", "no .txt files in the folder" if source.is_dir() else "no rows"))
    _raise_if_strict(strict, source, problems)
    if store is None or (cache is None and len(articles) < 200):
        parsed = parse_many(articles, workers, progress)
        problems = problems + [p for item in parsed for p in item.get("problems", ())]
        _raise_if_strict(strict, source, problems)
        return build_corpus(parsed, problems)
    corpus = _load_cached(store, digest, articles, problems, workers, progress, str(source))
    _raise_if_strict(strict, source, corpus.problems.to_dict("records"))
    return corpus


def _raise_if_strict(strict: bool, source: Path, problems: list[dict]) -> None:
    if strict and any(p["severity"] == "error" for p in problems):
        lines = "\n".join(f"  {_where(p)}: {p['reason']}" for p in problems)
        raise CorpusError(f"{len(problems)} problem(s) reading {source}:\n{lines}")


def _where(p: dict) -> str:
    return p["path"] if pd.isna(p.get("row")) else f"{p['path']} row {p['row']}"


def parse_many(articles: list[Article], workers: int = 1, progress: bool | None = None) -> list[dict]:
    """`parse_or_report` over many articles, in `workers` processes, in input order."""
    from tqdm import tqdm
    show = (len(articles) > 300) if progress is None else progress
    bar = tqdm(total=len(articles), desc="parsing", unit="article", disable=not show)
    try:
        if workers <= 1 or len(articles) < 2:
            out = []
            with _gc_paused():
                for a in articles:
                    out.append(parse_or_report(a))
                    bar.update()
            return out
        from concurrent.futures import ProcessPoolExecutor
        chunk = max(1, min(256, len(articles) // (workers * 8)))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            out = []
            for parsed in pool.map(parse_or_report, articles, chunksize=chunk):
                out.append(parsed)
                bar.update()
            return out
    finally:
        bar.close()


def parse_or_report(article: Article) -> dict[str, list[dict]]:
    """`parse_article` that never raises: an article whose parse fails keeps its row (from what the input
    says of it, facts empty) with an error under "problems"; a parsed date pandas cannot hold is cleared
    with a warning there; "problems" holds the problems of this article (none: an empty list)."""
    try:
        parsed = parse_article(article)
    except Exception as err:  # any bug or resource error in one article must not cost the others
        return _failed(article, err)
    cleared = _clear_out_of_range_dates(parsed)
    if cleared:
        path, row = origin(article)
        parsed["problems"] += [problem(path, "warning", f"parsed {where}: {range_reason(value)}: left empty", row)
                               for where, value in cleared]
    return parsed


def _failed(article: Article, err: Exception) -> dict[str, list[dict]]:
    row = dict.fromkeys(schema.names(schema.ARTICLES))
    row.update(article_id=article.article_id, path=article.path, title=article.title, outlet=article.outlet,
               published=article.published, published_basis=article.published_basis, round=article.round,
               n_chars=len(article.text), encoding=article.encoding, text=article.text)
    message = str(err) if len(str(err)) <= 300 else str(err)[:299] + "…"
    path, number = origin(article)
    return {"articles": [row], **{name: [] for name in FRAMES if name != "articles"},
            "problems": [problem(path, "error", f"parse failed: {type(err).__name__}: {message}", number)]}


def _clear_out_of_range_dates(parsed: dict[str, list[dict]]) -> list[tuple[str, object]]:
    """Set to None every date of the parsed rows that pandas cannot hold; (frame.column, value) of each.
    Only the columns the frames' schemas type as dates are looked at (the others stay Python objects)."""
    cleared = []
    for name, columns in registry.frame_schemas().items():
        rows = parsed.get(name) or ()
        for column in (c.name for c in columns if c.kind == "date") if rows else ():
            for row in rows:
                value = row.get(column)
                if value is not None and value.__class__ in _DATE_TYPES and out_of_pandas_range(value):
                    row[column] = None
                    span = (f' of "{row.get("text")}" (characters {row["start"]}-{row.get("end")})'
                            if row.get("start") is not None else "")
                    cleared.append((f"{name}.{column}{span}", value))
    return cleared


_DATE_TYPES = frozenset((dt.date, dt.datetime, pd.Timestamp))


@contextmanager
def _gc_paused():
    """Parsing makes rows without reference cycles (tests/test_scale.py checks it), so the cyclic garbage
    collector would only re-walk the growing list of rows: paused while parsing, 3-10% faster at 10,000."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _load_cached(store, digest: str, articles: list[Article], problems: list[dict], workers: int,
                 progress: bool | None, spelling: str) -> Corpus:
    """Parse only the articles the cache does not hold, then store the whole input (articles whose parse
    failed are left out of the cache, so that the next load tries them again)."""
    from .cache import article_key, write_or_warn
    keys = [article_key(a) for a in articles]
    todo = [(a, k) for a, k in zip(articles, keys) if k not in store.keys]
    parsed = parse_many([a for a, _ in todo], workers, progress) if todo else []
    article_problems, failed = [], set()
    for (_, key), rows in zip(todo, parsed):
        for name in FRAMES:
            for row in rows[name]:
                row["_key"] = key
        for p in rows.get("problems", ()):
            article_problems.append({**p, "_key": key})
            if p["severity"] == "error":  # its parse failed
                failed.add(key)
    built = build_corpus(parsed, [], extra_columns=("_key",))
    fresh = {name: getattr(built, name) for name in FRAMES}
    fresh["article_problems"] = _keyed_problems(article_problems)
    frames = store.merged(fresh, keys)
    input_problems = _problems_frame(problems)
    write_or_warn(store, {name: f[~f["_key"].isin(failed)] for name, f in frames.items()} if failed else frames,
                  None if failed else digest, input_problems, spelling)
    found = frames["article_problems"].drop(columns=["_key"])
    return Corpus(**{name: frames[name].drop(columns=["_key"]) for name in FRAMES},
                  problems=_problems_frame(pd.concat([input_problems, found], ignore_index=True).to_dict("records")))


def _keyed_problems(rows: list[dict]) -> pd.DataFrame:
    """Problems of single articles, each with the cache key of its article."""
    frame = _problems_frame(rows)
    frame["_key"] = pd.Series([r["_key"] for r in rows], dtype=object)
    return frame


def build_corpus(parsed: list[dict[str, list[dict]]], problems: list[dict],
                 extra_columns: tuple[str, ...] = ()) -> Corpus:
    """Typed frames, by the registry's schemas, from the rows of many parsed articles."""
    frames = {name: schema.typed([r for p in parsed for r in p[name]], columns, extra_columns)
              for name, columns in registry.frame_schemas().items()}
    return Corpus(**frames, problems=_problems_frame(problems))


def _problems_frame(problems: list[dict]) -> pd.DataFrame:
    return schema.typed(problems, schema.PROBLEMS)
