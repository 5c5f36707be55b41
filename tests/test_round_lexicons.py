"""Every row of the tables the round extractor reads (talks, round words, clause words), in a phrase."""
from __future__ import annotations

import datetime as dt

import pytest

from analysis import lexicons
from analysis.corpus import Article, parse_article

DIALOGUE = "من الحوار الاستراتيجي بين العراق والولايات المتحدة"


def rounds(text: str, published=dt.date(2021, 7, 27)):
    return parse_article(Article("t", text, published=published))["rounds"]


def rows(name: str):
    return list(lexicons.table(name).itertuples())


def sample(pattern: str) -> str:
    """A plain phrase matched by the first alternative of a talks pattern."""
    first = pattern.split("|")[0]
    for a, b in (("(?:ال)?", "ال"), ("\\w*", "ة"), ("\\s+", " "), ("(?:و\\s*)?", "و"), ("(?:اقليم\\s+)?", "إقليم "),
                 ("(?:", ""), (")", "")):
        first = first.replace(a, b)
    return first


@pytest.mark.parametrize("row", [r for r in rows("talks") if r.kind == "other_talks"], ids=lambda r: r.pattern[:15])
def test_every_other_talks_pattern_excludes_the_sentence(row):
    assert rounds(f"وعقدت الجولة الثالثة {DIALOGUE} في {sample(row.pattern)}.") == []


@pytest.mark.parametrize("row", [r for r in rows("talks") if r.kind == "other_party"], ids=lambda r: r.pattern[:15])
def test_every_other_party_excludes_a_sentence_without_iraq(row):
    other = sample(row.pattern)
    assert rounds(f"وعقدت الجولة الثالثة من الحوار الاستراتيجي بين واشنطن و{other}.") == []
    assert [r["round"] for r in rounds(f"وعقدت الجولة الثالثة {DIALOGUE} بحضور {other}.")] == [3]


@pytest.mark.parametrize("row", [r for r in rows("talks") if r.kind == "dialogue"], ids=lambda r: r.pattern[:15])
def test_every_dialogue_name_makes_a_sentence_about_the_dialogue(row):
    name = sample(row.pattern).replace("استراتيجة", "الاستراتيجي")
    assert [r["round"] for r in rounds(f"وعقدت الجولة الثانية من {name} في واشنطن.")] == [2]


@pytest.mark.parametrize("row", [r for r in rows("round_words") if r.kind in ("dual", "plural")], ids=lambda r: r.word)
def test_every_dual_and_plural_noun_lists_ordinals(row):
    got = rounds(f"وناقشت {row.word} الأولى والثانية {DIALOGUE} ملف القوات.")
    assert [r["round"] for r in got] == [1, 2]


WHEN = {"latest": (dt.date(2021, 1, 10), [2]), "previous": (dt.date(2021, 7, 26), [3]),
        "next": (dt.date(2021, 5, 1), [4]), "new": (dt.date(2021, 4, 6), [3])}


@pytest.mark.parametrize("row", [r for r in rows("round_words") if r.kind in WHEN], ids=lambda r: r.word)
def test_every_time_word_resolves_against_the_reference(row):
    published, want = WHEN[row.kind]
    noun = "الجولتان" if row.word.endswith(("تان", "تين")) else "الجولة"
    got = rounds(f"وتناولت {noun} {row.word} {DIALOGUE} ملف القوات.", published)
    assert [r["round"] for r in got][-1:] == want and got[0]["rule"] == f"inferred_{row.kind}"


@pytest.mark.parametrize("row", rows("clause_words"), ids=lambda r: r.word)
def test_every_clause_word_keeps_a_later_date_off_the_mention(row):
    text = f"وانتهت الجولة الثالثة {DIALOGUE} {row.word} أعلن الوزير في 20 أيار 2021 عن خطته."
    got = rounds(text)
    assert [r["round"] for r in got] == [3] and got[0]["date"] is None


@pytest.mark.parametrize("row", [r for r in rows("round_words") if r.kind == "first_two"], ids=lambda r: r.word)
def test_every_first_two_word_names_rounds_one_and_two(row):
    noun = "الجولتان" if row.word.endswith("ان") else "الجولتين"
    assert [r["round"] for r in rounds(f"وناقشت {noun} {row.word} {DIALOGUE} ملف القوات.")] == [1, 2]
