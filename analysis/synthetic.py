"""Synthetic corpora for benchmarks and scale tests, made from the seeds' own sentences.

Each article is a headline and a shuffled handful of content sentences from the seeds, with troop
figures, years, month names and speakers varied. Deterministic for a given seed.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

FIGURES = re.compile(r"(?<![\d.,])(2500|3|60|5200|3000)(?![\d.,])")
YEARS = re.compile(r"\b20(1[4-9]|2[0-1])\b")
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
MONTH = re.compile("|".join(MONTHS))
SPEAKERS = ["الكاظمي", "بلينكن", "حسين", "بايدن", "أوستن"]
SPEAKER = re.compile("|".join(SPEAKERS))
OUTLETS = ["العربية", "كوردستان 24", "الترا عراق", "شفق نيوز", "الجزيرة نت", "سكاي نيوز عربية"]


def _sentences() -> list[str]:
    import analysis
    corpus = analysis.load_corpus(cache=False)
    content = corpus.sentences[~corpus.sentences["boilerplate"]]
    return [s for s in content["text"] if len(s.split()) >= 5]


def articles(n: int, seed: int = 7) -> list[dict]:
    """`n` article records: id, title, outlet, published (ISO) and text."""
    rng = random.Random(seed)
    pool = _sentences()
    out = []
    start = dt.date(2020, 1, 1)
    for i in range(n):
        chosen = rng.sample(pool, rng.randint(6, min(18, len(pool))))
        body = "\n\n".join(_vary(s, rng) for s in chosen)
        published = start + dt.timedelta(days=rng.randint(0, 730))
        title = _vary(rng.choice(pool), rng).split("،")[0][:90]
        out.append({"id": f"syn{i:06d}", "title": title, "outlet": rng.choice(OUTLETS),
                    "published": published.isoformat(), "text": f"{title}\n\n{body}\n"})
    return out


def _vary(sentence: str, rng: random.Random) -> str:
    sentence = FIGURES.sub(lambda m: str(rng.choice([1500, 2000, 2500, 3000, 3500, 5200])), sentence)
    sentence = YEARS.sub(lambda m: str(rng.choice([2019, 2020, 2021, 2022])), sentence)
    sentence = MONTH.sub(lambda m: rng.choice(MONTHS), sentence)
    return SPEAKER.sub(lambda m: rng.choice(SPEAKERS), sentence)


def write_jsonl(records: list[dict], path: str | Path) -> Path:
    """Write records as JSON Lines (UTF-8, Arabic unescaped)."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def write_folder(records: list[dict], folder: str | Path) -> Path:
    """Write records as one .txt file each (text only)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for r in records:
        (folder / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    return folder
