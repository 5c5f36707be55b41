"""Per-article time of each extractor on the seeds, and dates against dateparser, measured in one run.

    python benchmarks/extract.py [--repeat N]

Recall and precision are measured against the hand-listed date expressions of the seeds
(tests/fixtures/seed_dates.csv): an expression counts as found when a found span overlaps it, and as
right when the value is the listed one too; and, when it is present, against the development set
(tests/fixtures/dev/: articles.jsonl and gold.jsonl), where a value is right when it lies in the gold
period (docs/gold.md), each tool resolving against the gold publication date.
"""
from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import time
from pathlib import Path

import pandas as pd

import analysis
from analysis import corpus as corpus_mod, dates, registry
from analysis.text import normalize_spans

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "seed_dates.csv"
DEV = ROOT / "tests" / "fixtures" / "dev"


def timed(fn, repeat: int) -> float:
    """Median seconds of one call over `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def extractor_times(corpus, repeat: int) -> pd.DataFrame:
    """Median time of each step of parse_article (segmentation, then each extractor of the registry)."""
    rows = []
    for a in corpus.articles.itertuples():
        pub = a.published.date() if pd.notna(a.published) else None
        article = analysis.Article(a.article_id, a.text, published=pub)
        seg = corpus_mod.segment(article)
        facts = dict(articles=[], sentences=seg.sentences)
        row = {"article_id": a.article_id[:3], "chars": len(a.text),
               "normalize": timed(lambda: normalize_spans(a.text), repeat),
               "segment": timed(lambda: corpus_mod.segment(article), repeat)}
        for e in registry.extractors():
            row[e.frame] = timed(lambda: e.run(seg, facts), repeat)
            facts[e.frame] = e.run(seg, facts)
        row["parse_article"] = timed(lambda: corpus_mod.parse_article(article), repeat)
        rows.append(row)
    return pd.DataFrame(rows)


def gold_spans(corpus) -> pd.DataFrame:
    gold = pd.read_csv(GOLD, dtype=str, keep_default_na=False)
    texts = corpus.articles.set_index("article_id")["text"]
    starts, cursor = [], {}
    for g in gold.itertuples():
        pos = texts[g.article_id].index(g.text, cursor.get(g.article_id, 0))
        cursor[g.article_id] = pos + len(g.text)
        starts.append(pos)
    return gold.assign(start=starts, end=[s + len(t) for s, t in zip(starts, gold["text"])],
                       date=pd.to_datetime(gold["date"]))


def score(found: list[tuple[str, int, int, object]], gold: pd.DataFrame) -> dict:
    """Recall (found spans overlapping a gold one), value accuracy on those, and precision."""
    hit = right = 0
    for g in gold.itertuples():
        match = [f for f in found if f[0] == g.article_id and f[1] < g.end and g.start < f[2]]
        hit += bool(match)
        right += any(f[3] is not None and pd.Timestamp(f[3]) == g.date for f in match)
    useful = sum(any(f[0] == g.article_id and f[1] < g.end and g.start < f[2] for g in gold.itertuples()) for f in found)
    return {"found": len(found), "recall": hit / len(gold), "right_value": right / len(gold),
            "precision": useful / len(found) if found else 0.0}


def ours(corpus) -> tuple[list, float]:
    found, total = [], 0.0
    for a in corpus.articles.itertuples():
        pub = a.published.date() if pd.notna(a.published) else None
        start = time.perf_counter()
        rows = dates.find_dates(a.text, pub)
        total += time.perf_counter() - start
        found += [(a.article_id, d.start, d.end, d.date) for d in rows]
    return found, total / len(corpus.articles)


def dateparser_search(corpus) -> tuple[list, float]:
    from dateparser.search import search_dates
    found, total = [], 0.0
    for a in corpus.articles.itertuples():
        base = dt.datetime.combine(a.published.date(), dt.time()) if pd.notna(a.published) else None
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"} if base else {}
        start = time.perf_counter()
        hits = search_dates(a.text, languages=["ar", "en"], settings=settings) or []
        total += time.perf_counter() - start
        cursor = 0
        for text, value in hits:
            pos = a.text.find(text, cursor)
            if pos < 0:
                pos = a.text.find(text)
            if pos >= 0:
                cursor = pos + len(text)
                found.append((a.article_id, pos, pos + len(text), value.date()))
    return found, total / len(corpus.articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    corpus = analysis.load_corpus()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"pandas {pd.__version__}; median of {args.repeat} runs\n")
    times = extractor_times(corpus, args.repeat)
    ms = times.copy()
    for col in ms.columns[2:]:
        ms[col] = (ms[col] * 1000).round(2)
    print("Per-article time of each extractor (ms):")
    print(ms.to_string(index=False))
    print(f"mean parse_article: {times['parse_article'].mean() * 1000:.2f} ms per article "
          f"({1 / times['parse_article'].mean():.0f} articles/s on one core)\n")

    gold = gold_spans(corpus)
    rows = []
    for name, fn in (("analysis.dates", ours), ("dateparser.search_dates", dateparser_search)):
        found, per_article = fn(corpus)
        rows.append({"tool": name, **score(found, gold), "ms_per_article": per_article * 1000})
    table = pd.DataFrame(rows)
    print(f"Dates against {len(gold)} hand-listed expressions in the seeds:")
    print(table.to_string(index=False, float_format=lambda v: f"{v:.2f}"))
    speed = table["ms_per_article"].iloc[1] / table["ms_per_article"].iloc[0]
    print(f"analysis.dates is {speed:.1f}x faster than dateparser on the same text")
    if (DEV / "gold.jsonl").exists():
        dev_comparison()


def dev_comparison() -> None:
    """Both tools on the development set, against its gold dates (value right: the point in the period)."""
    from analysis.gold import read_gold
    gold = read_gold(DEV / "gold.jsonl")
    texts = pd.read_json(DEV / "articles.jsonl", lines=True).set_index("id")["text"]
    published = {a.article_id: a.published for a in gold.articles}
    corpus = argparse.Namespace(articles=pd.DataFrame({
        "article_id": list(published), "text": [texts[a] for a in published],
        "published": pd.to_datetime(pd.Series([published[a] for a in published]))}))
    facts = gold.frame("dates")
    rows = []
    for name, fn in (("analysis.dates", ours), ("dateparser.search_dates", dateparser_search)):
        found, per_article = fn(corpus)
        hit = right = 0
        for g in facts.itertuples():
            match = [f for f in found if f[0] == g.article_id and f[1] < g.end and g.start < f[2]]
            hit += bool(match)
            right += any(f[3] is not None and g.period_start is not None and
                         pd.Timestamp(g.period_start) <= pd.Timestamp(f[3]) <= pd.Timestamp(g.period_end) for f in match)
        useful = sum(any(f[0] == g.article_id and f[1] < g.end and g.start < f[2] for g in facts.itertuples())
                     for f in found)
        rows.append({"tool": name, "found": len(found), "recall": hit / len(facts), "right_value": right / len(facts),
                     "precision": useful / len(found) if found else 0.0, "ms_per_article": per_article * 1000})
    print(f"\nDates against {len(facts)} gold expressions of the development set ({len(published)} articles):")
    print(pd.DataFrame(rows).to_string(index=False, float_format=lambda v: f"{v:.2f}"))


if __name__ == "__main__":
    main()
