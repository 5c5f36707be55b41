"""Every row of the tables the statements extractor reads beside cues.csv and speakers.csv: how cues are
written, the particles before them, complementizers, the words that end a subject, media and documents."""
from __future__ import annotations

import datetime as dt

import pytest

from analysis import cues, lexicons
from analysis.corpus import Article, parse_article
from analysis.text import normalize, normalize_spans

PUB = dt.date(2021, 4, 7)
SAID = '"العراق ماض في الحوار مع واشنطن"'


def rows(name: str):
    return list(lexicons.table(name).itertuples())


def statements(text: str, published=PUB):
    return [r for r in parse_article(Article("t", text, published=published))["statements"] if r["kind"] == "statement"]


@pytest.mark.parametrize("row", [r for r in rows("cue_affixes") if r.position == "prefix"], ids=lambda r: r.affix)
def test_every_cue_prefix(row):
    got = statements(f"{row.affix}قال وزير الخارجية العراقي فؤاد حسين إن {SAID}.")
    assert [s["speaker"] for s in got] == ["فؤاد حسين"] and got[0]["cue"].startswith(row.affix)


@pytest.mark.parametrize("row", [r for r in rows("cue_affixes") if r.position == "suffix"], ids=lambda r: r.affix)
def test_every_cue_suffix(row):
    text = f"وأكد{row.affix} الحكومة العراقية أن"
    found = cues.find_cues(normalize_spans(text))
    assert [m.group("suf") for m in found] == [normalize(row.affix)]
    got = statements(f"وأكد{row.affix} الحكومة العراقية أن {SAID}.")
    assert [s["speaker"] for s in got] == ["الحكومة العراقية"]


@pytest.mark.parametrize("row", [r for r in rows("cue_particles") if r.kind in ("leader", "perfect")], ids=lambda r: r.word)
def test_every_particle_lets_a_cue_open_a_clause(row):
    for text, opens in ((f"وتابع الحوار {row.word} أكد", True), ("وتابع الحوار الطويل أكد", False)):
        folded = normalize(text)
        m = cues.cues().pattern.search(folded, folded.rindex("اكد"))
        assert cues.opens_clause(folded, m) is opens, text


@pytest.mark.parametrize("row", [r for r in rows("cue_particles") if r.kind == "auxiliary"], ids=lambda r: r.word)
def test_every_auxiliary_puts_the_subject_before_the_verb(row):
    got = statements(f"و{row.word} فؤاد حسين قد قال في مقابلة إن {SAID}.")
    assert [s["speaker"] for s in got] == ["فؤاد حسين"]


@pytest.mark.parametrize("row", rows("complementizers"), ids=lambda r: f"{r.word}|{r.kind}")
def test_every_complementizer(row):
    if row.kind in ("that", "saying"):  # a short quotation after it is a statement, not a term
        got = statements(f'وأكد وزير الخارجية العراقي فؤاد حسين {row.word} "السيادة أولا".')
        assert [(s["quote"], s["speaker"]) for s in got] == [("السيادة أولا", "فؤاد حسين")]
    else:  # his_saying, from: نقلت X عن Y قوله
        saying = row.word if row.kind == "his_saying" else "قوله"
        source_of = row.word if row.kind == "from" else "عن"
        got = statements(f'ونقلت وكالة الأنباء {source_of} فؤاد حسين {saying} إن {SAID}.')
        assert [(s["speaker"], s["attribution"]) for s in got] == [("فؤاد حسين", "reported")]


@pytest.mark.parametrize("row", rows("subject_stops"), ids=lambda r: r.word)
def test_every_subject_stop_ends_the_subject(row):
    got = statements(f"وقال سعد الحديثي {row.word} الحوار إن {SAID}.")  # a name in no table
    assert [s["speaker"] for s in got] == ["سعد الحديثي"]


@pytest.mark.parametrize("row", rows("media"), ids=lambda r: r.word)
def test_every_media_head_names_its_source(row):
    definite = "ال" + row.word
    text = f'ذكرت {row.word} "الأفق الجديد" أن الحوار قريب.\nوقالت {definite} إن "القوات ستغادر العراق قبل نهاية العام".'
    assert [s["speaker"] for s in statements(text)] == ["الأفق الجديد"]


@pytest.mark.parametrize("row", rows("documents"), ids=lambda r: r.word)
def test_every_document_of_a_joint_statement(row):
    text = ("وأكدت واشنطن وبغداد في بيان مشترك أن الحوار مستمر.\n"
            f'وقالت حكومتا البلدين في ال{row.word} إن "القوات ستغادر العراق قبل نهاية العام".')
    assert [s["speaker"] for s in statements(text)] == ["البيان المشترك"]
