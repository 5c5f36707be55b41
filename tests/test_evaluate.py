"""Gold files and scoring (analysis.gold, analysis.evaluate, docs/gold.md): every matching rule on small
articles written here, with the parser's output given by hand so that each rule is tested alone; the CLI
and the draft writer on parsed articles; the seeds' gold and its exact figures."""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import math
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import dates as dates_mod, quotes, rounds as rounds_mod, troops as troops_mod
from analysis.__main__ import main
from analysis.corpus import Corpus
from analysis.schema import ARTICLES, names
from analysis.evaluate import ERROR_COLUMNS, SCORE_COLUMNS, fold_speaker, same_speaker
from analysis.gold import concat, period, sha256
from conftest import FIXTURES, ROOT

TEXT = ("أعلنت وزارة الدفاع في بيان مساء الأحد أن نحو 2500 جندي سيبقون حتى نهاية العام. "
        "وقال وزير الخارجية فؤاد حسين إن «الجولة الثالثة من الحوار حققت نتائج مهمة للبلدين الصديقين».")
PUBLISHED = dt.date(2021, 4, 11)


def span(text: str, piece: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def fact(text: str, piece: str, nth: int = 0, **values) -> dict:
    s, e = span(text, piece, nth)
    return {"start": s, "end": e, "text": text[s:e], **values}


def gold_date(text: str, piece: str, day: str, lo: str, hi: str, precision: str = "day", nth: int = 0) -> dict:
    return fact(text, piece, nth, date=day, period_start=lo, period_end=hi, precision=precision)


def gold_line(aid: str, text: str, **frames) -> dict:
    return {"article_id": aid, "sha256": sha256(text), **frames}


def write_gold(tmp_path, lines, name="gold.jsonl", raw: list[str] | None = None):
    path = tmp_path / name
    body = [json.dumps(line, ensure_ascii=False) for line in lines] + (raw or [])
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    return path


def corpus_of(*articles: dict, troop_columns: tuple[str, ...] = ()) -> Corpus:
    """A Corpus whose frames are given by hand: each article a dict with article_id, text, published and
    its predicted rows per frame ({"start", "end", ...}; text filled from the span)."""
    frames: dict[str, list[dict]] = {n: [] for n in ("articles", "dates", "troops", "rounds", "statements")}
    for a in articles:
        frames["articles"].append({"article_id": a["article_id"], "text": a["text"], "published": a.get("published")})
        for name in ("dates", "troops", "rounds", "statements"):
            for row in a.get(name, []):
                frames[name].append({"article_id": a["article_id"], "text": a["text"][row["start"]:row["end"]], **row})
    # the troops frame without value_max unless troop_columns asks for it: the case of a frame from before
    # the column (the extractor has it now)
    troop_names = [c for c in troops_mod.COLUMNS if c != "value_max"]
    columns = {"articles": names(ARTICLES), "dates": dates_mod.COLUMNS, "troops": [*troop_names, *troop_columns],
               "rounds": rounds_mod.COLUMNS, "statements": quotes.COLUMNS}
    built = {n: pd.DataFrame(rows, columns=columns[n]) for n, rows in frames.items()}
    built["articles"]["published"] = pd.to_datetime(built["articles"]["published"])
    built["dates"]["date"] = pd.to_datetime(built["dates"]["date"])
    built["rounds"]["round"] = built["rounds"]["round"].astype("Int64")
    empty = pd.DataFrame()
    return Corpus(**built, sentences=empty, themes=empty, problems=empty)


def load_script(name: str):
    """A script of benchmarks/ as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predicted(text: str, piece: str, nth: int = 0, **values) -> dict:
    s, e = span(text, piece, nth)
    return {"start": s, "end": e, **values}


def score(ev, fact_name: str) -> dict:
    return ev.scores.set_index("fact").loc[fact_name].to_dict()


def run(tmp_path, gold_lines, *articles, **kw):
    return analysis.evaluate(corpus_of(*articles, **kw), analysis.read_gold(write_gold(tmp_path, gold_lines)))


# ------------------------------------------------------------------ reading gold
def good_line() -> dict:
    return gold_line("a1", TEXT, published="2021-04-11", outlet=None,
                     dates=[gold_date(TEXT, "مساء الأحد", "2021-04-11", "2021-04-11", "2021-04-11")],
                     troops=[fact(TEXT, "نحو 2500 جندي", value=2500, value_max=None, unit="troops", force="US",
                                  country="Iraq", kind="level")],
                     rounds=[fact(TEXT, "الجولة الثالثة", round=3)],
                     statements=[fact(TEXT, "«الجولة الثالثة من الحوار حققت نتائج مهمة للبلدين الصديقين»",
                                      speaker="فؤاد حسين", kind="direct")])


def test_read_gold_reads_a_line_and_its_frames(tmp_path):
    path = write_gold(tmp_path, [good_line()], raw=["", "   "])
    gold = analysis.read_gold(path)
    assert len(gold) == 1 and len(gold.problems) == 0
    a = gold.articles[0]
    assert a.article_id == "a1" and a.published == PUBLISHED and a.line == 1
    assert a.annotated == {"published", "dates", "troops", "rounds", "statements"}
    assert a.facts["dates"][0]["date"] == dt.date(2021, 4, 11) and a.facts["troops"][0]["value"] == 2500.0
    assert list(gold.frame("rounds")["round"]) == [3] and gold.frame("rounds")["article_id"].tolist() == ["a1"]


def test_read_gold_accepts_a_byte_order_mark_and_ignores_note_keys(tmp_path):
    line = good_line() | {"note": "read twice", "title": "x"}
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(line, ensure_ascii=False).encode("utf-8") + b"\n")
    assert analysis.read_gold(path).articles[0].article_id == "a1"


def bad(mutate) -> str:
    line = good_line()
    mutate(line)
    return json.dumps(line, ensure_ascii=False)


BAD_LINES = {
    "not JSON": ('{"article_id": "x", ', "not JSON"),
    "not an object": ("[1, 2]", "not a JSON object"),
    "no id": (bad(lambda g: g.pop("article_id")), "article_id missing"),
    "bad sha": (bad(lambda g: g.update(sha256="abc")), "sha256"),
    "empty span": (bad(lambda g: g["rounds"][0].update(end=g["rounds"][0]["start"])), "0 <= start < end"),
    "text length": (bad(lambda g: g["rounds"][0].update(text="الجولة")), "rounds[0]: text must be the span's text"),
    "date format": (bad(lambda g: g["dates"][0].update(date="11/04/2021")), "YYYY-MM-DD"),
    "outside period": (bad(lambda g: g["dates"][0].update(date="2021-04-12")), "not inside"),
    "half null": (bad(lambda g: g["dates"][0].update(date=None)), "all null"),
    "precision": (bad(lambda g: g["dates"][0].update(precision="decade")), "precision"),
    "no precision": (bad(lambda g: g["dates"][0].pop("precision")), "dates[0]: missing precision"),
    "unit": (bad(lambda g: g["troops"][0].update(unit="soldiers")), "unit"),
    "value type": (bad(lambda g: g["troops"][0].update(value="2500")), "value must be a number"),
    "range": (bad(lambda g: g["troops"][0].update(value_max=2000)), "value_max"),
    "round": (bad(lambda g: g["rounds"][0].update(round=5)), "1 to 4"),
    "statement kind": (bad(lambda g: g["statements"][0].update(kind="quote")), "kind"),
    "frame not list": (bad(lambda g: g.update(rounds={"x": 1})), "rounds must be a list"),
    "typo key": (bad(lambda g: g.update(statments=g.pop("statements"))), "did you mean 'statements'"),
    "published": (bad(lambda g: g.update(published="April 2021")), "published must be null or a date"),
    "draft": (bad(lambda g: g.update(draft=True)), "draft"),
    "kinds": (bad(lambda g: g.update(statement_kinds=["indirect"])), "statement_kinds lists only indirect"),
    "no kinds": (bad(lambda g: g.update(statement_kinds=[])), "statement_kinds must be"),
}


@pytest.mark.parametrize("name", BAD_LINES)
def test_a_bad_gold_line_raises_naming_file_line_and_reason(tmp_path, name):
    raw, reason = BAD_LINES[name]
    path = write_gold(tmp_path, [good_line() | {"article_id": "ok"}], raw=[raw])
    with pytest.raises(ValueError) as err:
        analysis.read_gold(path)
    message = str(err.value)
    assert f"{path} line 2:" in message and reason in message, message
    assert "line 1" not in message


def test_every_bad_line_is_listed_at_once_or_collected(tmp_path):
    raws = [BAD_LINES["not JSON"][0], BAD_LINES["round"][0].replace('"a1"', '"a2"')]
    path = write_gold(tmp_path, [good_line()], raw=raws)
    with pytest.raises(ValueError, match=r"2 bad line\(s\)(.|\n)*line 2:(.|\n)*line 3:"):
        analysis.read_gold(path)
    gold = analysis.read_gold(path, on_bad_lines="skip")
    assert [a.article_id for a in gold.articles] == ["a1"]
    assert gold.problems["row"].tolist() == [2, 3] and gold.problems["article_id"].tolist()[1] == "a2"
    with pytest.warns(UserWarning) as warned:
        assert len(analysis.read_gold(path, on_bad_lines="warn").problems) == 2
    assert [str(w.message).split(": ")[0] for w in warned] == [f"{path} line 2", f"{path} line 3"]
    with pytest.raises(ValueError, match="on_bad_lines"):
        analysis.read_gold(path, on_bad_lines="ignore")


def test_a_duplicate_article_id_is_a_bad_line(tmp_path):
    path = write_gold(tmp_path, [good_line(), good_line()])
    gold = analysis.read_gold(path, on_bad_lines="skip")
    assert len(gold) == 1 and "duplicate article_id 'a1' (first on line 1)" in gold.problems["reason"][0]


def test_a_gold_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_bytes("مساء".encode("cp1256"))
    with pytest.raises(ValueError, match="not UTF-8"):
        analysis.read_gold(path)


# ------------------------------------------------------------------ the conventions' periods
@pytest.mark.parametrize("day, precision, qualifier, want", [
    ("2021-07-25", "day", None, ("2021-07-25", "2021-07-25", "2021-07-25")),
    ("2021-07-22", "week", None, ("2021-07-19", "2021-07-19", "2021-07-25")),
    ("2021-02-01", "month", None, ("2021-02-01", "2021-02-01", "2021-02-28")),
    ("2021-01-01", "month", "early", ("2021-01-01", "2021-01-01", "2021-01-10")),
    ("2021-01-11", "month", "mid", ("2021-01-15", "2021-01-11", "2021-01-20")),
    ("2021-02-21", "month", "late", ("2021-02-25", "2021-02-21", "2021-02-28")),
    ("2021-01-01", "year", None, ("2021-01-01", "2021-01-01", "2021-12-31")),
    ("2021-01-01", "year", "early", ("2021-01-01", "2021-01-01", "2021-04-30")),
    ("2021-05-01", "year", "mid", ("2021-07-01", "2021-05-01", "2021-08-31")),
    ("2021-09-01", "year", "late", ("2021-12-01", "2021-09-01", "2021-12-31")),  # نهاية العام
    ("2021-03-01", "quarter", None, ("2021-02-01", "2021-01-01", "2021-03-31")),
    ("2021-07-01", "half", None, ("2021-10-01", "2021-07-01", "2021-12-31")),
    ("2021-06-01", "season", None, ("2021-07-01", "2021-06-01", "2021-08-31")),  # summer
    ("2021-01-15", "season", None, ("2021-01-01", "2020-12-01", "2021-02-28")),  # winter began in December
    ("2021-12-01", "season", None, ("2022-01-01", "2021-12-01", "2022-02-28")),
])
def test_period_follows_the_annotation_conventions(day, precision, qualifier, want):
    got = period(dt.date.fromisoformat(day), precision, qualifier)
    assert tuple(d.isoformat() for d in got) == want


# ------------------------------------------------------------------ matching: dates
def date_article(*rows, published=PUBLISHED) -> dict:
    return {"article_id": "a1", "text": TEXT, "published": published, "dates": list(rows)}


def test_a_date_matches_when_its_point_lies_in_the_gold_period(tmp_path):
    gold = [gold_line("a1", TEXT, dates=[gold_date(TEXT, "نهاية العام", "2021-12-01", "2021-09-01", "2021-12-31",
                                                   "year")])]
    ev = run(tmp_path, gold, date_article(predicted(TEXT, "نهاية العام", date="2021-09-01", precision="year")))
    assert score(ev, "dates")["true_positives"] == 1 and len(ev.errors) == 0
    ev = run(tmp_path, gold, date_article(predicted(TEXT, "نهاية العام", date="2021-08-31", precision="year")))
    s = score(ev, "dates")
    assert (s["true_positives"], s["n_gold"], s["n_predicted"], s["precision"], s["recall"]) == (0, 1, 1, 0, 0)
    (err,) = ev.errors.itertuples()
    assert err.error == "wrong value" and err.gold == "2021-12-01 in 2021-09-01..2021-12-31 (year)"
    assert err.predicted == "2021-08-31 (year)"


def test_a_day_must_be_the_same_day(tmp_path):
    gold = [gold_line("a1", TEXT, dates=[gold_date(TEXT, "مساء الأحد", "2021-04-11", "2021-04-11", "2021-04-11")])]
    ok = run(tmp_path, gold, date_article(predicted(TEXT, "الأحد", date="2021-04-11", precision="day")))
    off = run(tmp_path, gold, date_article(predicted(TEXT, "الأحد", date="2021-04-04", precision="day")))
    assert score(ok, "dates")["f1"] == 1.0 and score(off, "dates")["f1"] == 0.0


def test_an_unresolved_gold_date_wants_an_unresolved_prediction(tmp_path):
    gold = [gold_line("a1", TEXT, dates=[gold_date(TEXT, "مساء الأحد", None, None, None)])]
    ok = run(tmp_path, gold, date_article(predicted(TEXT, "مساء الأحد", date=None, precision="day"), published=None))
    guessed = run(tmp_path, gold, date_article(predicted(TEXT, "مساء الأحد", date="2021-04-11", precision="day")))
    assert score(ok, "dates")["true_positives"] == 1
    assert score(guessed, "dates")["true_positives"] == 0 and guessed.errors["error"].tolist() == ["wrong value"]
    assert guessed.errors["gold"][0] == "unresolved (day)"


def test_spans_must_overlap(tmp_path):
    gold = [gold_line("a1", TEXT, dates=[gold_date(TEXT, "مساء الأحد", "2021-04-11", "2021-04-11", "2021-04-11")])]
    ev = run(tmp_path, gold, date_article(predicted(TEXT, "بيان", date="2021-04-11", precision="day")))
    assert sorted(ev.errors["error"]) == ["false alarm", "miss"]
    alarm = ev.errors.set_index("error").loc["false alarm"]
    assert alarm["text"] == "بيان" and pd.isna(alarm["gold"]) and alarm["predicted"] == "2021-04-11 (day)"


# ------------------------------------------------------------------ one-to-one, greedy by overlap
def test_each_gold_fact_matches_one_prediction_and_each_prediction_one_fact(tmp_path):
    gold = [gold_line("a1", TEXT, rounds=[fact(TEXT, "الجولة الثالثة", round=3)])]
    whole = predicted(TEXT, "الجولة الثالثة", round=3)
    part = predicted(TEXT, "الثالثة", round=3)
    ev = run(tmp_path, gold, {"article_id": "a1", "text": TEXT, "rounds": [part, whole]})
    s = score(ev, "rounds")
    assert (s["n_gold"], s["n_predicted"], s["true_positives"]) == (1, 2, 1)
    (err,) = ev.errors.itertuples()  # the larger overlap won: the shorter span is the false alarm
    assert err.error == "false alarm" and err.text == "الثالثة"


def test_greedy_matching_takes_the_largest_overlap_first(tmp_path):
    text = "الجولة الثالثة والجولة الرابعة"
    a, b = span(text, "الجولة الثالثة"), span(text, "الجولة الرابعة")
    gold = [gold_line("a1", text, rounds=[{"start": a[0], "end": a[1], "text": text[a[0]:a[1]], "round": 3},
                                          {"start": b[0], "end": b[1], "text": text[b[0]:b[1]], "round": 3}])]
    # one prediction straddles both: 3 characters of the first, 9 of the second
    straddle = {"start": a[1] - 3, "end": b[0] + 9, "round": 3}
    ev = run(tmp_path, gold, {"article_id": "a1", "text": text, "rounds": [straddle]})
    assert score(ev, "rounds")["true_positives"] == 1
    (err,) = ev.errors.itertuples()
    assert err.error == "miss" and err.start == a[0]


def test_matching_is_per_article(tmp_path):
    gold = [gold_line("a1", TEXT, rounds=[fact(TEXT, "الجولة الثالثة", round=3)]),
            gold_line("a2", TEXT, rounds=[])]
    ev = run(tmp_path, gold, {"article_id": "a1", "text": TEXT},
             {"article_id": "a2", "text": TEXT, "rounds": [predicted(TEXT, "الجولة الثالثة", round=3)]})
    assert sorted(zip(ev.errors["article_id"], ev.errors["error"])) == [("a1", "miss"), ("a2", "false alarm")]
    assert score(ev, "rounds")["n_articles"] == 2


# ------------------------------------------------------------------ troops and rounds
def troop_gold(**over) -> list[dict]:
    return [gold_line("a1", TEXT, troops=[fact(TEXT, "نحو 2500 جندي", value=2500, value_max=over.get("value_max"),
                                               unit="troops", force="US", country="Iraq", kind="level")])]


def test_a_troop_figure_needs_the_same_value(tmp_path):
    row = predicted(TEXT, "2500 جندي", value=2500.0, unit="troops", force="US")
    assert score(run(tmp_path, troop_gold(), {"article_id": "a1", "text": TEXT, "troops": [row]}), "troops")["f1"] == 1
    wrong = run(tmp_path, troop_gold(), {"article_id": "a1", "text": TEXT, "troops": [row | {"value": 250.0}]})
    assert wrong.errors["error"].tolist() == ["wrong value"]
    assert wrong.errors["predicted"][0] == f"250 troops at {row['start']}-{row['end']} «2500 جندي»"  # its own span
    assert wrong.errors["gold"][0] == "2500 troops" and wrong.errors["text"][0] == "نحو 2500 جندي"


def test_value_max_is_compared_only_when_the_frame_has_it(tmp_path):
    row = predicted(TEXT, "2500 جندي", value=2500.0, unit="troops", force="US")
    ranged_gold = troop_gold(value_max=3000)
    without = run(tmp_path, ranged_gold, {"article_id": "a1", "text": TEXT, "troops": [row]})
    assert score(without, "troops")["true_positives"] == 1
    article = {"article_id": "a1", "text": TEXT, "troops": [row | {"value_max": None}]}
    with_column = run(tmp_path, ranged_gold, article, troop_columns=("value_max",))
    assert score(with_column, "troops")["true_positives"] == 0
    assert with_column.errors["gold"][0] == "2500–3000 troops"
    article["troops"] = [row | {"value_max": 3000.0}]
    assert score(run(tmp_path, ranged_gold, article, troop_columns=("value_max",)), "troops")["true_positives"] == 1
    article["troops"] = [row | {"value_max": None}]
    assert score(run(tmp_path, troop_gold(), article, troop_columns=("value_max",)), "troops")["true_positives"] == 1


def test_a_round_needs_the_same_number(tmp_path):
    gold = [gold_line("a1", TEXT, rounds=[fact(TEXT, "الجولة الثالثة", round=3)])]
    for got, hits in ((3, 1), (2, 0), (None, 0)):
        ev = run(tmp_path, gold, {"article_id": "a1", "text": TEXT,
                                  "rounds": [predicted(TEXT, "الجولة الثالثة", round=got)]})
        assert score(ev, "rounds")["true_positives"] == hits, got
    assert ev.errors["predicted"][0] == "unknown"


# ------------------------------------------------------------------ statements
QUOTE = "«الجولة الثالثة من الحوار حققت نتائج مهمة للبلدين الصديقين»"


def statement_gold(speaker="فؤاد حسين", kind="direct", **line) -> list[dict]:
    return [gold_line("a1", TEXT, statements=[fact(TEXT, QUOTE, speaker=speaker, kind=kind)], **line)]


def said(start_shift=0, end_shift=0, kind="statement", speaker="فؤاد حسين") -> dict:
    s, e = span(TEXT, QUOTE)
    return {"start": s + start_shift, "end": e + end_shift, "kind": kind, "speaker": speaker}


def statements_article(*rows) -> dict:
    return {"article_id": "a1", "text": TEXT, "statements": list(rows)}


def test_a_statement_must_cover_80_percent_of_the_gold_span(tmp_path):
    n = len(QUOTE)
    assert n == 59  # 80% is 47.2 characters
    covers_48 = run(tmp_path, statement_gold(), statements_article(said(start_shift=n - 48)))
    covers_47 = run(tmp_path, statement_gold(), statements_article(said(start_shift=n - 47)))
    assert score(covers_48, "statements")["true_positives"] == 1
    assert score(covers_47, "statements")["true_positives"] == 0
    (err,) = covers_47.errors.itertuples()
    assert err.error == "wrong span" and "at " in err.predicted and "«" in err.predicted


def test_a_statement_may_be_at_most_25_percent_plus_10_characters_longer(tmp_path):
    s, e = span(TEXT, QUOTE)
    allowed = 0.25 * len(QUOTE) + 10  # 24.75 characters
    longest = run(tmp_path, statement_gold(), statements_article(said(start_shift=-24)))
    too_long = run(tmp_path, statement_gold(), statements_article(said(start_shift=-25)))
    assert s >= 25 and allowed == 24.75
    assert score(longest, "statements")["true_positives"] == 1
    assert score(too_long, "statements")["true_positives"] == 0


def test_terms_are_not_statements_and_statement_is_direct(tmp_path):
    term = {"start": span(TEXT, "بيان")[0], "end": span(TEXT, "بيان")[1], "kind": "term", "speaker": None}
    ev = run(tmp_path, statement_gold(), statements_article(said(), term))
    s = score(ev, "statements")
    assert (s["n_predicted"], s["true_positives"]) == (1, 1)
    direct = score(ev, "statements.direct")
    assert (direct["n_gold"], direct["true_positives"], direct["recall"]) == (1, 1, 1.0)
    indirect = score(ev, "statements.indirect")
    assert (indirect["n_gold"], indirect["n_predicted"]) == (0, 0) and math.isnan(indirect["precision"])


def test_kinds_are_scored_on_their_own_and_a_mismatch_is_listed(tmp_path):
    ev = run(tmp_path, statement_gold(kind="indirect"), statements_article(said(kind="statement")))
    assert score(ev, "statements")["true_positives"] == 1
    assert score(ev, "statements.indirect")["recall"] == 0 and score(ev, "statements.direct")["precision"] == 0
    assert ev.errors["error"].tolist() == ["wrong kind"]


def test_statement_kinds_limits_what_a_line_scores(tmp_path):
    clause = {"start": span(TEXT, "أن نحو")[0], "end": span(TEXT, "العام.")[1], "kind": "indirect",
              "speaker": "وزارة الدفاع"}
    both = run(tmp_path, statement_gold(), statements_article(said(), clause))
    quotes_only = run(tmp_path, statement_gold(statement_kinds=["direct"]), statements_article(said(), clause))
    assert score(both, "statements")["n_predicted"] == 2 and score(both, "statements.indirect")["n_predicted"] == 1
    assert score(quotes_only, "statements")["n_predicted"] == 1 and len(quotes_only.errors) == 0
    assert score(quotes_only, "statements.indirect")["n_articles"] == 0


def test_speakers_are_compared_folded(tmp_path):
    assert same_speaker("فؤاد حسين", "فُؤاد  حُسين ") and same_speaker("مصطفى الكاظمي", "مصطفي الكاظمى")
    assert same_speaker("وزارة الخارجية", "وزاره الخارجيه") and same_speaker("أنتوني بلينكن", "انتوني بلينكن")
    assert same_speaker(None, float("nan")) and not same_speaker("فؤاد حسين", None)
    assert not same_speaker("فؤاد حسين", "حسين") and fold_speaker("  ") is None
    ev = run(tmp_path, statement_gold(), statements_article(said(speaker="فُؤاد حُسين")))
    assert score(ev, "statements")["speaker_accuracy"] == 1.0 and len(ev.errors) == 0


def test_a_wrong_speaker_counts_as_a_match_but_not_as_a_right_speaker(tmp_path):
    ev = run(tmp_path, statement_gold(), statements_article(said(speaker="حسين")))
    s = score(ev, "statements")
    assert (s["true_positives"], s["f1"], s["speaker_accuracy"]) == (1, 1.0, 0.0)
    (err,) = ev.errors.itertuples()
    assert (err.error, err.gold, err.predicted) == ("wrong speaker", "فؤاد حسين (direct)", "حسين (direct)")
    none = run(tmp_path, statement_gold(), statements_article(said(speaker=None)))
    assert none.errors["predicted"][0] == "no speaker (direct)"


# ------------------------------------------------------------------ published
@pytest.mark.parametrize("want, got, counts, error", [
    ("2021-04-11", "2021-04-11", (1, 1, 1), None),
    (None, None, (0, 0, 0), None),
    (None, "2021-04-11", (0, 1, 0), "false alarm"),
    ("2021-04-11", None, (1, 0, 0), "miss"),
    ("2021-04-11", "2021-04-10", (1, 1, 0), "wrong value"),
])
def test_published_is_one_fact_per_article(tmp_path, want, got, counts, error):
    ev = run(tmp_path, [gold_line("a1", TEXT, published=want)], {"article_id": "a1", "text": TEXT, "published": got})
    s = score(ev, "published")
    assert (s["n_gold"], s["n_predicted"], s["true_positives"], s["n_articles"]) == (*counts, 1)
    assert ev.errors["error"].tolist() == ([error] if error else [])
    if error:
        values = [None if pd.isna(v) else v for v in (ev.errors["gold"][0], ev.errors["predicted"][0])]
        assert values == [want, got]
        assert ev.errors["context"][0] == TEXT[:80]


# ------------------------------------------------------------------ what is scored
def test_absent_frames_and_articles_are_not_scored(tmp_path):
    gold = [gold_line("a1", TEXT, rounds=[])]  # only rounds annotated, no publication date
    extra = {"article_id": "a2", "text": TEXT, "rounds": [predicted(TEXT, "الجولة الثالثة", round=3)]}
    ev = run(tmp_path, gold, {"article_id": "a1", "text": TEXT, "published": PUBLISHED,
                              "dates": [predicted(TEXT, "نهاية العام", date="2021-09-01", precision="year")]}, extra)
    scores = ev.scores.set_index("fact")
    assert scores.loc["rounds", "n_articles"] == 1 and scores.loc["rounds", "n_predicted"] == 0
    assert scores.loc["dates", "n_articles"] == 0 and scores.loc["dates", "n_predicted"] == 0
    assert scores.loc["published", "n_articles"] == 0
    assert len(ev.errors) == 0 and len(ev.problems) == 0


def test_gold_for_another_text_or_a_missing_article_is_a_problem_not_a_score(tmp_path):
    gold = [gold_line("a1", TEXT + " ", rounds=[fact(TEXT, "الجولة الثالثة", round=3)]),
            gold_line("gone", TEXT, rounds=[])]
    ev = run(tmp_path, gold, {"article_id": "a1", "text": TEXT, "rounds": [predicted(TEXT, "الثالثة", round=2)]})
    assert ev.scores["n_articles"].sum() == 0 and len(ev.errors) == 0
    reasons = dict(zip(ev.problems["article_id"], ev.problems["reason"]))
    assert "sha256" in reasons["a1"] and "not scored" in reasons["a1"]
    assert "not in the corpus" in reasons["gone"]
    assert ev.problems["row"].tolist() == [1, 2] and (ev.problems["severity"] == "error").all()


def test_a_span_that_does_not_hold_its_text_leaves_that_frame_unscored(tmp_path):
    moved = fact(TEXT, "الجولة الثالثة", round=3)
    moved["start"] += 1
    moved["end"] += 1
    moved["text"] = TEXT[moved["start"] - 1:moved["end"] - 1]
    gold = [gold_line("a1", TEXT, published="2021-04-11", rounds=[moved])]
    ev = run(tmp_path, gold, {"article_id": "a1", "text": TEXT, "published": PUBLISHED})
    assert "rounds: 1 span(s) do not hold their text" in ev.problems["reason"][0]
    assert score(ev, "rounds")["n_articles"] == 0 and score(ev, "published")["true_positives"] == 1


def test_the_bad_lines_of_a_skipping_read_are_problems_of_the_evaluation(tmp_path):
    path = write_gold(tmp_path, [gold_line("a1", TEXT, rounds=[])], raw=["{oops"])
    ev = analysis.evaluate(corpus_of({"article_id": "a1", "text": TEXT}), analysis.read_gold(path, on_bad_lines="skip"))
    assert ev.problems["row"].tolist() == [2] and "not JSON" in ev.problems["reason"][0]
    assert analysis.evaluate(corpus_of({"article_id": "a1", "text": TEXT}), str(write_gold(tmp_path, [gold_line(
        "a1", TEXT, rounds=[])], name="g2.jsonl"))).scores.set_index("fact").loc["rounds", "n_articles"] == 1


def test_frames_have_their_columns_and_errors_their_context(tmp_path):
    gold = [gold_line("a1", TEXT, rounds=[fact(TEXT, "الجولة الثالثة", round=3)])]
    ev = run(tmp_path, gold, {"article_id": "a1", "text": TEXT})
    assert list(ev.scores.columns) == SCORE_COLUMNS and list(ev.errors.columns) == ERROR_COLUMNS
    assert ev.scores["fact"].tolist() == ["dates", "published", "troops", "rounds", "statements",
                                          "statements.direct", "statements.indirect"]
    s, e = span(TEXT, "الجولة الثالثة")
    assert ev.errors["context"][0] == TEXT[s - 40:e + 40]
    assert (ev.errors["start"][0], ev.errors["end"][0], ev.errors["text"][0]) == (s, e, "الجولة الثالثة")
    assert "1 errors" in repr(ev)


# ------------------------------------------------------------------ on parsed articles: CLI and drafts
ARTICLE = ("بغداد - 8 نيسان 2021\n\n"
           "قال وزير الخارجية العراقي فؤاد حسين إن «الجولة الثالثة من الحوار الاستراتيجي حققت ما كنا نريده "
           "للبلدين»، مشيراً إلى أن نحو 2500 جندي أميركي ما زالوا في العراق.\n\n"
           "وأضاف حسين أن الانسحاب سيكتمل بحلول نهاية العام الجاري.\n")


@pytest.fixture()
def folder(tmp_path):
    path = tmp_path / "articles"
    path.mkdir()
    (path / "art1.txt").write_text(ARTICLE, encoding="utf-8")
    (path / "art2.txt").write_text(TEXT, encoding="utf-8")
    return path


def test_the_cli_prints_the_scores_and_writes_them(tmp_path, folder, capsys):
    corpus = analysis.load_corpus(folder, cache=False)
    q = span(ARTICLE, "«الجولة")[0], span(ARTICLE, "للبلدين»")[1]
    line = gold_line("art1", ARTICLE, published="2021-04-08", rounds=[fact(ARTICLE, "الجولة الثالثة", round=3)],
                     statements=[{"start": q[0], "end": q[1], "text": ARTICLE[q[0]:q[1]], "speaker": "فؤاد حسين",
                                  "kind": "direct"}],
                     troops=[fact(ARTICLE, "نحو 2500 جندي", value=2500, unit="troops", force="US", kind="level")],
                     dates=[gold_date(ARTICLE, "نهاية العام الجاري", "2021-12-01", "2021-09-01", "2021-12-31", "year")])
    gold = write_gold(tmp_path, [line, gold_line("missing", TEXT, rounds=[])])
    out = tmp_path / "out"
    assert main(["evaluate", str(folder), str(gold), "--errors", "5", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "fact" in printed and "precision" in printed and "statements.indirect" in printed
    assert "1 problem(s): not scored" in printed and "missing is not in the corpus" in printed
    want = analysis.evaluate(corpus, analysis.read_gold(gold))
    scores = pd.read_csv(out / "scores.csv", encoding="utf-8-sig")
    pd.testing.assert_frame_equal(scores, want.scores, check_dtype=False)
    errors = pd.read_csv(out / "errors.csv", encoding="utf-8-sig")
    assert len(errors) == len(want.errors)
    assert f"First {min(5, len(want.errors))} of {len(want.errors)} errors" in printed
    for e in want.errors.head(5).itertuples():
        assert e.context in printed


def test_the_cli_names_a_bad_gold_line_and_fails(tmp_path, folder, capsys):
    gold = write_gold(tmp_path, [], raw=['{"article_id": "art1"}'])
    assert main(["evaluate", str(folder), str(gold)]) == 2
    assert f"{gold} line 1: sha256 missing" in capsys.readouterr().err
    assert main(["evaluate", str(folder), str(gold), "--on-bad-lines", "skip"]) == 0
    assert "line 1: sha256 missing" in capsys.readouterr().out


def test_a_gold_draft_is_the_parse_and_must_be_corrected_before_use(tmp_path, folder, capsys):
    draft = tmp_path / "draft.jsonl"
    assert main(["gold-draft", str(folder), str(draft)]) == 0
    assert "DRAFT" in capsys.readouterr().out
    with pytest.raises(ValueError, match="draft"):
        analysis.read_gold(draft)
    lines = [json.loads(x) for x in draft.read_text(encoding="utf-8").splitlines()]
    for line in lines:  # what a person does: correct, fill in each troop figure's kind, drop the mark
        del line["draft"]
        for t in line["troops"]:
            t["kind"], t["force"] = "level", t["force"] or "other"
    corrected = write_gold(tmp_path, lines, name="corrected.jsonl")
    ev = analysis.evaluate(analysis.load_corpus(folder, cache=False), analysis.read_gold(corrected))
    parsed = ev.scores[ev.scores["n_predicted"] > 0]
    assert len(parsed) >= 4 and (parsed["precision"] == 1).all() and (parsed["recall"] == 1).all()
    assert len(ev.errors) == 0


# ------------------------------------------------------------------ the seeds
def test_the_seed_gold_is_what_its_builder_makes():
    committed = [json.loads(x) for x in (FIXTURES / "seed_gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert committed == load_script("seed_gold").build()


# The seeds' figures the current code gives (benchmarks/fidelity.py prints them). Below 1.0: the gold
# follows docs/gold.md where the fixtures (written before it) did not, and the parser does not find the
# fourth round called «جولة أخيرة» in a linked headline (page chrome), nor the 60% repeated in an embedded
# tweet, nor the indirect statement in that tweet; and it ends seed 002's «أنه سيتم …» at a line break inside
# its sentence (a wrong span: a miss and a false alarm).
SEED_SCORES = {  # fact: (n_articles, n_gold, n_predicted, true_positives, speaker_accuracy)
    "dates": (5, 19, 19, 19, None),
    "published": (5, 5, 5, 5, None),
    "troops": (5, 6, 5, 5, None),
    "rounds": (5, 12, 11, 11, None),
    "statements": (5, 48, 47, 46, 1.0),
    "statements.direct": (5, 31, 31, 31, 1.0),
    "statements.indirect": (5, 17, 16, 15, 1.0),
}


def test_the_seeds_exact_figures(seeds):
    ev = analysis.evaluate(seeds, analysis.read_gold(FIXTURES / "seed_gold.jsonl"))
    assert len(ev.problems) == 0
    got = {r.fact: (r.n_articles, r.n_gold, r.n_predicted, r.true_positives,
                    None if math.isnan(r.speaker_accuracy) else r.speaker_accuracy) for r in ev.scores.itertuples()}
    assert got == SEED_SCORES
    assert sorted(zip(ev.errors["article_id"], ev.errors["fact"], ev.errors["error"], ev.errors["text"])) == [
        ("002_8b10d884f1f95237", "statements", "miss", "ان التطور الكبير في قدرات قواتنا الامنية، وتغير شكل"
         " التهديد الارهابي على الارض، مهّد لمغادرة ما يقرب من ٦٠٪ من قوات التحالف خلال الاشهر الماضية من عمر هذه"
         " الحكومة"),
        ("002_8b10d884f1f95237", "statements", "wrong span", "أنه سيتم خلال جلسة الحوار بحث وجود قوات التحالف"
         " الدولي، التي استقدمت إلى العراق لمحاربة\nتنظيم الدولة، وكان لها دور مؤثر في هذا المجال"),
        ("002_8b10d884f1f95237", "troops", "miss", "ما يقرب من ٦٠٪ من قوات"),
        ("003_a90dff76a33d4385", "rounds", "miss", "جولة أخيرة"),
    ]


# ------------------------------------------------------------------ several gold files, benchmarks/fidelity.py

def test_gold_files_concatenate_and_a_repeated_article_is_a_problem(tmp_path):
    first = write_gold(tmp_path, [gold_line("a1", TEXT, rounds=[])], name="one.gold.jsonl")
    second = write_gold(tmp_path, [gold_line("a2", TEXT, rounds=[]), gold_line("a1", TEXT, rounds=[])],
                        name="two.gold.jsonl")
    gold = concat([analysis.read_gold(first), analysis.read_gold(second)])
    assert [(a.article_id, Path(a.path).name) for a in gold.articles] == [("a1", "one.gold.jsonl"),
                                                                          ("a2", "two.gold.jsonl")]
    (problem,) = gold.problems.itertuples()
    assert Path(problem.path).name == "two.gold.jsonl" and problem.row == 2
    assert f"first in {first} line 1" in problem.reason


def test_fidelity_scores_the_seeds_and_every_pair_of_a_dev_folder(tmp_path, capsys):
    dev = tmp_path / "dev"
    dev.mkdir()
    for name, aid in (("p1", "x1"), ("p2", "x2")):
        (dev / f"{name}.articles.jsonl").write_text(json.dumps({"id": aid, "text": ARTICLE}, ensure_ascii=False)
                                                    + "\n", encoding="utf-8")
        write_gold(dev, [gold_line(aid, ARTICLE, rounds=[fact(ARTICLE, "الجولة الثالثة", round=3)])],
                   name=f"{name}.gold.jsonl")
    (dev / "p3.articles.jsonl").write_text("", encoding="utf-8")
    assert load_script("fidelity").main(["--dev", str(dev), "--errors", "3"]) == 0
    printed = capsys.readouterr().out
    assert "== seeds (tests/fixtures/seed_gold.jsonl): 5 articles parsed" in printed
    assert "== development part p1" in printed and "== development part p2" in printed
    assert f"== development set ({dev}, 2 file pair(s)): 2 articles parsed" in printed
    assert "p3.articles.jsonl: no p3.gold.jsonl beside it, not scored" in printed
    table = printed.split("== development set")[1]
    rounds_row = next(line.split() for line in table.splitlines() if line.strip().startswith("rounds"))
    assert rounds_row[1:3] == ["2", "2"]  # two articles, two gold round mentions
