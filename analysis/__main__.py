"""Command line: `python -m analysis report [INPUT] --out DIR` writes the whole report on a corpus;
`notebooks` re-executes the stored notebooks on the seeds; `evaluate CORPUS GOLD` scores the parsed corpus
against a gold file; `gold-draft CORPUS OUT.jsonl` writes a draft gold file for a person to correct."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .paths import NOTEBOOKS, REPORT


def add_report_command(sub) -> None:
    """The `report` subcommand and its options."""
    from .report import INPUT_KINDS
    rep = sub.add_parser(
        "report", help="the report on a corpus: charts, frames, notebooks executed on it, index.html",
        description="Parse INPUT and write, under --out: charts/ (PNG, SVG, PDF), data/ (CSV, Parquet),\n"
                    "notebooks/ (the numbered notebooks executed on INPUT, and their HTML pages) and index.html\n"
                    "(one self-contained page: summary, problems, every chart, key tables, links).",
        epilog=INPUT_KINDS, formatter_class=argparse.RawDescriptionHelpFormatter)
    rep.add_argument("input", nargs="?", default=None, metavar="INPUT", help="the articles (see below); default: seeds/")
    rep.add_argument("--input", dest="input_option", default=None, metavar="INPUT", help="the same, as an option")
    rep.add_argument("--out", type=Path, default=REPORT, help="output folder (default: report/ in the current folder)")
    rep.add_argument("--lang", action="append", choices=["ar", "en"],
                     help="chart language(s), repeatable; default both (the notebooks use the first)")
    rep.add_argument("--no-notebooks", action="store_true", help="skip executing the notebooks")


def report(source: str | None, out: Path, langs: list[str], notebooks: bool = True) -> int:
    """Write the whole report on `source` (None: the seeds) to `out`."""
    from .report import build
    written = build(source, out, langs, notebooks=notebooks)
    print(f"\nWrote {len(written)} files to {out}/ (index.html, charts/, data/, notebooks/)")
    return 0


def run_report(args) -> int:
    if args.input and args.input_option and args.input != args.input_option:
        raise SystemExit(f"two inputs given: {args.input} and {args.input_option}")
    return report(args.input or args.input_option, args.out, args.lang or ["ar", "en"], not args.no_notebooks)


def run_notebooks() -> int:
    """Re-execute every numbered notebook in place, top to bottom (for developers after a change)."""
    from .report import execute_in_place
    for path in execute_in_place():
        print(f"executed {path.relative_to(NOTEBOOKS.parent)}")
    return 0


def evaluate(source: str, gold_path: str, n_errors: int, out: Path | None, on_bad_lines: str) -> int:
    """Print the scores of the corpus at `source` against the gold file, the problems, the first errors."""
    import analysis

    try:
        gold = analysis.read_gold(gold_path, on_bad_lines=on_bad_lines)
    except (OSError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    ev = analysis.evaluate(analysis.load_corpus(source), gold)
    print(format_scores(ev.scores))
    if len(ev.problems):
        print(f"\n{len(ev.problems)} problem(s): not scored")
        for p in ev.problems.itertuples():
            print(f"  {p.path} line {p.row}: {p.reason}")
    if n_errors:
        print(f"\nFirst {min(n_errors, len(ev.errors))} of {len(ev.errors)} errors:")
        for e in ev.errors.head(n_errors).itertuples():
            print(format_error(e))
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        for name in ("scores", "errors", "problems"):
            getattr(ev, name).to_csv(out / f"{name}.csv", index=False, encoding="utf-8-sig")
        print(f"\nWrote scores.csv, errors.csv and problems.csv to {out}/")
    return 0


def format_error(e) -> str:
    """One row of Evaluation.errors as printed: what, where, both values, the context."""
    import pandas as pd

    where = "" if pd.isna(e.start) else f" {e.start}-{e.end} «{e.text}»"
    gold, predicted = ("-" if pd.isna(v) else v for v in (e.gold, e.predicted))
    return f"  {e.article_id} {e.fact} {e.error}:{where}\n    gold: {gold}   predicted: {predicted}\n    …{e.context}…"


def format_scores(scores) -> str:
    """The scores table as printed: ratios with three decimals, '-' where undefined."""
    return scores.to_string(index=False, na_rep="-", float_format=lambda x: f"{x:.3f}")


def gold_draft(source: str, out: Path) -> int:
    """Write the parsed facts of every article as a draft gold file, to be corrected by a person."""
    import analysis
    from analysis.gold import draft_lines, write_lines

    lines = draft_lines(analysis.load_corpus(source))
    write_lines(lines, out)
    print(f"Wrote a DRAFT of {len(lines)} articles to {out}: what the parser found, not gold. Correct every "
          "line against its text (add what is missing, delete false alarms, fix values, fill each troop "
          "figure's kind and any force left null), then delete its \"draft\" key; read_gold refuses "
          "lines that still have it.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    add_report_command(sub)
    sub.add_parser("notebooks", help="re-execute the notebooks in place")
    ev = sub.add_parser("evaluate", help="score the parsed corpus against a gold file (docs/gold.md)")
    ev.add_argument("corpus", help="folder of .txt articles, or a JSONL / CSV / Parquet file")
    ev.add_argument("gold", help="gold file, JSON Lines (docs/gold.md)")
    ev.add_argument("--errors", type=int, default=0, metavar="N", help="print the first N errors with context")
    ev.add_argument("--out", type=Path, default=None, metavar="DIR", help="write scores.csv, errors.csv, problems.csv")
    ev.add_argument("--on-bad-lines", choices=["error", "warn", "skip"], default="error",
                    help="a bad gold line: stop (default), or warn / skip and score the others")
    draft = sub.add_parser("gold-draft", help="write a DRAFT gold file from the parsed frames, for a person to correct")
    draft.add_argument("corpus", help="folder of .txt articles, or a JSONL / CSV / Parquet file")
    draft.add_argument("out", type=Path, help="the draft file to write (JSON Lines)")
    args = parser.parse_args(argv)
    if args.command == "report":
        return run_report(args)
    if args.command == "evaluate":
        return evaluate(args.corpus, args.gold, args.errors, args.out, args.on_bad_lines)
    if args.command == "gold-draft":
        return gold_draft(args.corpus, args.out)
    return run_notebooks()


if __name__ == "__main__":
    sys.exit(main())
