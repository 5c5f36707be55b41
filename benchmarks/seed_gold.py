"""Build tests/fixtures/seed_gold.jsonl, the seeds' gold, from the hand-listed seed fixtures.

    python benchmarks/seed_gold.py [--check] [--show]

The facts are those of tests/fixtures/seed_dates.csv, seed_troops.csv, seed_rounds.csv,
seed_statements.csv (quotations) and seed_indirect.csv (indirect statements); publication dates and
outlets are those of seeds/catalog.csv. Each fixture row's text is looked up in the seed text (never in
the parser's output): where it occurs once, that is its span; where it occurs more than once, the
fixture's `source` column, which quotes the sentence around it, chooses the occurrence. A direct
statement's span runs from the quote mark before its first words to the mark that closes it; an indirect
statement's from its clause's first words to its last (the fixture's clause_begins and clause_ends, read
in the text by the conventions of docs/gold.md). Dates get their point and period from the conventions
of docs/gold.md (`analysis.gold.period`), narrowed by the part-of-period word (data/date_words.csv) in
the text.
What the fixtures do not record is written below with its reason: each troop figure's kind, and two
facts the conventions of docs/gold.md ask for that the fixtures (written before them) leave out (`ADDED`).
The seeds' gold annotates both statement kinds.

`--check` exits 1 when the committed file differs from what this builds; `--show` prints every fact
with the text around it, for reading.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from pathlib import Path

from analysis import lexicons
from analysis.gold import period, sha256, write_lines
from analysis.inputs import read_folder
from analysis.text import normalize

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"
OUT = FIXTURES / "seed_gold.jsonl"

# What each troop figure is (the fixture lists value, unit, force, not the kind): (article, text) -> kind
TROOP_KINDS = {
    ("002_8b10d884f1f95237", "ما يقرب من 60% من قوات"): "withdrawal",  # the departure of about 60% of the forces
    ("002_8b10d884f1f95237", "نحو 3 آلاف جندي"): "level",  # وينتشر في العراق نحو 3 آلاف جندي
    ("002_8b10d884f1f95237", "2500 جندي"): "level",  # بينهم 2500 جندي أميركي
    ("003_a90dff76a33d4385", "2500 جندي"): "level",  # من أصل 2500 جندي أميركي متمركزين في العراق حاليا
    ("004_6d288817176628c3", "2500"): "reduction",  # وتقلّص عديد الجنود ... إلى 2500
    ("002_8b10d884f1f95237", "ما يقرب من ٦٠٪ من قوات"): "withdrawal",  # the tweet: مهّد لمغادرة ما يقرب من ٦٠٪
}
# Facts docs/gold.md asks for that the seed fixtures (written before it) leave out: (frame, fixture-like
# row); each is located in the text like a fixture row and listed in the report of the commit adding it.
ADDED = [
    # the same round in the linked headline whose "2008" seed_dates.csv lists
    ("rounds", {"article_id": "003_a90dff76a33d4385", "text": "جولة أخيرة", "round": "4",
                "source": "الحوار الاستراتيجي مع الولايات المتحدة: جولة أخيرة وجدولة واضحة"}),
    # troop figures count every mention, repeats too: the Prime Minister's tweet repeats the 60%
    ("troops", {"article_id": "002_8b10d884f1f95237", "text": "ما يقرب من ٦٠٪ من قوات", "value": "60",
                "unit": "percent", "force": "coalition", "source": "the embedded tweet"}),
]
# seed_statements.csv lists the quotations, seed_indirect.csv the indirect statements: the gold annotates both.
STATEMENT_KINDS = ["direct", "indirect"]
OPEN_CLOSE = {"«": "»", "“": "”", "„": "”", '"': '"'}


def read(name: str) -> list[dict]:
    with (FIXTURES / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def occurrences(text: str, needle: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(needle), text)]


def context_pieces(source: str) -> list[str]:
    """The Arabic stretches of a fixture's source note (it mixes quotations of the text, '...' for cuts
    and English remarks)."""
    pieces = re.split(r"\.\.\.|…|[()]|: |\bafter\b", source)
    return [p.strip(' "') for p in pieces if re.search("[\u0600-\u06ff]", p)]


def locate(text: str, needle: str, source: str) -> int:
    """The start of the fixture text `needle` in `text`, chosen by the source note when it recurs."""
    found = occurrences(text, needle)
    if not found:
        raise LookupError(f"{needle!r} is not in the text")
    if len(found) == 1:
        return found[0]
    pieces = [p for p in context_pieces(source) if len(occurrences(text, p)) == 1]
    for piece in pieces:  # a quoted stretch that holds the needle and occurs once
        if needle in piece and piece != needle:
            return occurrences(text, piece)[0] + piece.index(needle)
    for piece in pieces:  # a quoted stretch before it (a cue): its first occurrence after that
        at = occurrences(text, piece)[0]
        later = [s for s in found if s >= at + len(piece)]
        if later:
            return later[0]
    raise LookupError(f"{needle!r} occurs {len(found)} times and the source {source!r} does not choose one")


def quote_span(text: str, begins: int) -> tuple[int, int]:
    """The quotation whose first words start at `begins`: from the mark before them to the mark that
    closes it in the same paragraph. «» and “” nest; a straight mark that follows a space and precedes
    a letter opens a quotation inside, and the first straight mark that does not closes the quotation
    (in «"a "b"» one mark closes both)."""
    start = begins - 1
    while start >= 0 and text[start] == " ":
        start -= 1
    mark = text[start]
    if mark not in OPEN_CLOSE:
        raise LookupError(f"no quote mark before {text[begins:begins + 20]!r}")
    line_end = text.find("\n", begins)
    line_end = len(text) if line_end < 0 else line_end
    close, depth = OPEN_CLOSE[mark], 1
    for i in range(begins, line_end):
        ch = text[i]
        if mark == '"' and ch == '"':
            if not (text[i - 1] == " " and i + 1 < line_end and text[i + 1] not in " "):
                return start, i + 1
        elif ch == mark:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                return start, i + 1
    raise LookupError(f"the quotation at {start} is not closed in its paragraph")


def qualifier_of(expression: str) -> str | None:
    """early / mid / late when the expression has a part-of-period word (data/date_words.csv)."""
    table = lexicons.table("date_words")
    words = {normalize(w): v for w, v, k in zip(table["word"], table["value"], table["kind"]) if k == "qualifier"}
    return next((words[w] for w in normalize(expression).split() if w in words), None)


def date_fact(text: str, row: dict) -> dict:
    s = locate(text, row["text"], row["source"])
    point, lo, hi = period(dt.date.fromisoformat(row["date"]), row["precision"], qualifier_of(row["text"]))
    return {"start": s, "end": s + len(row["text"]), "text": row["text"], "date": point.isoformat(),
            "period_start": lo.isoformat(), "period_end": hi.isoformat(), "precision": row["precision"]}


def troop_fact(text: str, row: dict) -> dict:
    s = locate(text, row["text"], row["source"])
    value = float(row["value"])
    return {"start": s, "end": s + len(row["text"]), "text": row["text"], "value": value, "value_max": None,
            "unit": row["unit"], "force": row["force"], "country": "Iraq",
            "kind": TROOP_KINDS[(row["article_id"], row["text"])]}


def round_fact(text: str, row: dict) -> dict:
    s = locate(text, row["text"], row["source"])
    return {"start": s, "end": s + len(row["text"]), "text": row["text"], "round": int(row["round"])}


def statement_fact(text: str, row: dict, after: int) -> dict:
    """The quotation beginning with the fixture's first words. The fixture lists each article's quotations
    in text order, so a recurring beginning is its first occurrence after the previous quotation that
    opens a quotation (the same words may stand unquoted in a headline)."""
    for s in occurrences(text, row["quote_begins"]):
        if s < after:
            continue
        try:
            start, end = quote_span(text, s)
        except LookupError:
            continue
        return {"start": start, "end": end, "text": text[start:end], "speaker": row["speaker"], "kind": "direct"}
    raise LookupError(f"no quotation begins with {row['quote_begins']!r} after offset {after}")


def indirect_fact(text: str, row: dict, after: int) -> dict:
    """The clause from the fixture's first words (a word's start) to the first occurrence of its last words
    after them, within one paragraph (a line break inside a sentence is not a paragraph's end). The fixture
    lists each article's indirect statements in text order, so a recurring beginning is its first
    occurrence after the previous clause."""
    for s in occurrences(text, row["clause_begins"]):
        if s < after or (s > 0 and text[s - 1].isalnum()):
            continue
        last = text.find(row["clause_ends"], s)
        if last < 0:
            raise LookupError(f"the clause {row['clause_begins']!r} at {s} has no {row['clause_ends']!r} after it")
        end = last + len(row["clause_ends"])
        if "\n\n" in text[s:end]:
            raise LookupError(f"the clause {row['clause_begins']!r} at {s} runs past its paragraph")
        return {"start": s, "end": end, "text": text[s:end], "speaker": row["speaker"], "kind": "indirect"}
    raise LookupError(f"no clause begins with {row['clause_begins']!r} after offset {after}")


def build() -> list[dict]:
    articles, problems = read_folder(SEEDS)
    if problems:
        raise RuntimeError(f"the seeds do not read cleanly: {problems}")
    fixtures = {name: read(f"seed_{name}.csv") for name in ("dates", "troops", "rounds", "statements", "indirect")}
    for name, row in ADDED:
        fixtures[name].append(row)
    lines = []
    for a in articles:
        text = a.text
        rows = {name: [r for r in table if r["article_id"] == a.article_id] for name, table in fixtures.items()}
        statements, after = [], 0
        for r in rows["statements"]:
            fact = statement_fact(text, r, after)
            statements.append(fact)
            after = fact["end"]
        after = 0
        for r in rows["indirect"]:
            fact = indirect_fact(text, r, after)
            statements.append(fact)
            after = fact["end"]
        lines.append({
            "article_id": a.article_id, "sha256": sha256(text), "outlet": a.outlet,
            "published": a.published.isoformat() if a.published else None,
            "statement_kinds": STATEMENT_KINDS,
            "dates": sorted((date_fact(text, r) for r in rows["dates"]), key=lambda f: f["start"]),
            "troops": sorted((troop_fact(text, r) for r in rows["troops"]), key=lambda f: f["start"]),
            "rounds": sorted((round_fact(text, r) for r in rows["rounds"]), key=lambda f: f["start"]),
            "statements": sorted(statements, key=lambda f: (f["start"], f["end"])),
        })
    return lines


def show(lines: list[dict]) -> None:
    texts = {a.article_id: a.text for a in read_folder(SEEDS)[0]}
    for line in lines:
        text = texts[line["article_id"]]
        print(f"== {line['article_id']}  published {line['published']}  outlet {line['outlet']}")
        for name in ("dates", "troops", "rounds", "statements"):
            for f in line[name]:
                value = {k: v for k, v in f.items() if k not in ("start", "end", "text")}
                around = text[max(0, f["start"] - 30):f["start"]] + "[" + f["text"] + "]" + text[f["end"]:f["end"] + 30]
                print(f"  {name:<10} {f['start']:>5}-{f['end']:<5} {value}\n      {around.replace(chr(10), ' / ')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file, write nothing")
    parser.add_argument("--show", action="store_true", help="print every fact with its context")
    args = parser.parse_args(argv)
    lines = build()
    if args.show:
        show(lines)
    if args.check:
        import json
        committed = [json.loads(x) for x in OUT.read_text(encoding="utf-8").splitlines() if x.strip()]
        if committed != lines:
            print(f"{OUT.relative_to(ROOT)} differs from what benchmarks/seed_gold.py builds", file=sys.stderr)
            return 1
        print(f"{OUT.relative_to(ROOT)} is up to date")
        return 0
    write_lines(lines, OUT)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(lines)} articles, "
          + ", ".join(f"{sum(len(x[n]) for x in lines)} {n}" for n in ("dates", "troops", "rounds", "statements")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
