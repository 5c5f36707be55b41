"""Instructions per article: what load_corpus and each step cost, counted by valgrind, not timed.

    python benchmarks/instructions.py [--n 200] [--steps]

A shared VM's speed moves by 20-30% from one minute to the next, so a 3% speed-up cannot be seen in
seconds; the number of instructions a load executes usually moves by 1-2% between runs (the hash seed is
fixed here; object addresses still vary), though an odd run is off by up to a fifth: repeat a figure that
surprises. Each figure is the difference between two runs under `valgrind --tool=cachegrind --cache-
sim=no`: one that warms up (imports, tables, patterns, one load of the corpus) and one that does the same
and then loads the corpus again, so start-up is not counted. The corpus is N synthetic articles
(analysis.synthetic, seed 11, as benchmarks/scale.py). `--steps` also counts segmentation and each
extractor alone (two more runs per step). Needs valgrind (Debian: `apt-get install valgrind`); about a
minute per run at N = 200. Seconds are still what the 500 articles/s target is measured in
(benchmarks/scale.py); this script is for telling whether a change made the parse cheaper.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# the child: warm up on the corpus, then (when asked) do the measured work once more
CHILD = r"""
import sys
from pathlib import Path
import analysis
from analysis import registry, segment
from analysis.inputs import read_table
path, step, measured = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
if step == "load":
    analysis.load_corpus(path, cache=False, progress=False)
    if measured:
        analysis.load_corpus(path, cache=False, progress=False)
    sys.exit()
articles, _ = read_table(Path(path))
prepared = []
for a in articles:
    seg = segment.segment(a)
    facts = {"sentences": seg.sentences, "problems": []}
    for e in registry.extractors():
        if e.frame == step:
            extractor = e
            break
        facts[e.frame] = e.run(seg, facts)
    prepared.append((a, seg, facts))
def once():
    for a, seg, facts in prepared:
        segment.segment(a) if step == "segment" else extractor.run(seg, dict(facts))
once()
if measured:
    once()
"""


def instructions(corpus: Path, step: str, measured: bool) -> int:
    """Instructions valgrind counts for one run of the child."""
    run = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          sys.executable, "-c", CHILD, str(corpus), step, "1" if measured else "0"],
                         capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": "0"})
    found = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if run.returncode != 0 or found is None:
        raise SystemExit(f"valgrind run failed ({step}):\n{run.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def per_article(corpus: Path, step: str, n: int) -> float:
    return (instructions(corpus, step, True) - instructions(corpus, step, False)) / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="synthetic articles (default 200)")
    parser.add_argument("--steps", action="store_true", help="also count segmentation and each extractor")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    from analysis import registry, synthetic
    with tempfile.TemporaryDirectory() as tmp:
        corpus = synthetic.write_jsonl(synthetic.articles(args.n, seed=11), Path(tmp) / "corpus.jsonl")
        print(f"N = {args.n:,} synthetic articles; instructions per article (millions), start-up not counted")
        print(f"  load_corpus  {per_article(corpus, 'load', args.n) / 1e6:8.2f}")
        if args.steps:
            for step in ["segment", *(e.frame for e in registry.extractors())]:
                print(f"  {step:<12} {per_article(corpus, step, args.n) / 1e6:8.2f}")


if __name__ == "__main__":
    main()
