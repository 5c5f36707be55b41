"""Scoring a parsed corpus against gold (docs/gold.md): precision, recall and F1 per fact type, speaker
accuracy on matched statements, and every miss, false alarm and wrong value with its context.

    >>> ev = analysis.evaluate(analysis.load_corpus("my_articles/"), analysis.read_gold("my_gold.jsonl"))
    >>> ev.scores       # one row per fact type
    >>> ev.errors       # one row per error, with ±40 characters of context
    >>> ev.problems     # gold articles that could not be scored, and why

Matching (per article and frame, one-to-one): every (gold, predicted) pair whose spans overlap and whose
values agree is a candidate; candidates are taken greedily, largest overlap first (then earliest gold,
then earliest prediction), each side used at most once. Left-over gold and predicted rows that overlap
are paired the same way as "wrong value" (statements: "wrong span") errors: they count as a miss and a
false alarm in the scores, and show as one row in `errors` with both values.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

from .gold import (FACT_FRAMES, PREDICTED_KINDS, STATEMENT_KINDS, Gold, GoldArticle, problems_frame, read_gold,
                   sha256)
from .text import normalize

__all__ = ["Evaluation", "evaluate", "read_gold", "same_speaker"]

SCORE_COLUMNS = ["fact", "n_articles", "n_gold", "n_predicted", "true_positives", "precision", "recall", "f1",
                 "speaker_accuracy"]
ERROR_COLUMNS = ["article_id", "fact", "error", "start", "end", "text", "gold", "predicted", "context"]
FACTS = ("dates", "published", "troops", "rounds", "statements", *(f"statements.{k}" for k in STATEMENT_KINDS))
CONTEXT = 40
# a predicted statement matches when it covers this share of the gold span and is at most this much longer
MIN_COVERAGE = 0.8
MAX_LONGER_SHARE, MAX_LONGER_CHARS = 0.25, 10


@dataclass
class Evaluation:
    """What `evaluate` found: `scores` (one row per fact type), `errors` (one row per miss, false alarm,
    wrong value, span, kind or speaker) and `problems` (gold that could not be scored)."""

    scores: pd.DataFrame
    errors: pd.DataFrame
    problems: pd.DataFrame

    def __repr__(self) -> str:
        return (f"Evaluation({self.scores['n_articles'].max() if len(self.scores) else 0} articles scored, "
                f"{len(self.errors)} errors, {len(self.problems)} problems)\n"
                + self.scores.to_string(index=False, float_format=lambda x: f"{x:.3f}"))


@dataclass
class Matching:
    """The outcome of matching one frame of one article."""

    pairs: list[tuple[dict, dict]]
    near: list[tuple[dict, dict]]  # overlapping but disagreeing: wrong value / span
    missed: list[dict]
    false_alarms: list[dict]


def evaluate(corpus, gold: Gold | str | Path) -> Evaluation:
    """Score `corpus` (a `Corpus`) against `gold` (from `read_gold`, or the path of a gold file). Gold
    articles the corpus lacks, whose text's sha256 differs from the gold line's, or whose spans do not
    hold their text, are `problems`, never scored; corpus articles the gold does not name are not scored."""
    if not isinstance(gold, Gold):
        gold = read_gold(gold)
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"]))
    published = dict(zip(corpus.articles["article_id"], corpus.articles["published"]))
    predicted = {name: _by_article(getattr(corpus, name)) for name in FACT_FRAMES}
    problems = gold.problems.to_dict("records")
    tally = {fact: _Tally() for fact in FACTS}
    errors: list[dict] = []
    for g in gold.articles:
        text = texts.get(g.article_id)
        reason = _unusable(g, text)
        if reason:
            problems.append(_problem(gold, g, reason))
            continue
        if "published" in g.annotated:
            _score_published(g, published[g.article_id], text, tally["published"], errors)
        for name in FACT_FRAMES:
            if name not in g.annotated:
                continue
            bad = [f for f in g.facts[name] if text[f["start"]:f["end"]] != f["text"]]
            if bad:
                f = bad[0]
                problems.append(_problem(gold, g, f"{name}: {len(bad)} span(s) do not hold their text, e.g. "
                                                  f"{f['start']}-{f['end']} is {text[f['start']:f['end']]!r}, "
                                                  f"not {f['text']!r}: {name} not scored for this article"))
                continue
            rows = predicted[name].get(g.article_id, [])
            if name == "statements":
                _score_statements(g, rows, text, tally, errors)
            else:
                m = match(g.facts[name], rows, AGREE[name](corpus))
                tally[name].add(m)
                errors += _errors(g.article_id, name, m, text)
    scores = pd.DataFrame([tally[f].row(f) for f in FACTS], columns=SCORE_COLUMNS)
    for col in ("n_articles", "n_gold", "n_predicted", "true_positives"):
        scores[col] = scores[col].astype("int64")
    errors_frame = pd.DataFrame(errors, columns=ERROR_COLUMNS)
    for col in ERROR_COLUMNS:
        errors_frame[col] = errors_frame[col].astype("Int64" if col in ("start", "end") else "string")
    return Evaluation(scores, errors_frame, problems_frame(problems))


def _unusable(g: GoldArticle, text: str | None) -> str | None:
    if text is None:
        return f"article {g.article_id} is not in the corpus: not scored"
    got = sha256(text)
    if got != g.sha256:
        return (f"article {g.article_id}: the corpus text's sha256 is {got[:12]}…, the gold's {g.sha256[:12]}… "
                "(the text changed since it was annotated): not scored")
    return None


def _problem(gold: Gold, g: GoldArticle, reason: str) -> dict:
    return {"path": g.path or gold.path, "row": g.line, "article_id": g.article_id, "severity": "error",
            "reason": reason}


def _by_article(frame: pd.DataFrame) -> dict[str, list[dict]]:
    return {aid: rows.to_dict("records") for aid, rows in frame.groupby("article_id", sort=False)}


# ------------------------------------------------------------------ matching
def match(gold_rows: list[dict], predicted_rows: list[dict], agree: Callable[[dict, dict], bool],
          spans_fit: Callable[[dict, dict], bool] | None = None) -> Matching:
    """One-to-one matching of one article's gold and predicted rows of one frame: candidates are the
    pairs that overlap, fit (`spans_fit`, default: any overlap) and agree; taken greedily by overlap
    size. Left-over overlapping pairs are paired the same way as `near` (wrong value or span)."""
    fits = spans_fit or (lambda g, p: True)
    overlapping = [(overlap(g, p), i, j) for i, g in enumerate(gold_rows) for j, p in enumerate(predicted_rows)
                   if overlap(g, p) > 0]
    overlapping.sort(key=lambda c: (-c[0], gold_rows[c[1]]["start"], predicted_rows[c[2]]["start"], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()

    def take(candidates) -> list[tuple[dict, dict]]:
        out = []
        for _, i, j in candidates:
            if i not in used_g and j not in used_p:
                used_g.add(i)
                used_p.add(j)
                out.append((gold_rows[i], predicted_rows[j]))
        return out

    pairs = take(c for c in overlapping if fits(gold_rows[c[1]], predicted_rows[c[2]])
                 and agree(gold_rows[c[1]], predicted_rows[c[2]]))
    near = take(overlapping)
    return Matching(pairs, near, [g for i, g in enumerate(gold_rows) if i not in used_g],
                    [p for j, p in enumerate(predicted_rows) if j not in used_p])


def overlap(a: dict, b: dict) -> int:
    """Characters two spans share."""
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def statement_fits(g: dict, p: dict) -> bool:
    """A predicted statement covers at least 80% of the gold span and is at most 25% (plus 10 characters)
    longer than it."""
    gold_len, pred_len = g["end"] - g["start"], p["end"] - p["start"]
    return (overlap(g, p) >= MIN_COVERAGE * gold_len
            and pred_len - gold_len <= MAX_LONGER_SHARE * gold_len + MAX_LONGER_CHARS)


def date_agrees(g: dict, p: dict) -> bool:
    """The predicted point lies inside the gold period; an unresolved gold date wants an unresolved one."""
    point = p.get("date")
    if g["date"] is None:
        return _missing(point)
    return not _missing(point) and g["period_start"] <= pd.Timestamp(point).date() <= g["period_end"]


def _troop_agreement(corpus) -> Callable[[dict, dict], bool]:
    """Same value; and same upper bound when the corpus's troops frame has a value_max column."""
    ranged = "value_max" in corpus.troops.columns

    def agrees(g: dict, p: dict) -> bool:
        if _missing(p.get("value")) or not math.isclose(g["value"], float(p["value"])):
            return False
        if not ranged:
            return True
        high = p.get("value_max")
        if g["value_max"] is None or _missing(high):
            return g["value_max"] is None and _missing(high)
        return math.isclose(g["value_max"], float(high))
    return agrees


def round_agrees(g: dict, p: dict) -> bool:
    return not _missing(p.get("round")) and int(p["round"]) == g["round"]


AGREE = {"dates": lambda corpus: date_agrees, "troops": _troop_agreement, "rounds": lambda corpus: round_agrees}


def fold_speaker(name) -> str | None:
    """A speaker's name as compared: analysis.text.normalize (alef, hamza, ya, ta marbuta folded, harakat
    and tatweel dropped), runs of spaces as one, ends stripped; None for no speaker."""
    if _missing(name):
        return None
    return " ".join(normalize(str(name)).split()) or None


def same_speaker(gold_speaker, predicted_speaker) -> bool:
    """Whether two speakers are the same name once folded (no speaker on both sides counts as the same)."""
    return fold_speaker(gold_speaker) == fold_speaker(predicted_speaker)


def _missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


# ------------------------------------------------------------------ per fact
class _Tally:
    def __init__(self) -> None:
        self.articles = self.gold = self.predicted = self.tp = self.speakers_right = 0

    def add(self, m: Matching, speakers_right: int = 0) -> None:
        self.articles += 1
        self.tp += len(m.pairs)
        self.gold += len(m.pairs) + len(m.near) + len(m.missed)
        self.predicted += len(m.pairs) + len(m.near) + len(m.false_alarms)
        self.speakers_right += speakers_right

    def row(self, fact: str) -> dict:
        precision = self.tp / self.predicted if self.predicted else math.nan
        recall = self.tp / self.gold if self.gold else math.nan
        f1 = (0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall))
        speaker = math.nan
        if fact.startswith("statements") and self.tp:
            speaker = self.speakers_right / self.tp
        return {"fact": fact, "n_articles": self.articles, "n_gold": self.gold, "n_predicted": self.predicted,
                "true_positives": self.tp, "precision": precision, "recall": recall, "f1": f1,
                "speaker_accuracy": speaker}


def _score_published(g: GoldArticle, got, text: str, tally: _Tally, errors: list[dict]) -> None:
    """One fact per article: the gold publication date against articles.published. Both null is right
    and counts nowhere; a date against null is a miss or a false alarm; two different dates both."""
    want = g.published
    have = None if _missing(got) else pd.Timestamp(got).date()
    m = Matching([], [], [], [])
    if want is not None and have is not None:
        (m.pairs if want == have else m.near).append(({}, {}))
    elif want is not None:
        m.missed.append({})
    elif have is not None:
        m.false_alarms.append({})
    tally.add(m)
    kind = "wrong value" if m.near else "miss" if m.missed else "false alarm" if m.false_alarms else None
    if kind:
        errors.append({"article_id": g.article_id, "fact": "published", "error": kind, "start": None, "end": None,
                       "text": None, "gold": _iso(want), "predicted": _iso(have),
                       "context": _flat(text[:2 * CONTEXT])})


def _score_statements(g: GoldArticle, rows: list[dict], text: str, tally: dict, errors: list[dict]) -> None:
    """All statements matched regardless of kind (a kind mismatch is listed as an error), then each kind
    on its own; predicted kinds the gold line does not annotate are not scored."""
    predicted = [r | {"gold_kind": PREDICTED_KINDS[r["kind"]]} for r in rows
                 if PREDICTED_KINDS.get(r["kind"]) in g.statement_kinds]
    gold_rows = [f for f in g.facts["statements"] if f["kind"] in g.statement_kinds]
    m = match(gold_rows, predicted, lambda a, b: True, statement_fits)
    tally["statements"].add(m, sum(same_speaker(a["speaker"], b["speaker"]) for a, b in m.pairs))
    errors += _errors(g.article_id, "statements", m, text)
    for a, b in m.pairs:
        if not same_speaker(a["speaker"], b["speaker"]):
            errors.append(_error(g.article_id, "statements", "wrong speaker", text, a, b))
        if a["kind"] != b["gold_kind"]:
            errors.append(_error(g.article_id, "statements", "wrong kind", text, a, b))
    for kind in g.statement_kinds:
        part = match([f for f in gold_rows if f["kind"] == kind], [r for r in predicted if r["gold_kind"] == kind],
                     lambda a, b: True, statement_fits)
        tally[f"statements.{kind}"].add(part, sum(same_speaker(a["speaker"], b["speaker"]) for a, b in part.pairs))


# ------------------------------------------------------------------ errors
def _errors(aid: str, fact: str, m: Matching, text: str) -> list[dict]:
    near = "wrong span" if fact == "statements" else "wrong value"
    out = [_error(aid, fact, near, text, g, p) for g, p in m.near]
    out += [_error(aid, fact, "miss", text, g, None) for g in m.missed]
    out += [_error(aid, fact, "false alarm", text, None, p) for p in m.false_alarms]
    return sorted(out, key=lambda e: (e["start"], e["end"]))


def _error(aid: str, fact: str, kind: str, text: str, g: dict | None, p: dict | None) -> dict:
    """One error row: the gold span (the prediction's for a false alarm), both values, and the context
    around both spans."""
    span = g if g is not None else p
    spans = [s for s in (g, p) if s is not None]
    lo, hi = min(s["start"] for s in spans), max(s["end"] for s in spans)
    return {"article_id": aid, "fact": fact, "error": kind, "start": int(span["start"]), "end": int(span["end"]),
            "text": span["text"], "gold": None if g is None else _value(fact, g, gold=True),
            "predicted": None if p is None else _value(fact, p, gold=False, differs=g is not None and _moved(g, p)),
            "context": _flat(text[max(0, lo - CONTEXT):hi + CONTEXT])}


def _moved(g: dict, p: dict) -> bool:
    return (g["start"], g["end"]) != (int(p["start"]), int(p["end"]))


def _value(fact: str, row: dict, gold: bool, differs: bool = False) -> str:
    """A fact's value as the errors frame shows it; a prediction whose span is not the gold one says
    which span it has."""
    if fact == "dates":
        if _missing(row.get("date")):
            value = f"unresolved ({row['precision']})"
        elif gold:
            value = f"{row['date']} in {row['period_start']}..{row['period_end']} ({row['precision']})"
        else:
            value = f"{pd.Timestamp(row['date']).date()} ({row['precision']})"
    elif fact == "troops":
        high = row.get("value_max")
        value = f"{_number(row['value'])}{'' if _missing(high) else '–' + _number(high)} {row.get('unit')}"
    elif fact == "rounds":
        value = "unknown" if _missing(row.get("round")) else str(int(row["round"]))
    else:
        kind = row["kind"] if gold else row["gold_kind"]
        value = f"{fold_speaker(row['speaker']) and row['speaker'] or 'no speaker'} ({kind})"
    if differs:
        value += f" at {int(row['start'])}-{int(row['end'])} «{_flat(row['text'])}»"
    return value


def _number(x) -> str:
    x = float(x)
    return str(int(x)) if x.is_integer() else str(x)


def _iso(day) -> str | None:
    return None if day is None else day.isoformat()


def _flat(text: str) -> str:
    """Newlines as spaces, so a context prints on one line (offsets unchanged)."""
    return text.replace("\n", " ")
