"""Reading a corpus: files and the optional catalog into `Corpus`, a set of pandas frames.

`load_corpus(path)` reads a folder of `.txt` articles (UTF-8 with or without BOM, CRLF, or Windows-1256),
merges the optional hand-curated `catalog.csv` beside them, and parses every article with `parse_article`,
a pure function of one article's text and metadata. Files it cannot read become rows of `problems`;
the other articles still load.
"""
from __future__ import annotations

import bisect
import datetime as dt
import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import dates, lexicons, quotes, rounds, themes, troops
from .inputs import Article, _problem, decode, read_catalog, read_folder, read_input  # noqa: F401
from .text import (Normalized, alternatives, boilerplate_lines, lowered, normalize, normalize_spans, paragraph_spans,
                   split_line)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# the frames parsed from the articles (problems come from reading them)
FRAMES = ("articles", "sentences", "dates", "troops", "rounds", "statements", "themes")
ARTICLE_COLUMNS = ["article_id", "path", "title", "outlet", "published", "published_basis", "round",
                   "n_chars", "n_words", "encoding", "text"]
SENTENCE_COLUMNS = ["article_id", "sentence_id", "paragraph_id", "start", "end", "text", "boilerplate",
                    "boilerplate_kind"]
PROBLEM_COLUMNS = ["path", "row", "severity", "reason"]


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


# ------------------------------------------------------------------ metadata from the text
@lru_cache(maxsize=1)
def _outlet_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(outlet, alternative of its pattern), in table order: re searches a pattern that starts with a
    literal quickly, and an alternation of them slowly (about 3x here)."""
    table = lexicons.table("outlets")
    return [(o, re.compile(a)) for o, p in zip(table["outlet"], table["pattern"])
            for a in alternatives(lowered(normalize(p)))]


def text_metadata(text: str, spans: list[tuple[int, int]] | None = None, kinds: list | None = None,
                  line_dates: list | None = None, norm: Normalized | None = None, outlet: bool = True) -> dict:
    """Title, outlet and publication date as the text states them (None where it does not).
    `line_dates` reuses each line's absolute date (see `_dates_by_line`), `norm` the folded text;
    `outlet=False` skips looking for the outlet (the costly part) when it is known already."""
    spans = paragraph_spans(text) if spans is None else spans
    kinds = boilerplate_lines(text, spans) if kinds is None else kinds
    line_dates = _dates_by_line(spans, dates.find_dates(text)) if line_dates is None else line_dates
    lines = [text[s:e] for s, e in spans]
    meta: dict = {"title": None, "outlet": None, "published": None, "published_basis": None}
    for line, kind, found in zip(lines, kinds, line_dates):
        if kind is None and not _is_dateline(line, found) and len(line.split()) >= 2:
            meta["title"] = line
            break
    meta.update(_published(lines, kinds, line_dates))
    if not outlet:
        return meta
    norm = normalize_spans(text) if norm is None else norm
    chrome = [(s, e) for (s, e), k in zip(spans[:8], kinds[:8]) if k is not None]
    chrome += [(s, min(e, s + 80)) for s, e in spans[:6]]
    chrome += [(s, e) for (s, e), k in zip(spans, kinds) if k in ("url", "byline", "copyright")]
    folded_chrome = "\n".join(norm.folded(s, e) for s, e in chrome).lower()
    meta["outlet"] = next((o for o, pattern in _outlet_patterns() if pattern.search(folded_chrome)), None)
    return meta


def _dates_by_line(spans: list[tuple[int, int]], absolute: list) -> list:
    """For each line, its first absolute day-precision date, with offsets relative to the line."""
    usable = [d for d in absolute if d.date is not None and d.precision == "day" and not d.relative]
    starts = [d.start for d in usable]
    out = []
    for s, e in spans:
        k = bisect.bisect_left(starts, s)
        d = usable[k] if k < len(usable) and usable[k].end <= e else None
        out.append(None if d is None else dates.DateMatch(d.start - s, d.end - s, d.rule, d.date, d.precision,
                                                          d.relative, d.qualifier))
    return out


def _is_dateline(line: str, found) -> bool:
    """A line that is only a date (25-يوليو-2021, 08.04.2021), perhaps with a weekday; `found` is the
    line's absolute date (or None)."""
    return found is not None and len(line.split()) <= 6 and (found.end - found.start) >= 0.6 * len(line.strip())


def _published(lines: list[str], kinds: list[str | None], line_dates: list) -> dict:
    """The stated publication date, by the strongest evidence: a 'نشر في' line, a date-only line near the
    top, a city-and-agency dateline; an update stamp only when nothing else; crawl stamps never."""
    found = []
    for i, (line, kind, d) in enumerate(zip(lines, kinds, line_dates)):
        if d is None or (i >= 6 and kind not in ("dateline", "timestamp")):
            continue
        snippet = line[d.start:d.end]
        if kind == "dateline":
            found.append((0, i, d.date, f'stated in the text: publication line "{line.strip()[:60]}"'))
        elif i < 6 and _is_dateline(line, d):
            found.append((1, i, d.date, f'stated in the text: dateline "{snippet}"'))
        elif i < 6 and kind is None and d.start < 40 and re.match(r"\s*[\(\-–—:]", line[d.end:d.end + 3] or "-"):
            found.append((2, i, d.date, f'stated in the text: dateline "{line[:d.end + 12].strip()}"'))
        elif kind == "timestamp" and _is_update(line):
            found.append((3, i, d.date, f'stated in the text: last update "{snippet}" (publication may be earlier)'))
    if not found:
        return {}
    _, _, date, basis = min(found)
    return {"published": date, "published_basis": basis}


def _is_update(line: str) -> bool:
    return bool(re.match(r"\s*(اخر تحديث|تاريخ التحديث|تم التحديث|محدث|updated|last updated)", normalize(line), re.I))


# ------------------------------------------------------------------ parsing one article
@dataclass
class Segmented:
    """An article cut into lines and sentences, with what every extractor shares: the folded text,
    the date scan, and the metadata (publication date) relative dates are resolved against."""

    article: Article
    norm: Normalized
    scanned: list
    found: list  # the dates, resolved against the article's given publication date (if any)
    meta: dict
    published: dt.date | None
    sentences: list[dict]
    content: list[dict]


def segment(article: Article) -> Segmented:
    """Lines, boilerplate, metadata from the text, sentences: the first step of `parse_article`."""
    text = article.text
    spans = paragraph_spans(text)
    norm = normalize_spans(text)
    kinds = boilerplate_lines(text, spans, norm)
    scanned = dates.scan(norm)
    found = dates.find_dates(text, article.published, norm, scanned)
    line_dates = _dates_by_line(spans, found)  # absolute dates only: the same with or without an anchor
    meta = text_metadata(text, spans, kinds, line_dates, norm, outlet=not article.outlet)
    sentences = _sentences(article.article_id, text, spans, kinds, line_dates)
    return Segmented(article, norm, scanned, found, meta, article.published or meta["published"], sentences,
                     [s for s in sentences if not s["boilerplate"]])


def parse_article(article: Article) -> dict[str, list[dict]]:
    """All rows one article contributes to each frame: a pure function of the article."""
    seg = segment(article)
    text, aid, norm, published = article.text, article.article_id, seg.norm, seg.published
    meta = seg.meta
    basis = article.published_basis if article.published else meta["published_basis"]
    row = {"article_id": aid, "path": article.path, "title": article.title or meta["title"],
           "outlet": article.outlet or meta["outlet"], "published": published, "published_basis": basis,
           "round": article.round, "n_chars": len(text), "n_words": len(norm.words),
           "encoding": article.encoding, "text": text}
    date_rows = dates.extract(aid, text, published, norm, seg.scanned,
                              seg.found if published == article.published else None)
    return {
        "articles": [row],
        "sentences": seg.sentences,
        "dates": date_rows,
        "troops": troops.extract(aid, text, seg.content, date_rows, published, norm),
        "rounds": rounds.extract(aid, text, seg.content, date_rows, norm),
        "statements": quotes.extract(aid, text, seg.sentences, published, norm),
        "themes": themes.extract(aid, text, seg.content, norm),
    }


def _sentences(aid: str, text: str, spans: list[tuple[int, int]], kinds: list, line_dates: list) -> list[dict]:
    """Sentence rows; a date-only line near the top (a dateline) is flagged like other page chrome."""
    rows = []
    for p, ((ps, pe), kind, found) in enumerate(zip(spans, kinds, line_dates)):
        if kind is None and p < 6 and _is_dateline(text[ps:pe], found):
            kind = "dateline"
        for s, e in split_line(text, ps, pe):
            rows.append({"article_id": aid, "sentence_id": len(rows), "paragraph_id": p, "start": s, "end": e,
                         "text": text[s:e], "boilerplate": kind is not None, "boilerplate_kind": kind})
    return rows


# ------------------------------------------------------------------ the corpus
def load_corpus(path: str | Path | None = None, *, strict: bool = False, workers: int = 1,
                cache: bool | str | Path | None = None, progress: bool | None = None) -> Corpus:
    """Read Arabic articles into a `Corpus`: a folder of .txt files (default: the repo's seeds) with an
    optional catalog.csv, or a JSONL, CSV or Parquet file with one article a row.

    Files or rows that cannot be read become rows of `problems` (path, row, severity, reason) and the
    others load; with `strict=True` any error-level problem raises `CorpusError` listing every problem.
    `workers` parses in that many processes (same result as one). `cache` keeps parsed articles on disk
    in Parquet (True: the default folder, see `analysis.cache`; a path: that folder; None: only for
    inputs of 200 articles or more). `progress` shows a progress bar (None: when there is much to parse).
    """
    source = Path(path) if path is not None else SEEDS
    if not source.exists():
        raise FileNotFoundError(f"{source}: no such folder or file")
    store = digest = None
    if cache is not False and (source.is_file() or source.is_dir()):
        from .cache import ParseCache, input_digest
        digest = input_digest(source)
        store = ParseCache(str(source.resolve()), None if cache in (None, True) else cache)
        hit = store.whole(digest)
        if hit is not None:  # the whole input is unchanged: nothing to read or parse
            frames, cached_problems = hit
            _raise_if_strict(strict, source, cached_problems.to_dict("records"))
            return Corpus(**frames, problems=_problems_frame(cached_problems.to_dict("records")))
    articles, problems = read_input(source)
    if not articles and not problems:
        problems.append(_problem(source, "error", "no .txt files in the folder"))
    _raise_if_strict(strict, source, problems)
    if store is None or (cache is None and len(articles) < 200):
        return build_corpus(parse_many(articles, workers, progress), problems)
    return _load_cached(store, digest, articles, problems, workers, progress)


def _raise_if_strict(strict: bool, source: Path, problems: list[dict]) -> None:
    if strict and any(p["severity"] == "error" for p in problems):
        lines = "\n".join(f"  {_where(p)}: {p['reason']}" for p in problems)
        raise CorpusError(f"{len(problems)} problem(s) reading {source}:\n{lines}")


def _where(problem: dict) -> str:
    return problem["path"] if problem.get("row") is None else f"{problem['path']} row {problem['row']}"


def parse_many(articles: list[Article], workers: int = 1, progress: bool | None = None) -> list[dict]:
    """`parse_article` over many articles, in `workers` processes, in input order."""
    from tqdm import tqdm
    show = (len(articles) > 300) if progress is None else progress
    bar = tqdm(total=len(articles), desc="parsing", unit="article", disable=not show)
    try:
        if workers <= 1 or len(articles) < 2:
            out = []
            with _gc_paused():
                for a in articles:
                    out.append(parse_article(a))
                    bar.update()
            return out
        from concurrent.futures import ProcessPoolExecutor
        chunk = max(1, min(256, len(articles) // (workers * 8)))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            out = []
            for parsed in pool.map(parse_article, articles, chunksize=chunk):
                out.append(parsed)
                bar.update()
            return out
    finally:
        bar.close()


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
                 progress: bool | None) -> Corpus:
    """Parse only the articles the cache does not hold, then record the whole input."""
    from .cache import article_key
    keys = [article_key(a) for a in articles]
    todo = [(a, k) for a, k in zip(articles, keys) if k not in store.keys]
    fresh = {}
    if todo:
        parsed = parse_many([a for a, _ in todo], workers, progress)
        for (_, key), rows in zip(todo, parsed):
            for frame_rows in rows.values():
                for row in frame_rows:
                    row["_key"] = key
        built = build_corpus(parsed, [], extra_columns=("_key",))
        fresh = {name: getattr(built, name) for name in FRAMES}
    store.put(fresh, keys)
    problem_frame = _problems_frame(problems)
    store.record(digest, problem_frame)
    return Corpus(**{name: store.frames[name].drop(columns=["_key"]) for name in FRAMES},
                  problems=problem_frame)




def build_corpus(parsed: list[dict[str, list[dict]]], problems: list[dict],
                 extra_columns: tuple[str, ...] = ()) -> Corpus:
    """Typed frames from the rows of many parsed articles."""
    def rows(name: str) -> list[dict]:
        return [r for p in parsed for r in p[name]]
    frames = {
        "articles": _typed(pd.DataFrame(rows("articles"), columns=[*ARTICLE_COLUMNS, *extra_columns]), dates_=("published",),
                           ints=("round",)),
        "sentences": _typed(pd.DataFrame(rows("sentences"), columns=[*SENTENCE_COLUMNS, *extra_columns])),
        "dates": _typed(pd.DataFrame(rows("dates"), columns=[*dates.COLUMNS, *extra_columns]), dates_=("date",)),
        "troops": _typed(pd.DataFrame(rows("troops"), columns=[*troops.COLUMNS, *extra_columns]), dates_=("as_of", "as_of_end")),
        "rounds": _typed(pd.DataFrame(rows("rounds"), columns=[*rounds.COLUMNS, *extra_columns]), dates_=("date",), ints=("round",)),
        "statements": _typed(pd.DataFrame(rows("statements"), columns=[*quotes.COLUMNS, *extra_columns])),
        "themes": _typed(pd.DataFrame(rows("themes"), columns=[*themes.COLUMNS, *extra_columns])),
        "problems": _problems_frame(problems),
    }
    return Corpus(**frames)


def _problems_frame(problems: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(problems, columns=PROBLEM_COLUMNS)
    frame["row"] = frame["row"].astype("Int64")
    for col in ("path", "severity", "reason"):
        frame[col] = frame[col].astype("string")
    return frame


def _typed(frame: pd.DataFrame, dates_: tuple[str, ...] = (), ints: tuple[str, ...] = ()) -> pd.DataFrame:
    for col in dates_:
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
    for col in ints:
        frame[col] = frame[col].astype("Int64")
    for col in frame.columns:
        if col in ("start", "end", "sentence_id", "paragraph_id", "n_chars", "n_words", "speaker_start",
                   "speaker_end"):
            frame[col] = frame[col].astype("Int64" if frame[col].isna().any() else "int64")
    for col in ("boilerplate", "relative", "approximate"):
        if col in frame.columns:
            frame[col] = frame[col].astype(bool)
    return frame.reset_index(drop=True)
