"""How faithfully the parser extracts facts: precision, recall and F1 per fact type against gold.

    python benchmarks/fidelity.py [--dev DIR] [--errors N]

Scores the seeds against tests/fixtures/seed_gold.jsonl, then the development set: tests/fixtures/dev/
(articles.jsonl with gold.jsonl) when it exists, or the folder given with --dev, which holds either that
pair or any number of `NAME.articles.jsonl` / `NAME.gold.jsonl` pairs (scored together, and each pair's
table too). The figures are printed, not asserted (the seeds' are, in tests/test_evaluate.py): they are
what a fidelity change moves, and its commit reports them before and after. Matching rules: docs/gold.md.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

import analysis
from analysis.__main__ import format_error, format_scores
from analysis.corpus import FRAMES, Corpus
from analysis.gold import concat

ROOT = Path(__file__).resolve().parent.parent
SEED_GOLD = ROOT / "tests" / "fixtures" / "seed_gold.jsonl"
DEV = ROOT / "tests" / "fixtures" / "dev"


def pairs(folder: Path) -> list[tuple[str, Path, Path]]:
    """(name, articles file, gold file) of a development folder."""
    if (folder / "articles.jsonl").exists() and (folder / "gold.jsonl").exists():
        return [(folder.name, folder / "articles.jsonl", folder / "gold.jsonl")]
    found = []
    for articles in sorted(folder.glob("*.articles.jsonl")):
        name = articles.name[:-len(".articles.jsonl")]
        gold = folder / f"{name}.gold.jsonl"
        if gold.exists():
            found.append((name, articles, gold))
        else:
            print(f"  {articles.name}: no {gold.name} beside it, not scored")
    return found


def merged(corpora: list[Corpus]) -> Corpus:
    return Corpus(**{name: pd.concat([getattr(c, name) for c in corpora], ignore_index=True)
                     for name in (*FRAMES, "problems")})


def report(title: str, ev: analysis.Evaluation, corpus: Corpus, n_errors: int) -> None:
    print(f"\n== {title}: {corpus.articles['article_id'].nunique()} articles parsed")
    print(format_scores(ev.scores))
    if len(corpus.problems):
        print(f"{len(corpus.problems)} input problem(s), e.g. {corpus.problems['reason'].iloc[0]}")
    if len(ev.problems):
        print(f"{len(ev.problems)} gold problem(s), not scored:")
        for p in ev.problems.itertuples():
            print(f"  {Path(p.path).name} line {p.row}: {p.reason}")
    if len(ev.errors):
        counts = ev.errors.groupby(["fact", "error"]).size().rename("n").reset_index()
        print("errors: " + "; ".join(f"{r.fact} {r.error} {r.n}" for r in counts.itertuples()))
    for e in ev.errors.head(n_errors).itertuples():
        print(format_error(e))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=None, help=f"development folder (default: {DEV.relative_to(ROOT)})")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print the first N errors of each table")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    seeds = analysis.load_corpus()
    report("seeds (tests/fixtures/seed_gold.jsonl)", analysis.evaluate(seeds, analysis.read_gold(SEED_GOLD)),
           seeds, args.errors)
    folder = args.dev or DEV
    found = pairs(folder) if folder.is_dir() else []
    if not found:
        print(f"\n== development set: none at {folder} (articles.jsonl + gold.jsonl, or NAME.articles.jsonl + "
              "NAME.gold.jsonl pairs)")
    corpora, golds = [], []
    for name, articles, gold_path in found:
        corpus = analysis.load_corpus(articles, cache=False)
        gold = analysis.read_gold(gold_path, on_bad_lines="warn")
        corpora.append(corpus)
        golds.append(gold)
        if len(found) > 1:
            report(f"development part {name}", analysis.evaluate(corpus, gold), corpus, 0)
    if found:
        corpus, gold = merged(corpora), concat(golds)
        report(f"development set ({folder}, {len(found)} file pair(s))", analysis.evaluate(corpus, gold), corpus,
               args.errors)
    print(f"\n{time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
