"""Reading inputs: a folder of .txt articles with an optional catalog, or a JSONL, CSV or Parquet file
with one article a row. Every file or row that cannot be used becomes a problem that names it and says
why; the others are read. Bytes become text in `analysis.decoding`: a bad byte costs its row (or, in a
.txt file, a U+FFFD and a warning), never the file.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .decoding import REPLACEMENT, Decoded, decode, decode_bytes, damage_by_line, describe, line_starts  # noqa: F401

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
# the days pandas' datetime64[ns] can hold
FIRST_DAY, LAST_DAY = dt.date(1677, 9, 22), dt.date(2262, 4, 11)


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
    row: int | None = None  # its row in a table input (then `path` is "file:row")


def origin(article: Article) -> tuple[str, int | None]:
    """(file, row) of an article, as a problem names them."""
    suffix = f":{article.row}"
    if article.row is not None and article.path.endswith(suffix):
        return article.path[:-len(suffix)], article.row
    return article.path, article.row


def problem(path: Path | str, severity: str, reason: str, row: int | None = None) -> dict:
    """A row of `Corpus.problems`."""
    return {"path": shown(path), "row": row, "severity": severity, "reason": reason}




def shown(path: Path | str) -> str:
    """A path as a string that can be stored anywhere: a file name that is not UTF-8 (Windows-1256
    bytes from a zip, say) keeps its bytes as \\xNN escapes."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def out_of_pandas_range(value) -> bool:
    """Whether a date lies outside the days pandas can hold (1677-09-22 to 2262-04-11); None is not."""
    if not isinstance(value, dt.date) or value is pd.NaT:
        return False
    day = value.date() if isinstance(value, dt.datetime) else value
    return not FIRST_DAY <= day <= LAST_DAY


def range_reason(value) -> str:
    return f"date {value} is outside the range pandas can hold ({FIRST_DAY} to {LAST_DAY})"


# ------------------------------------------------------------------ catalog
def read_catalog(path: Path) -> tuple[dict[str, dict], list[dict]]:
    """Catalog rows keyed by article_id, and problems for the rows that could not be used."""
    problems, rows = [], {}
    try:
        text, _, caveat = decode(path.read_bytes())
    except (OSError, ValueError) as err:
        return {}, [problem(path, "error", f"catalog unreadable: {_reason(err)}")]
    if caveat:
        problems.append(problem(path, "warning", caveat))
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    missing = [c for c in ("article_id", "published") if c not in header]
    if missing:
        return {}, [*problems, problem(path, "error", f"catalog has no column {', '.join(missing)}")]
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        where = f"catalog row {number}"
        if len(values) != len(header):
            problems.append(problem(path, "error", f"{where}: {len(values)} fields, expected {len(header)}"))
            continue
        row = {k: v.strip() for k, v in zip(header, values)}
        try:
            row["published"] = dt.date.fromisoformat(row["published"]) if row.get("published") else None
            row["round"] = int(row["round"]) if row.get("round") else None
        except ValueError as err:
            problems.append(problem(path, "error", f"{where} ({row['article_id']}): {err}"))
            continue
        if out_of_pandas_range(row["published"]):
            problems.append(problem(path, "error", f"{where} ({row['article_id']}): {range_reason(row['published'])}: "
                                    "the article is read without it"))
            row["published"] = None
        if not row["article_id"]:
            problems.append(problem(path, "error", f"{where}: empty article_id"))
        elif row["article_id"] in rows:
            problems.append(problem(path, "error", f"{where}: duplicate article_id {row['article_id']}"))
        else:
            rows[row["article_id"]] = row
    return rows, problems


# ------------------------------------------------------------------ a folder of .txt files
def article_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """The folder's article files (*.txt in any case, sorted by name; whatever they are, so that each
    that cannot be read becomes a problem) and its subfolders, which are not read (hidden ones aside)."""
    files, subfolders = [], []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() == ".txt":
            files.append(path)
        elif path.is_dir() and not path.name.startswith((".", "__")):
            subfolders.append(path)
    return files, subfolders


def read_folder(folder: Path) -> tuple[list[Article], list[dict]]:
    """Articles from every .txt file in `folder` (sorted by name), merged with its catalog."""
    problems: list[dict] = []
    catalog: dict[str, dict] = {}
    if (folder / CATALOG).exists():
        catalog, problems = read_catalog(folder / CATALOG)
    files, subfolders = article_files(folder)
    if subfolders:
        names = ", ".join(shown(p.name) for p in subfolders[:5]) + (", …" if len(subfolders) > 5 else "")
        problems.append(problem(folder, "warning", f"{len(subfolders)} subfolder(s) not read (only the .txt files "
                                "directly in the folder are): {names}".format(names=names)))
    articles, seen = [], {}
    for path in files:
        aid, name = shown(path.stem), shown(path)
        if name != str(path):
            problems.append(problem(path, "warning", f"file name is not valid UTF-8: read as {shown(path.name)}"))
        if aid in seen:
            problems.append(problem(path, "error", f"duplicate article id {aid}: {shown(seen[aid].name)} is read, "
                                    "this file is not"))
            continue
        try:
            text, enc, caveat = decode(path.read_bytes())
        except (OSError, ValueError) as err:
            problems.append(problem(path, "error", _reason(err)))
            continue
        seen[aid] = path
        if caveat:
            problems.append(problem(path, "warning", caveat))
        meta = catalog.get(aid, {})
        basis = (f"catalog: {meta.get('published_basis') or 'no basis given'}" if meta.get("published") else None)
        articles.append(Article(aid, text, name, title=meta.get("title") or None,
                                outlet=meta.get("outlet") or None, published=meta.get("published"),
                                published_basis=basis, round=meta.get("round"), encoding=enc))
    for aid in catalog:
        if aid not in seen:
            problems.append(problem(folder / CATALOG, "warning", f"catalog lists {aid}, but there is no {aid}.txt"))
    return articles, problems


def _reason(err: Exception) -> str:
    """Why a file could not be read, without its path (the problem row names it already)."""
    if isinstance(err, IsADirectoryError):
        return "unreadable: a folder, not a file"
    if isinstance(err, OSError):
        return f"unreadable: {err.strerror or err}"
    return str(err)


def read_input(path: Path) -> tuple[list[Article], list[dict]]:
    """Articles and problems from a folder of .txt files or a JSONL / CSV / Parquet file."""
    if path.is_dir():
        return read_folder(path)
    if path.suffix.lower() in TABLE_SUFFIXES:
        return read_table(path)
    raise ValueError(f"{path}: expected a folder of .txt articles or a {', '.join(TABLE_SUFFIXES)} file")


# ------------------------------------------------------------------ tables: one article a row
@dataclass
class Row:
    """One row of a table input: its cells (None when the row is not usable) and its own problems."""

    cells: dict | None
    notes: list[tuple[str, str]]  # (severity, reason)


def read_table(path: Path) -> tuple[list[Article], list[dict]]:
    """One article per row; rows are numbered from 1 as a reader counts them (data rows, no header)."""
    try:
        rows, encoding, problems = _rows(path)
    except Exception as err:  # a file pandas or json cannot read at all
        reason = _reason(err).removeprefix("unreadable: ")
        return [], [problem(path, "error", f"unreadable {path.suffix[1:]} file: {reason}")]
    usable = [r.cells for r in rows if r.cells is not None]
    if usable and not any(_get(r, "text") is not None for r in usable[:1000]):
        names = ", ".join(COLUMN_ALIASES["text"])
        return [], [*problems, problem(path, "error", f"no text column (one of: {names})")]
    articles, seen = [], set()
    for number, row in enumerate(rows, start=1):
        row_problems = [problem(path, severity, reason, number) for severity, reason in row.notes]
        article = None
        if row.cells is not None:
            article, more = row_article(row.cells, str(path), number, encoding)
            row_problems += more
        if article is not None and article.article_id in seen:
            row_problems.append(problem(path, "error", f"duplicate id {article.article_id}", number))
            article = None
        problems.extend(row_problems)
        if article is not None:
            seen.add(article.article_id)
            articles.append(article)
    return articles, problems


def row_article(row: dict | None, source: str, number: int, encoding: str = "utf-8") -> tuple[Article | None, list[dict]]:
    """The article of one input row (None when the row cannot give one) and the row's problems."""
    if row is None:
        return None, [problem(source, "error", "not a JSON object", number)]
    text = _get(row, "text")
    problems = []
    if isinstance(text, (bytes, bytearray)):
        try:
            text, encoding, caveat = decode(bytes(text))
        except ValueError as err:
            return None, [problem(source, "error", f"text cell of {len(text)} bytes: {err}", number)]
        if caveat:
            problems.append(problem(source, "warning", f"text cell of bytes: {caveat}", number))
    if text is None or (isinstance(text, str) and not text.strip()):
        return None, [problem(source, "error", "missing text", number)]
    if not isinstance(text, str):
        kind = "a list" if hasattr(text, "__len__") and not isinstance(text, dict) else type(text).__name__
        return None, [problem(source, "error", f"text is {kind} ({_preview(text)}), not a string", number)]
    published, basis = _published(_get(row, "published"))
    if published is False or out_of_pandas_range(published):
        value = _get(row, "published")
        why = range_reason(published) if published else f"unparseable date {value!r}"
        problems.append(problem(source, "warning", f"{why}: taken from the text where it states one", number))
        published, basis = None, None
    aid = _get(row, "article_id")
    aid = f"{Path(source).stem}-{number}" if aid is None else str(aid)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Article(aid, text, f"{shown(source)}:{number}", title=_str(_get(row, "title")),
                   outlet=_str(_get(row, "outlet")), published=published, published_basis=basis,
                   encoding=encoding, url=_str(_get(row, "url")), row=number), problems


def _preview(value, width: int = 40) -> str:
    text = repr(value if not hasattr(value, "tolist") else value.tolist())
    return text if len(text) <= width else text[:width - 1] + "…"


def _rows(path: Path) -> tuple[list[Row], str, list[dict]]:
    """The rows of a table, the file's encoding, and problems about the whole file."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return [Row(r, []) for r in pd.read_parquet(path).to_dict("records")], "utf-8", []
    decoded = decode_bytes(path.read_bytes())
    problems = [problem(path, "warning", decoded.caveat)] if decoded.caveat else []
    rows, note = (csv_rows if suffix == ".csv" else jsonl_rows)(decoded)
    if note:
        problems.append(problem(path, "warning", note))
    return rows, decoded.encoding, problems


def jsonl_rows(decoded: Decoded) -> tuple[list[Row], str | None]:
    """JSON Lines, one object a line; a line of several objects (a lost line break) gives each its row,
    and a file that is one JSON array gives a row per element. The second value is a note on the file."""
    text = decoded.text
    if text.lstrip()[:1] == "[":
        return _json_array(decoded)
    damaged, nul = _damage_by_line(decoded)
    rows: list[Row] = []
    for index, line in enumerate(io.StringIO(text, newline="")):
        if index in nul:
            line = line.replace("\x00", "")
        if not line.strip():
            continue
        notes = [("warning", n) for n in describe(damaged[index])] if index in damaged else []
        values = _json_values(line)
        if len(values) > 1:
            first = len(rows) + 1
            notes.append(("warning", f"{len(values)} JSON objects on one line (a lost line break?): read as rows "
                                     f"{first} to {first + len(values) - 1}"))
        for value in values:
            if not isinstance(value, dict):
                value, notes = None, [*notes, ("error", "not a JSON object")]
            rows.append(Row(value, notes))
            notes = []
    if rows and all(r.cells is None for r in rows):
        raise ValueError(f"no line is a JSON object: not JSON Lines (line 1 starts {text.lstrip()[:30]!r})")
    return rows, None


def _damage_by_line(decoded: Decoded) -> tuple[dict, set]:
    """The damage of each line, and the lines that hold NUL bytes."""
    if not decoded.damage:
        return {}, set()
    damaged = damage_by_line(decoded.damage, line_starts(decoded.text))
    return damaged, {i for i, found in damaged.items() if any(d.kind == "nul" for d in found)}


def _json_values(line: str) -> list:
    """The JSON value(s) of one line: normally one; where damage replaced a line break (U+FFFD before a
    "{"), one per piece; None for a piece that is not JSON (damage at its ends is ignored)."""
    try:
        return [json.loads(line)]
    except json.JSONDecodeError:
        pass
    if REPLACEMENT not in line:
        return [None]
    values = []
    for part in _LOST_BREAK.split(line):
        try:
            values.append(json.loads(part.strip(" \t\r\n" + REPLACEMENT)))
        except json.JSONDecodeError:
            values.append(None)
    return values


_LOST_BREAK = re.compile(REPLACEMENT + r"+(?=\s*\{)")


def _json_array(decoded: Decoded) -> tuple[list[Row], str | None]:
    text = decoded.text.replace("\x00", "")
    try:
        values = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"a JSON array (not JSON Lines) that is not valid JSON: {err}") from None
    if not isinstance(values, list):
        raise ValueError("not JSON Lines")
    rows = [Row(v, []) if isinstance(v, dict) else Row(None, [("error", "not a JSON object")]) for v in values]
    return rows, "; ".join(describe(decoded.damage)) or None


def csv_rows(decoded: Decoded) -> tuple[list[Row], str | None]:
    """CSV with a header row; each record knows the lines it spans, so that damage is its own. A record
    with more or fewer fields than the header is not read (its cells would be shifted). The second value
    is a note on damage in the header."""
    damaged, nul = _damage_by_line(decoded)
    text = decoded.text.replace("\x00", "") if nul else decoded.text
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[Row] = []
    with _field_limit(len(text) + 1):
        try:
            header = next(reader)
        except StopIteration:
            return [], None
        last = reader.line_num
        note = "; ".join(f"header: {n}" for i in range(last) for n in describe(damaged.get(i, ()))) or None
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return rows, note
            except csv.Error as err:
                rows.append(Row(None, [("error", f"unreadable CSV record: {err}")]))
                last = reader.line_num
                continue
            lines, last = range(last, reader.line_num), reader.line_num
            if not values:
                continue
            notes = [("warning", n) for i in lines for n in describe(damaged.get(i, ()))] if damaged else []
            if len(values) != len(header):
                notes.append(("error", f"{len(values)} fields, expected {len(header)}: not read"))
                rows.append(Row(None, notes))
            else:
                rows.append(Row(dict(zip(header, values)), notes))


@contextmanager
def _field_limit(limit: int):
    """Lift the csv module's field limit (131,072 characters) to the size of the text for one read."""
    old = csv.field_size_limit(max(limit, csv.field_size_limit()))
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _get(row: dict, name: str):
    for key in COLUMN_ALIASES[name]:
        if key in row and not _missing(row[key]):
            return row[key]
    return None


def _missing(value) -> bool:
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    return (isinstance(value, float) and value != value) or (isinstance(value, str) and value == "")


def _str(value) -> str | None:
    return None if _missing(value) else str(value)


def _published(value) -> tuple[dt.date | None | bool, str | None]:
    """(date, basis) from a published cell; (False, None) when the cell holds something that is no date."""
    if _missing(value):
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), "input: published column"
    if isinstance(value, dt.date):
        return value, "input: published column"
    try:
        return pd.Timestamp(str(value)).date(), "input: published column"
    except (ValueError, TypeError, OverflowError):
        from .dates import parse_date
        found = parse_date(str(value))
        return (found.date, "input: published column") if found else (False, None)
