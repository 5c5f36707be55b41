"""Command line: `python -m analysis report [INPUT] --out DIR` writes the whole report on a corpus;
`python -m analysis notebooks` re-executes the stored notebooks on the seeds."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
    rep.add_argument("--out", type=Path, default=ROOT / "report", help="output folder (default: report/)")
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
        print(f"executed {path.relative_to(ROOT)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    add_report_command(sub)
    sub.add_parser("notebooks", help="re-execute the notebooks in place")
    args = parser.parse_args(argv)
    if args.command == "report":
        return run_report(args)
    return run_notebooks()


if __name__ == "__main__":
    sys.exit(main())
