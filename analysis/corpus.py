"""Reading a corpus: files and the optional catalog into `Corpus`, a set of pandas frames.

`load_corpus(path)` reads a folder of `.txt` articles (UTF-8 with or without BOM, CRLF, or Windows-1256),
merges the optional hand-curated `catalog.csv` beside them, and parses every article with `parse_article`,
a pure function of one article's text and metadata. Files it cannot read become rows of `problems`;
the other articles still load.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import dates, lexicons, quotes, rounds, themes, troops
from .text import boilerplate_lines, normalize, normalize_spans, paragraph_spans, split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CATALOG = "catalog.csv"
CATALOG_COLUMNS = ["article_id", "outlet", "published", "published_basis", "round", "notes"]
ARTICLE_COLUMNS = ["article_id", "path", "title", "outlet", "published", "published_basis", "round",
                   "n_chars", "n_words", "encoding", "text"]
SENTENCE_COLUMNS = ["article_id", "sentence_id", "paragraph_id", "start", "end", "text", "boilerplate",
                    "boilerplate_kind"]
PROBLEM_COLUMNS = ["path", "severity", "reason"]


class CorpusError(ValueError):
    """Raised by `load_corpus(strict=True)`: the message lists every problem, one per line."""


@dataclass(frozen=True)
class Article:
    """One decoded article and the metadata known before parsing (catalog or input columns)."""

    article_id: str
    text: str
    path: str = ""
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_basis: str | None = None
    round: int | None = None
    encoding: str = "utf-8"


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
    extra: dict = field(default_factory=dict, repr=False)

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


# ------------------------------------------------------------------ decoding
def decode(data: bytes) -> tuple[str, str, str | None]:
    """(text, encoding, caveat) of raw bytes; raises ValueError with the reason when not text."""
    if not data.strip():
        raise ValueError("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, enc, caveat = data.decode("utf-16"), "utf-16", "decoded as UTF-16 (byte order mark)"
    elif b"\x00" in data:
        raise ValueError("binary file: contains NUL bytes")
    else:
        try:
            text, enc, caveat = data.decode("utf-8-sig"), "utf-8", None
        except UnicodeDecodeError as err:
            text, enc = _decode_cp1256(data, err)
            caveat = "not UTF-8: decoded as Windows-1256 (legacy Arabic encoding)"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _control_ratio(text) > 0.05:
        raise ValueError("binary file: too many control characters for text")
    if not text.strip():
        raise ValueError("empty file")
    return text, enc, caveat


def _decode_cp1256(data: bytes, err: UnicodeDecodeError) -> tuple[str, str]:
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise ValueError(f"undecodable: not UTF-8 ({err.reason} at byte {err.start}) nor Windows-1256") from None
    letters = [c for c in text if c.isalpha()]
    arabic = sum("\u0600" <= c <= "\u06ff" for c in letters)
    if not letters or arabic / len(letters) < 0.3:
        raise ValueError(f"undecodable: not UTF-8 ({err.reason} at byte {err.start}), "
                         "and as Windows-1256 it is not Arabic text")
    return text, "cp1256"


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\t\f\v") or 0x7f <= ord(c) < 0xa0)
    return bad / max(1, len(sample))


# ------------------------------------------------------------------ catalog
def read_catalog(path: Path) -> tuple[dict[str, dict], list[dict]]:
    """Catalog rows keyed by article_id, and problems for the rows that could not be used."""
    problems, rows = [], {}
    try:
        text, _, _ = decode(path.read_bytes())
    except (OSError, ValueError) as err:
        return {}, [_problem(path, "error", f"catalog unreadable: {err}")]
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    missing = [c for c in ("article_id", "published") if c not in header]
    if missing:
        return {}, [_problem(path, "error", f"catalog has no column {', '.join(missing)}")]
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        where = f"catalog row {number}"
        if len(values) != len(header):
            problems.append(_problem(path, "error", f"{where}: {len(values)} fields, expected {len(header)}"))
            continue
        row = {k: v.strip() for k, v in zip(header, values)}
        try:
            row["published"] = dt.date.fromisoformat(row["published"]) if row.get("published") else None
            row["round"] = int(row["round"]) if row.get("round") else None
        except ValueError as err:
            problems.append(_problem(path, "error", f"{where} ({row['article_id']}): {err}"))
            continue
        if not row["article_id"]:
            problems.append(_problem(path, "error", f"{where}: empty article_id"))
        elif row["article_id"] in rows:
            problems.append(_problem(path, "error", f"{where}: duplicate article_id {row['article_id']}"))
        else:
            rows[row["article_id"]] = row
    return rows, problems


def _problem(path: Path | str, severity: str, reason: str) -> dict:
    return {"path": str(path), "severity": severity, "reason": reason}


# ------------------------------------------------------------------ metadata from the text
@lru_cache(maxsize=1)
def _outlet_patterns() -> list[tuple[str, re.Pattern[str]]]:
    table = lexicons.table("outlets")
    return [(o, re.compile(normalize(p), re.IGNORECASE)) for o, p in zip(table["outlet"], table["pattern"])]


def text_metadata(text: str, spans: list[tuple[int, int]] | None = None, kinds: list | None = None,
                  absolute: list | None = None) -> dict:
    """Title, outlet and publication date as the text states them (None where it does not).
    `absolute` reuses the article's dates found without an anchor."""
    spans = paragraph_spans(text) if spans is None else spans
    kinds = boilerplate_lines(text, spans) if kinds is None else kinds
    absolute = dates.find_dates(text) if absolute is None else absolute
    lines = [text[s:e] for s, e in spans]
    meta: dict = {"title": None, "outlet": None, "published": None, "published_basis": None}
    line_dates = _dates_by_line(spans, absolute)
    for line, kind, found in zip(lines, kinds, line_dates):
        if kind is None and not _is_dateline(line, found) and len(line.split()) >= 2:
            meta["title"] = line
            break
    chrome = [ln for ln, k in zip(lines[:8], kinds[:8]) if k is not None] + [ln[:80] for ln in lines[:6]]
    chrome += [ln for ln, k in zip(lines, kinds) if k in ("url", "byline", "copyright")]
    chrome_folded = "\n".join(normalize(ln) for ln in chrome)
    for outlet, pattern in _outlet_patterns():
        if pattern.search(chrome_folded):
            meta["outlet"] = outlet
            break
    meta.update(_published(lines, kinds, line_dates))
    return meta


def _dates_by_line(spans: list[tuple[int, int]], absolute: list) -> list:
    """For each line, its first absolute day-precision date, with offsets relative to the line."""
    out = []
    for s, e in spans:
        d = next((d for d in absolute if s <= d.start and d.end <= e and d.date is not None
                  and d.precision == "day" and not d.relative), None)
        out.append(None if d is None else dates.DateMatch(d.start - s, d.end - s, d.rule, d.date, d.precision,
                                                          d.relative, d.qualifier))
    return out


def _is_dateline(line: str, found=False) -> bool:
    """A line that is only a date (25-يوليو-2021, 08.04.2021), perhaps with a weekday."""
    if len(line.split()) > 6:
        return False
    d = dates.parse_date(line) if found is False else found
    return d is not None and (d.end - d.start) >= 0.6 * len(line.strip())


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
def parse_article(article: Article) -> dict[str, list[dict]]:
    """All rows one article contributes to each frame: a pure function of the article."""
    text, aid = article.text, article.article_id
    spans = paragraph_spans(text)
    kinds = boilerplate_lines(text, spans)
    norm = normalize_spans(text)
    scanned = dates.scan(norm)
    meta = text_metadata(text, spans, kinds, dates.find_dates(text, None, norm, scanned))
    published = article.published or meta["published"]
    basis = article.published_basis if article.published else meta["published_basis"]
    words = len(re.findall(r"\w+", text))
    row = {"article_id": aid, "path": article.path, "title": article.title or meta["title"],
           "outlet": article.outlet or meta["outlet"], "published": published, "published_basis": basis,
           "round": article.round, "n_chars": len(text), "n_words": words, "encoding": article.encoding,
           "text": text}
    sentences = _sentences(aid, text, spans, kinds)
    date_rows = dates.extract(aid, text, published, norm, scanned)
    content = [s for s in sentences if not s["boilerplate"]]
    return {
        "articles": [row],
        "sentences": sentences,
        "dates": date_rows,
        "troops": troops.extract(aid, text, content, date_rows, published, norm),
        "rounds": rounds.extract(aid, text, content, date_rows, norm),
        "statements": quotes.extract(aid, text, sentences, published, norm),
        "themes": themes.extract(aid, text, content, norm),
    }


def _sentences(aid: str, text: str, spans: list[tuple[int, int]] | None = None, kinds: list | None = None) -> list[dict]:
    spans = paragraph_spans(text) if spans is None else spans
    kinds = boilerplate_lines(text, spans) if kinds is None else kinds
    rows = []
    for p, ((ps, pe), kind) in enumerate(zip(spans, kinds)):
        if kind is None and p < 6 and _is_dateline(text[ps:pe]):
            kind = "dateline"
        for s, e in split_sentences(text, ps, pe):
            rows.append({"article_id": aid, "sentence_id": len(rows), "paragraph_id": p, "start": s, "end": e,
                         "text": text[s:e], "boilerplate": kind is not None, "boilerplate_kind": kind})
    return rows


# ------------------------------------------------------------------ the corpus
def read_folder(folder: Path) -> tuple[list[Article], list[dict]]:
    """Articles from every .txt file in `folder` (sorted by name), merged with its catalog."""
    problems: list[dict] = []
    catalog: dict[str, dict] = {}
    if (folder / CATALOG).exists():
        catalog, problems = read_catalog(folder / CATALOG)
    articles = []
    files = sorted(folder.glob("*.txt"))
    for path in files:
        try:
            text, enc, caveat = decode(path.read_bytes())
        except (OSError, ValueError) as err:
            problems.append(_problem(path, "error", str(err)))
            continue
        if caveat:
            problems.append(_problem(path, "warning", caveat))
        meta = catalog.get(path.stem, {})
        basis = (f"catalog: {meta.get('published_basis') or 'no basis given'}" if meta.get("published") else None)
        articles.append(Article(path.stem, text, str(path), title=meta.get("title") or None,
                                outlet=meta.get("outlet") or None, published=meta.get("published"),
                                published_basis=basis, round=meta.get("round"), encoding=enc))
    stems = {p.stem for p in files}
    for aid in catalog:
        if aid not in stems:
            problems.append(_problem(folder / CATALOG, "warning", f"catalog lists {aid}, but there is no {aid}.txt"))
    return articles, problems


def load_corpus(path: str | Path | None = None, *, strict: bool = False) -> Corpus:
    """Read a folder of Arabic articles (default: the repo's seeds) into a `Corpus`.

    Files that cannot be read become rows of `problems` (path, severity, reason) and the others load;
    with `strict=True` any error-level problem raises `CorpusError` listing every problem.
    """
    folder = Path(path) if path is not None else SEEDS
    if not folder.exists():
        raise FileNotFoundError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder}: expected a folder of .txt articles")
    articles, problems = read_folder(folder)
    if not articles and not problems:
        problems.append(_problem(folder, "error", "no .txt files in the folder"))
    if strict and any(p["severity"] == "error" for p in problems):
        lines = "\n".join(f"  {p['path']}: {p['reason']}" for p in problems)
        raise CorpusError(f"{len(problems)} problem(s) reading {folder}:\n{lines}")
    return build_corpus([parse_article(a) for a in articles], problems)


def build_corpus(parsed: list[dict[str, list[dict]]], problems: list[dict]) -> Corpus:
    """Typed frames from the rows of many parsed articles."""
    def rows(name: str) -> list[dict]:
        return [r for p in parsed for r in p[name]]
    frames = {
        "articles": _typed(pd.DataFrame(rows("articles"), columns=ARTICLE_COLUMNS), dates_=("published",),
                           ints=("round",)),
        "sentences": _typed(pd.DataFrame(rows("sentences"), columns=SENTENCE_COLUMNS)),
        "dates": _typed(pd.DataFrame(rows("dates"), columns=dates.COLUMNS), dates_=("date",)),
        "troops": _typed(pd.DataFrame(rows("troops"), columns=troops.COLUMNS), dates_=("as_of", "as_of_end")),
        "rounds": _typed(pd.DataFrame(rows("rounds"), columns=rounds.COLUMNS), dates_=("date",), ints=("round",)),
        "statements": _typed(pd.DataFrame(rows("statements"), columns=quotes.COLUMNS)),
        "themes": _typed(pd.DataFrame(rows("themes"), columns=themes.COLUMNS)),
        "problems": pd.DataFrame(problems, columns=PROBLEM_COLUMNS).astype("string"),
    }
    return Corpus(**frames)


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
