"""Gold files: the facts a person marked by hand in articles, one article a JSON line (docs/gold.md).

`read_gold(path)` reads and checks a gold file line by line; `period(date, precision, qualifier)` gives
the point and period the annotation conventions assign to a date expression; `draft_lines(corpus)` turns
parsed frames into draft gold lines for a person to correct (never gold as they stand).
"""
from __future__ import annotations

import calendar
import datetime as dt
import difflib
import hashlib
import json
import math
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

FACT_FRAMES = ("dates", "troops", "rounds", "statements")
STATEMENT_KINDS = ("direct", "indirect")
PRECISIONS = ("day", "week", "month", "quarter", "half", "season", "year")
CALENDARS = ("gregorian", "hijri")
TROOP_UNITS = ("troops", "percent")
TROOP_FORCES = ("US", "coalition", "NATO", "other")
TROOP_KINDS = ("level", "reduction", "target", "deployment", "withdrawal")
KNOWN_KEYS = ("article_id", "sha256", "outlet", "published", "statement_kinds", "draft", *FACT_FRAMES)
PROBLEM_COLUMNS = ["path", "row", "article_id", "severity", "reason"]
ON_BAD_LINES = ("error", "warn", "skip")


@dataclass(frozen=True)
class GoldArticle:
    """One gold line: the article it names, the sha256 of its text, and the facts of every annotated
    frame (`annotated` lists the keys present: a frame key, or "published", that is absent is not scored)."""

    article_id: str
    sha256: str
    line: int
    annotated: frozenset[str]
    path: str = ""  # the gold file the line is in
    published: dt.date | None = None
    outlet: str | None = None
    statement_kinds: tuple[str, ...] = STATEMENT_KINDS
    facts: dict[str, list[dict]] = field(default_factory=dict)


@dataclass
class Gold:
    """A read gold file: its articles in file order, and the lines that could not be used (`problems`,
    empty unless read with on_bad_lines="warn" or "skip")."""

    path: str
    articles: list[GoldArticle]
    problems: pd.DataFrame

    def __len__(self) -> int:
        return len(self.articles)

    def frame(self, name: str) -> pd.DataFrame:
        """The gold facts of one frame as a tidy frame (article_id first), over the articles annotating it."""
        rows = [{"article_id": a.article_id, **fact} for a in self.articles if name in a.annotated
                for fact in a.facts[name]]
        return pd.DataFrame(rows)

    def __repr__(self) -> str:
        return f"Gold({self.path}: {len(self.articles)} articles, {len(self.problems)} bad lines)"


class BadLine(ValueError):
    """A gold line that cannot be used; the message says why."""


def sha256(text: str) -> str:
    """The hex sha256 of an article text as UTF-8, as gold lines record it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ------------------------------------------------------------------ reading
def read_gold(path: str | Path, on_bad_lines: str = "error") -> Gold:
    """Read a gold file (JSON Lines, UTF-8, one article a line; blank lines are skipped).

    Every line is checked: valid JSON object, required keys, value types and vocabularies, spans whose
    `text` has the span's length (that text[start:end] is the text is checked by `evaluate`, against the
    corpus text the line's sha256 names). As pandas' `on_bad_lines`: "error" (default) raises one
    ValueError naming the file and every bad line with its reason; "warn" warns for each bad line and
    keeps the others; "skip" keeps the others silently. With "warn" or "skip" the bad lines are rows of
    `Gold.problems` (path, row = line number, article_id when known, severity, reason).
    """
    if on_bad_lines not in ON_BAD_LINES:
        raise ValueError(f"on_bad_lines must be one of {', '.join(ON_BAD_LINES)}, not {on_bad_lines!r}")
    path = Path(path)
    try:
        content = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ValueError(f"{path}: not UTF-8 ({err.reason} at byte {err.start})") from None
    articles: list[GoldArticle] = []
    problems: list[dict] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(content.replace("\r\n", "\n").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            article = parse_line(line, number, str(path))
            if article.article_id in seen:
                raise BadLine(f"duplicate article_id {article.article_id!r} (first on line {seen[article.article_id]})")
        except BadLine as err:
            problems.append({"path": str(path), "row": number, "article_id": _id_of(line), "severity": "error",
                             "reason": str(err)})
            continue
        seen[article.article_id] = number
        articles.append(article)
    if problems and on_bad_lines == "error":
        listed = "\n".join(f"  {path} line {p['row']}: {p['reason']}" for p in problems)
        raise ValueError(f"{len(problems)} bad line(s) in gold file {path}:\n{listed}")
    if on_bad_lines == "warn":
        for p in problems:
            warnings.warn(f"{path} line {p['row']}: {p['reason']} (line skipped)", stacklevel=2)
    return Gold(str(path), articles, problems_frame(problems))


def concat(golds: list[Gold]) -> Gold:
    """Several gold files as one: their articles in order; an article_id a previous file already holds
    is a problem (the later line is not used), like a duplicate within one file."""
    articles, problems, seen = [], [g.problems for g in golds], {}
    for gold in golds:
        for a in gold.articles:
            if a.article_id in seen:
                first = seen[a.article_id]
                problems.append(problems_frame([{"path": a.path, "row": a.line, "article_id": a.article_id,
                                                 "severity": "error", "reason": f"duplicate article_id "
                                                 f"{a.article_id!r} (first in {first.path} line {first.line})"}]))
                continue
            seen[a.article_id] = a
            articles.append(a)
    frames = [p for p in problems if len(p)]
    return Gold(", ".join(g.path for g in golds), articles,
                pd.concat(frames, ignore_index=True) if frames else problems_frame([]))


def problems_frame(problems: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(problems, columns=PROBLEM_COLUMNS)
    frame["row"] = frame["row"].astype("Int64")
    for col in ("path", "article_id", "severity", "reason"):
        frame[col] = frame[col].astype("string")
    return frame


def _id_of(line: str) -> str | None:
    try:
        value = json.loads(line)
    except json.JSONDecodeError:
        return None
    aid = value.get("article_id") if isinstance(value, dict) else None
    return aid if isinstance(aid, str) else None


def parse_line(line: str, number: int = 0, path: str = "") -> GoldArticle:
    """The GoldArticle of one line; raises BadLine with the reason when the line cannot be used."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as err:
        raise BadLine(f"not JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(value, dict):
        raise BadLine(f"not a JSON object but {type(value).__name__}")
    for key in value:
        near = difflib.get_close_matches(key, KNOWN_KEYS, n=1, cutoff=0.8)
        if key not in KNOWN_KEYS and near:
            raise BadLine(f"unknown key {key!r} (did you mean {near[0]!r}?)")
    aid = value.get("article_id")
    if not isinstance(aid, str) or not aid.strip():
        raise BadLine("article_id missing or not a non-empty string")
    digest = value.get("sha256")
    if not isinstance(digest, str) or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest.lower()):
        raise BadLine("sha256 missing or not 64 hex digits")
    if value.get("draft"):
        raise BadLine("a draft written by `python -m analysis gold-draft`: correct every fact against the text, "
                      "then delete the \"draft\" key")
    annotated = {k for k in (*FACT_FRAMES, "published") if k in value}
    published = _date(value, "published", "published") if "published" in value else None
    outlet = value.get("outlet")
    if outlet is not None and not isinstance(outlet, str):
        raise BadLine("outlet must be a string or null")
    kinds = value.get("statement_kinds", list(STATEMENT_KINDS))
    if not isinstance(kinds, list) or not kinds or any(k not in STATEMENT_KINDS for k in kinds):
        raise BadLine(f"statement_kinds must be a non-empty list of {', '.join(STATEMENT_KINDS)}")
    facts = {}
    for name in FACT_FRAMES:
        if name not in value:
            continue
        if not isinstance(value[name], list):
            raise BadLine(f"{name} must be a list (an empty list: none in this article)")
        facts[name] = [_fact(name, fact, i) for i, fact in enumerate(value[name])]
    for i, f in enumerate(facts.get("statements", [])):
        if f["kind"] not in kinds:
            raise BadLine(f"statements[{i}] is {f['kind']} but statement_kinds lists only {', '.join(kinds)}")
    return GoldArticle(aid, digest.lower(), number, frozenset(annotated), path, published, outlet, tuple(kinds), facts)


def _fact(name: str, fact, i: int) -> dict:
    where = f"{name}[{i}]"
    if not isinstance(fact, dict):
        raise BadLine(f"{where}: not a JSON object")
    start, end, text = fact.get("start"), fact.get("end"), fact.get("text")
    if not (_is_int(start) and _is_int(end)) or not 0 <= start < end:
        raise BadLine(f"{where}: start and end must be integers with 0 <= start < end")
    if not isinstance(text, str) or len(text) != end - start:
        raise BadLine(f"{where}: text must be the span's text ({end - start} characters)")
    out = {"start": start, "end": end, "text": text}
    out.update(_CHECKS[name](fact, where))
    return out


def _dates(fact: dict, where: str) -> dict:
    _require(fact, where, ("date", "period_start", "period_end", "precision"))
    point, lo, hi = (_date(fact, k, f"{where}.{k}") for k in ("date", "period_start", "period_end"))
    if (point is None) != (lo is None) or (point is None) != (hi is None):
        raise BadLine(f"{where}: date, period_start and period_end are all null (unresolved) or all dates")
    if point is not None and not lo <= point <= hi:
        raise BadLine(f"{where}: date {point} is not inside [{lo}, {hi}]")
    precision = _choice(fact, "precision", PRECISIONS, where)
    calendar_ = fact.get("calendar", "gregorian")
    if calendar_ not in CALENDARS:
        raise BadLine(f"{where}.calendar must be one of {', '.join(CALENDARS)}")
    return {"date": point, "period_start": lo, "period_end": hi, "precision": precision, "calendar": calendar_}


def _troops(fact: dict, where: str) -> dict:
    _require(fact, where, ("value", "unit", "force", "kind"))
    value, high = fact["value"], fact.get("value_max")
    if not _is_number(value) or value < 0:
        raise BadLine(f"{where}.value must be a number >= 0")
    if high is not None and (not _is_number(high) or high <= value):
        raise BadLine(f"{where}.value_max must be null or a number above value")
    country = fact.get("country")
    if country is not None and not isinstance(country, str):
        raise BadLine(f"{where}.country must be a string or null")
    return {"value": float(value), "value_max": None if high is None else float(high),
            "unit": _choice(fact, "unit", TROOP_UNITS, where), "force": _choice(fact, "force", TROOP_FORCES, where),
            "country": country, "kind": _choice(fact, "kind", TROOP_KINDS, where)}


def _rounds(fact: dict, where: str) -> dict:
    _require(fact, where, ("round",))
    if not _is_int(fact["round"]) or not 1 <= fact["round"] <= 4:
        raise BadLine(f"{where}.round must be an integer from 1 to 4")
    return {"round": fact["round"]}


def _statements(fact: dict, where: str) -> dict:
    _require(fact, where, ("speaker", "kind"))
    speaker = fact["speaker"]
    if speaker is not None and (not isinstance(speaker, str) or not speaker.strip()):
        raise BadLine(f"{where}.speaker must be a non-empty string or null")
    return {"speaker": speaker, "kind": _choice(fact, "kind", STATEMENT_KINDS, where)}


_CHECKS = {"dates": _dates, "troops": _troops, "rounds": _rounds, "statements": _statements}


def _require(fact: dict, where: str, keys: tuple[str, ...]) -> None:
    missing = [k for k in keys if k not in fact]
    if missing:
        raise BadLine(f"{where}: missing {', '.join(missing)}")


def _choice(fact: dict, key: str, allowed: tuple[str, ...], where: str) -> str:
    if fact[key] not in allowed:
        raise BadLine(f"{where}.{key} is {fact[key]!r}, not one of {', '.join(allowed)}")
    return fact[key]


def _date(mapping: dict, key: str, where: str) -> dt.date | None:
    value = mapping[key]
    if value is None:
        return None
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadLine(f"{where} must be null or a date written YYYY-MM-DD, not {value!r}") from None


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


# ------------------------------------------------------------------ the annotation conventions
def period(date: dt.date, precision: str, qualifier: str | None = None) -> tuple[dt.date, dt.date, dt.date]:
    """(point, period_start, period_end) that docs/gold.md assigns to an expression of `precision` whose
    period contains `date`, narrowed by `qualifier` (early / mid / late third) for months and years."""
    third = {"early": 0, "mid": 1, "late": 2}.get(qualifier or "")
    y, m = date.year, date.month
    if precision == "day":
        return date, date, date
    if precision == "week":
        monday = date - dt.timedelta(days=date.weekday())
        return monday, monday, monday + dt.timedelta(days=6)
    if precision == "month":
        last = calendar.monthrange(y, m)[1]
        if third is None:
            return dt.date(y, m, 1), dt.date(y, m, 1), dt.date(y, m, last)
        lo, hi = (1, 10) if third == 0 else (11, 20) if third == 1 else (21, last)
        return dt.date(y, m, (1, 15, 25)[third]), dt.date(y, m, lo), dt.date(y, m, hi)
    if precision == "year":
        if third is None:
            return dt.date(y, 1, 1), dt.date(y, 1, 1), dt.date(y, 12, 31)
        first = 1 + 4 * third
        end = dt.date(y, first + 3, calendar.monthrange(y, first + 3)[1])
        return dt.date(y, (1, 7, 12)[third], 1), dt.date(y, first, 1), end
    if precision in ("quarter", "half"):
        size = 3 if precision == "quarter" else 6
        first = 1 + (m - 1) // size * size
        return _middle_month(y, first, size)
    if precision == "season":
        first = 12 if m == 12 else 3 * (m // 3)
        if first == 0:  # January, February: the winter that began the December before
            return _middle_month(y - 1, 12, 3)
        return _middle_month(y, first, 3)
    raise ValueError(f"unknown precision {precision!r}")


def _middle_month(year: int, first: int, months: int) -> tuple[dt.date, dt.date, dt.date]:
    """A period of `months` months from `first` of `year` (may run into the next year): its middle
    month's 1st, its first day, its last day."""
    def month(k: int) -> tuple[int, int]:
        return year + (first - 1 + k) // 12, (first - 1 + k) % 12 + 1
    my, mm = month(months // 2)
    ly, lm = month(months - 1)
    return dt.date(my, mm, 1), dt.date(year, first, 1), dt.date(ly, lm, calendar.monthrange(ly, lm)[1])


# ------------------------------------------------------------------ drafts for a person to correct
def draft_lines(corpus) -> list[dict]:
    """One draft gold line per corpus article, from its parsed frames: a starting point a person corrects
    against the text (adds what the parser missed, deletes its false alarms, fixes values, fills each
    troop figure's `kind`, and its `force` where the parser could not tell), never gold as it stands.
    Each line carries "draft": true, which `read_gold` refuses until the person deletes it."""
    by_article = {name: dict(tuple(getattr(corpus, name).groupby("article_id", sort=False)))
                  for name in FACT_FRAMES}
    empty = {name: getattr(corpus, name).iloc[0:0] for name in FACT_FRAMES}
    lines = []
    for a in corpus.articles.itertuples():
        rows = {name: by_article[name].get(a.article_id, empty[name]) for name in FACT_FRAMES}
        lines.append({
            "article_id": a.article_id, "sha256": sha256(a.text), "draft": True,
            "outlet": _none(a.outlet), "published": _iso(a.published),
            "dates": [_draft_date(r) for r in rows["dates"].itertuples()],
            "troops": [_draft_troop(r) for r in rows["troops"].itertuples()],
            "rounds": [_span(r) | {"round": int(r.round)} for r in rows["rounds"].itertuples() if pd.notna(r.round)],
            "statements": [_span(r) | {"speaker": _none(r.speaker), "kind": PREDICTED_KINDS[r.kind]}
                           for r in rows["statements"].itertuples() if r.kind in PREDICTED_KINDS],
        })
    return lines


# predicted statement kinds (the statements frame) as gold kinds; other kinds ("term": scare quotes,
# names in quotes) are not statements
PREDICTED_KINDS = {"statement": "direct", "direct": "direct", "indirect": "indirect"}


def _draft_date(r) -> dict:
    out = _span(r) | {"date": None, "period_start": None, "period_end": None, "precision": r.precision}
    if pd.notna(r.date):
        point, lo, hi = period(r.date.date(), r.precision, _none(r.qualifier))
        out.update(date=point.isoformat(), period_start=lo.isoformat(), period_end=hi.isoformat())
    return out


def _draft_troop(r) -> dict:
    high = getattr(r, "value_max", None)
    return _span(r) | {"value": float(r.value), "value_max": None if pd.isna(high) else float(high),
                       "unit": r.unit if r.unit in TROOP_UNITS else None,
                       "force": r.force if r.force in TROOP_FORCES else None,  # the parser's "unknown": to fill
                       "country": _none(r.country), "kind": None}


def _span(r) -> dict:
    return {"start": int(r.start), "end": int(r.end), "text": r.text}


def _none(value):
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _iso(value) -> str | None:
    return None if pd.isna(value) else pd.Timestamp(value).date().isoformat()


def write_lines(lines: list[dict], path: str | Path) -> Path:
    """Write gold (or draft) lines as JSON Lines, UTF-8, Arabic unescaped."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path
