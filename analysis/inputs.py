"""Reading inputs: a folder of .txt articles with an optional catalog, or a JSONL, CSV or Parquet file
with one article a row. Every file or row that cannot be used becomes a problem that names it and says
why; the others are read.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

CATALOG = "catalog.csv"
TABLE_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")
# accepted column names of tabular inputs, the first one being the canonical name
COLUMN_ALIASES = {
    "text": ("text", "content", "body", "article", "article_text"),
    "article_id": ("article_id", "id", "doc_id", "uid"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "site", "publisher"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at", "pub_date", "publication_date"),
}


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
    url: str | None = None


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


def _problem(path: Path | str, severity: str, reason: str, row: int | None = None) -> dict:
    return {"path": str(path), "row": row, "severity": severity, "reason": reason}


def read_input(path: Path) -> tuple[list[Article], list[dict]]:
    """Articles and problems from a folder of .txt files or a JSONL / CSV / Parquet file."""
    if path.is_dir():
        return read_folder(path)
    if path.suffix.lower() in TABLE_SUFFIXES:
        return read_table(path)
    raise ValueError(f"{path}: expected a folder of .txt articles or a {', '.join(TABLE_SUFFIXES)} file")


def read_table(path: Path) -> tuple[list[Article], list[dict]]:
    """One article per row; rows are numbered from 1 as a reader counts them (data rows, no header)."""
    try:
        rows = _rows(path)
    except Exception as err:  # a file pandas or json cannot read at all
        return [], [_problem(path, "error", f"unreadable {path.suffix[1:]} file: {err}")]
    problems: list[dict] = []
    if rows and not any(_get(r, "text") is not None for r in rows[:1000]):
        names = ", ".join(COLUMN_ALIASES["text"])
        return [], [_problem(path, "error", f"no text column (one of: {names})")]
    articles, seen = [], set()
    for number, row in enumerate(rows, start=1):
        article, row_problems = row_article(row, str(path), number)
        if article is not None and article.article_id in seen:
            article, row_problems = None, [_problem(path, "error", f"duplicate id {article.article_id}", number)]
        problems.extend(row_problems)
        if article is not None:
            seen.add(article.article_id)
            articles.append(article)
    return articles, problems


def row_article(row: dict | None, source: str, number: int) -> tuple[Article | None, list[dict]]:
    """The article of one input row (None when the row cannot give one) and the row's problems."""
    if row is None:
        return None, [_problem(source, "error", "not a JSON object", number)]
    text = _get(row, "text")
    if not isinstance(text, str) or not text.strip():
        return None, [_problem(source, "error", "missing text", number)]
    problems = []
    published, basis = _published(_get(row, "published"))
    if published is False:
        problems.append(_problem(source, "warning", f"unparseable date {_get(row, 'published')!r}: "
                                 "taken from the text where it states one", number))
        published, basis = None, None
    aid = str(_get(row, "article_id") or f"{Path(source).stem}-{number}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Article(aid, text, f"{source}:{number}", title=_str(_get(row, "title")), outlet=_str(_get(row, "outlet")),
                   published=published, published_basis=basis, url=_str(_get(row, "url"))), problems


def _rows(path: Path) -> list[dict | None]:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        out: list[dict | None] = []
        text, _, _ = decode(path.read_bytes())
        for line in text.split("\n"):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError:
                value = None
            out.append(value if isinstance(value, dict) else None)
        return out
    if suffix == ".csv":
        text, _, _ = decode(path.read_bytes())
        return list(csv.DictReader(io.StringIO(text)))
    return pd.read_parquet(path).to_dict("records")


def _get(row: dict, name: str):
    for key in COLUMN_ALIASES[name]:
        if key in row and not _missing(row[key]):
            return row[key]
    return None


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NaT or value == ""


def _str(value) -> str | None:
    return None if _missing(value) else str(value)


def _published(value) -> tuple[dt.date | None | bool, str | None]:
    """(date, basis) from a published cell; (False, None) when the cell holds something that is no date."""
    if _missing(value):
        return None, None
    if isinstance(value, (dt.date, pd.Timestamp)):
        return pd.Timestamp(value).date(), "input: published column"
    try:
        return pd.Timestamp(str(value)).date(), "input: published column"
    except (ValueError, TypeError):
        from .dates import parse_date
        found = parse_date(str(value))
        return (found.date, "input: published column") if found else (False, None)
