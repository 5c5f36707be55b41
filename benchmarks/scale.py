"""Scale: load_corpus on synthetic corpora of 1,000 and 10,000 articles, measured in one run.

    python benchmarks/scale.py [--sizes 1000 10000]

Each measurement runs in a fresh process (so peak memory is that load's own) on a JSON Lines file of
articles made from the seeds' sentences (analysis.synthetic, fixed seed). Prints articles/s, MB/s and
peak memory for the whole load_corpus, time per extractor, the 2-worker speed-up, and the cache reload.
The one-core load runs --repeat times (default 3): the table shows the median run and the range, since
a shared VM's speed can move by 20% from one minute to the next.
Targets (issue 6): >= 500 articles/s on one core, time linear in N, peak memory < 1 GB at 10,000,
cached reload of 10,000 well under a second.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import resource
import tempfile
import time
from pathlib import Path


def _load(path: str, workers: int, cache: str | None, out) -> None:
    import analysis
    start = time.perf_counter()
    corpus = analysis.load_corpus(path, workers=workers, cache=cache or False, progress=False)
    seconds = time.perf_counter() - start
    out.send({"seconds": seconds, "articles": len(corpus.articles), "rss_mb": _peak_mb(),
              "statements": len(corpus.statements), "troops": len(corpus.troops)})


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def in_child(*args) -> dict:
    receive, send = mp.Pipe(duplex=False)
    child = mp.get_context("fork").Process(target=_load, args=(*args, send))
    child.start()
    result = receive.recv()
    child.join()
    return result


def _extractors(path: str, out) -> None:
    """Seconds spent in each step of parse_article over every article of the file."""
    from analysis import corpus as C, registry
    from analysis.inputs import read_table
    articles, _ = read_table(Path(path))
    steps = ["segment", *(e.frame for e in registry.extractors())]
    totals = dict.fromkeys(["read", *steps, "frames"], 0.0)
    start = time.perf_counter()
    read_table(Path(path))
    totals["read"] = time.perf_counter() - start
    parsed = []
    for a in articles:
        t0 = time.perf_counter()
        for step, facts in C.parse_steps(a):
            t1 = time.perf_counter()
            totals[step] += t1 - t0
            t0 = t1
        parsed.append(facts)
    t7 = time.perf_counter()
    C.build_corpus(parsed, [])
    totals["frames"] = time.perf_counter() - t7
    out.send(totals)


def extractor_times(path: str) -> dict:
    receive, send = mp.Pipe(duplex=False)
    child = mp.get_context("fork").Process(target=_extractors, args=(path, send))
    child.start()
    result = receive.recv()
    child.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3, help="one-core loads per size (median shown)")
    args = parser.parse_args()
    from analysis import synthetic
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} "
          f"{platform.python_version()}\n")
    rows, per_article = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = synthetic.write_jsonl(synthetic.articles(n, seed=11), Path(tmp) / f"corpus{n}.jsonl")
            mb = path.stat().st_size / 1e6
            runs = sorted((in_child(str(path), 1, None) for _ in range(max(1, args.repeat))), key=lambda r: r["seconds"])
            one = runs[len(runs) // 2]
            one["range"] = (n / runs[-1]["seconds"], n / runs[0]["seconds"])
            two = in_child(str(path), 2, None)
            cache = str(Path(tmp) / f"cache{n}")
            first = in_child(str(path), 1, cache)
            again = in_child(str(path), 1, cache)
            per_article[n] = one["seconds"] / n
            rows.append((n, mb, one, two, first, again))
            steps = extractor_times(str(path))
            total = sum(steps.values())
            print(f"N = {n:,} articles, {mb:.1f} MB of JSON Lines")
            print("  step        seconds   ms/article   share")
            for step, seconds in steps.items():
                print(f"  {step:<10} {seconds:8.2f}   {seconds / n * 1000:10.3f}   {seconds / total:5.0%}")
            print()
    print(f"load_corpus, whole (1 worker: median of {max(1, args.repeat)} runs, art/s range across them):")
    print("       N     MB   1 worker: s  art/s  (range)    MB/s  peak MB | 2 workers: s  speed-up | cache: 1st s  reload s")
    for n, mb, one, two, first, again in rows:
        low, high = one["range"]
        print(f"  {n:>6,} {mb:6.1f}   {one['seconds']:10.2f} {n / one['seconds']:6.0f} ({low:.0f}-{high:.0f}) "
              f"{mb / one['seconds']:6.2f} {one['rss_mb']:8.0f} | {two['seconds']:11.2f}  "
              f"{one['seconds'] / two['seconds']:8.2f} | {first['seconds']:11.2f} {again['seconds']:9.2f}")
    if len(per_article) > 1:
        small, large = min(per_article), max(per_article)
        print(f"\ntime per article at {large:,} / at {small:,}: {per_article[large] / per_article[small]:.2f} "
              "(1.00 = linear)")
    print(json.dumps({"per_article_ms": {k: round(v * 1000, 3) for k, v in per_article.items()}}))


if __name__ == "__main__":
    main()
