"""Parsing on Dask, for corpora larger than one machine (optional: pip install "dask[bag]" distributed).

Parsing is a pure function from one article to its rows (`corpus.parse_or_report`), so it maps over a
Dask bag as it maps over a list. The inputs are read on the workers too: JSON Lines by blocks of lines,
folders by file. Run it under a `dask.distributed.Client` to use a cluster; without one Dask uses
local processes.

    >>> from dask.distributed import Client
    >>> client = Client("scheduler-address:8786")
    >>> corpus = analysis.distributed.load_corpus_dask("s3-or-shared/articles-*.jsonl")
"""
from __future__ import annotations

import json
from pathlib import Path

from .corpus import Corpus, build_corpus, parse_or_report
from .decoding import decode_bytes, describe
from .inputs import Article, article_files, decode, problem, row_article, shown


def _from_json_line(line: str, source: str, number: int) -> dict:
    """One JSON line to its parsed rows and problems (parsed rows are keyed by frame name). Bytes that are
    not UTF-8 reach here as surrogates (read with errors="surrogateescape") and are decoded by the rules
    of `analysis.decoding`, line by line: no worker sees the whole file."""
    notes = []
    if not line.isascii():
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:
            try:
                decoded = decode_bytes(line.encode("utf-8", "surrogateescape"))
            except ValueError as err:
                return {"problems": [problem(source, "error", str(err), number)]}
            line = decoded.text
            notes = [n for n in (decoded.caveat, *describe(decoded.damage, "the line")) if n]
    if "\x00" in line:
        notes.append(f"{line.count(chr(0))} NUL byte(s) dropped")
        line = line.replace("\x00", "")
    try:
        row = json.loads(line)
    except json.JSONDecodeError:
        row = None
    article, problems = row_article(row if isinstance(row, dict) else None, source, number)
    problems = [*(problem(source, "warning", n, number) for n in notes), *problems]
    if article is None:
        return {"problems": problems}
    parsed = parse_or_report(article)
    return {**parsed, "problems": [*problems, *parsed.get("problems", ())]}


def _from_file(path: str) -> dict:
    try:
        text, encoding, caveat = decode(Path(path).read_bytes())
    except (OSError, ValueError) as err:
        return {"problems": [problem(path, "error", str(err))]}
    parsed = parse_or_report(Article(shown(Path(path).stem), text, shown(path), encoding=encoding))
    return {**parsed, "problems": [*([problem(path, "warning", caveat)] if caveat else []),
                                   *parsed.get("problems", ())]}


def parse_bag(source: str | Path, blocksize: str | int = "64MiB"):
    """A Dask bag of parsed articles (dicts of rows per frame, plus "problems") from a JSON Lines file
    or glob, or from a folder of .txt files."""
    import dask.bag as db
    source = str(source)
    if Path(source).is_dir():
        files = [str(p) for p in article_files(Path(source))[0]]
        return db.from_sequence(files, npartitions=max(1, min(len(files), 64))).map(_from_file)
    lines = db.read_text(source, blocksize=blocksize, include_path=True, errors="surrogateescape")
    numbered = lines.map_partitions(_number_lines)
    return numbered.map(lambda item: _from_json_line(*item))


def _number_lines(partition):
    """(line, source, row number) for the non-blank lines of one partition. With blocksize=None a
    partition is a whole file and numbers are the file's row numbers; with blocks they count within
    the block, and the source says which block."""
    out, counts = [], {}
    for line, path in partition:
        if line.strip():
            counts[path] = counts.get(path, 0) + 1
            out.append((line, path, counts[path]))
    return out


def load_corpus_dask(source: str | Path, blocksize: str | int | None = None) -> Corpus:
    """The same `Corpus` as `load_corpus` gives for this input, parsed on Dask (articles in input order).
    Catalogs are not read here (pass metadata as JSON Lines columns), and rows are checked one by one:
    a duplicate id across rows is not reported, as no worker sees all ids, and a JSON Lines file is
    decoded line by line (a Windows-1256 file is recognised per line; byte offsets count in the line)."""
    parsed = parse_bag(source, blocksize=blocksize).compute()
    problems = [p for item in parsed for p in item.get("problems", [])]
    return build_corpus([item for item in parsed if "articles" in item], problems)
