"""Command line: `python -m analysis report --out DIR` writes the whole report; `notebooks` re-runs them."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def report(source: str | None, out: Path, langs: list[str]) -> int:
    """Load the corpus, print a summary, write every chart (PNG, SVG, PDF), frame and notebook page."""
    import pandas as pd
    from tqdm import tqdm

    import analysis
    from analysis import charts, export

    corpus = analysis.load_corpus(source)
    with pd.option_context("display.width", 160, "display.max_colwidth", 60, "display.unicode.east_asian_width", False):
        print(corpus)
        print(corpus.summary().drop(columns=["n_words"]).to_string(index=False, max_colwidth=48))
        if len(corpus.problems):
            print("\nProblems:")
            print(corpus.problems.to_string(index=False))
    jobs = [(name, lang) for lang in langs for name in charts.CHARTS]
    written = []
    for name, lang in tqdm(jobs, desc="charts", unit="chart", disable=None):
        fig = charts.CHARTS[name](corpus, lang=lang)
        written += export.save_figure(fig, out / "charts", f"{name}_{lang}")
    written += export.save_frames(corpus, out / "data")
    written += render_notebooks(out / "notebooks")
    print(f"\nWrote {len(written)} files to {out}/ (charts/, data/, notebooks/)")
    return 0


def render_notebooks(out: Path) -> list[Path]:
    """The executed notebooks as HTML pages, as they are stored (not re-run)."""
    import nbformat
    from nbconvert import HTMLExporter

    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        html, _ = HTMLExporter().from_notebook_node(nbformat.read(path, as_version=4))
        target = out / f"{path.stem}.html"
        target.write_text(html, encoding="utf-8")
        paths.append(target)
    return paths


def run_notebooks(timeout: int = 120) -> int:
    """Re-execute every numbered notebook in place, top to bottom (for developers after a change)."""
    import nbformat
    from nbclient import NotebookClient

    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
        for cell in nb.cells:  # keep stored outputs free of volatile metadata
            cell.get("metadata", {}).pop("execution", None)
        nbformat.write(nb, path)
        print(f"executed {path.relative_to(ROOT)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("report", help="write charts, frames and notebook pages")
    rep.add_argument("--out", type=Path, default=ROOT / "report", help="output folder (default: report/)")
    rep.add_argument("--input", default=None, help="folder of .txt articles (default: seeds/)")
    rep.add_argument("--lang", action="append", choices=["ar", "en"], help="chart language(s); default both")
    sub.add_parser("notebooks", help="re-execute the notebooks in place")
    args = parser.parse_args(argv)
    if args.command == "report":
        return report(args.input, args.out, args.lang or ["ar", "en"])
    return run_notebooks()


if __name__ == "__main__":
    sys.exit(main())
