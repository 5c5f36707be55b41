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


def reported(text: str, published=PUB):
    rows = parse_article(Article("t", text, published=published))["statements"]
    return [(r["text"], r["speaker"]) for r in rows if r["kind"] == "indirect"]


@pytest.mark.parametrize("row", [r for r in rows("cue_affixes") if r.position == "prefix"], ids=lambda r: r.affix)
def test_every_cue_prefix(row):
    got = statements(f"{row.affix}قال وزير الخارجية العراقي فؤاد حسين إن {SAID}.")
    assert [s["speaker"] for s in got] == ["فؤاد حسين"] and got[0]["cue"].startswith(row.affix)


@pytest.mark.parametrize("row", [r for r in rows("cue_affixes") if r.position == "suffix"], ids=lambda r: r.affix)
def test_every_cue_suffix(row):
    verb = "يؤكد" if row.affix == "ون" else "وأكد"  # ون is the present plural (يؤكدون)
    text = f"{verb}{row.affix} الحكومة العراقية أن"
    found = cues.find_cues(normalize_spans(text))
    assert [m.group("suf") for m in found] == [normalize(row.affix)]
    got = statements(f"{verb}{row.affix} الحكومة العراقية أن {SAID}.")
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


@pytest.mark.parametrize("row", [r for r in rows("cue_particles") if r.kind == "topic"], ids=lambda r: r.word)
def test_every_topic_particle_puts_the_subject_before_a_verb_with_fa(row):
    got = statements(f"و{row.word} وزير الخارجية العراقي فؤاد حسين فقال في مقابلة إن {SAID}.")
    assert [s["speaker"] for s in got] == ["فؤاد حسين"]


@pytest.mark.parametrize("row", rows("complementizers"), ids=lambda r: f"{r.word}|{r.kind}")
def test_every_complementizer(row):
    if row.kind in ("that", "saying"):  # a short quotation after it is a statement, not a term
        got = statements(f'وأكد وزير الخارجية العراقي فؤاد حسين {row.word} "السيادة أولا".')
        assert [(s["quote"], s["speaker"]) for s in got] == [("السيادة أولا", "فؤاد حسين")]
    if row.kind == "that":  # and a clause after it is reported speech
        assert reported(f"وأكد وزير الخارجية العراقي فؤاد حسين {row.word} الحوار مستمر مع واشنطن.") == [
            (f"{row.word} الحوار مستمر مع واشنطن", "فؤاد حسين")]
    elif row.kind in ("his_saying", "from"):  # نقلت X عن Y قوله
        saying = row.word if row.kind == "his_saying" else "قوله"
        source_of = row.word if row.kind == "from" else "عن"
        got = statements(f'ونقلت وكالة الأنباء {source_of} فؤاد حسين {saying} إن {SAID}.')
        assert [(s["speaker"], s["attribution"]) for s in got] == [("فؤاد حسين", "reported")]
    elif row.kind == "about":  # أعلن عن: what was announced
        assert reported(f"وأعلنت الحكومة العراقية {row.word} خطة لإعادة انتشار القوات.") == [
            (f"{row.word} خطة لإعادة انتشار القوات", "الحكومة العراقية")]
        assert reported(f"وقالت الحكومة العراقية {row.word} الخطة إنها جاهزة.") == [("إنها جاهزة", "الحكومة العراقية")]
    elif row.kind == "however":  # وفق X، غير أن …: the writer's clause, not X's
        assert reported(f"وذلك وفق وزارة التخطيط، {row.word} أن الأسعار ترتفع.") == []
        assert statements(f"وقال {row.word} بيدرسون إن {SAID}.")[0]["speaker"] == f"{row.word} بيدرسون"  # a name too
    elif row.kind == "blocks":  # بعد أن: not what was said
        assert reported(f"وقال فؤاد حسين {row.word} أن التقى نظيره إن الحوار مستمر.") == [("إن الحوار مستمر", "فؤاد حسين")]


@pytest.mark.parametrize("row", [r for r in rows("subject_stops") if r.kind == "relative"], ids=lambda r: r.word)
def test_every_relative_word_before_a_source_verb(row):
    if row.word == "ما":  # بحسب ما أفاد X
        assert reported("وبحسب ما أفادت وزارة الخارجية العراقية، فإن الجولة ستعقد في بغداد.") == [
            ("فإن الجولة ستعقد في بغداد", "وزارة الخارجية العراقية")]
    else:  # العراق الذي أكد: a relative clause, not a subject before its verb
        got = statements(f'وقال فؤاد حسين إن العراق {row.word} أكد "رفضه أن يكون ساحة للصراعات".')
        assert [s["speaker"] for s in got] == ["فؤاد حسين"]


@pytest.mark.parametrize("row", [r for r in rows("subject_stops") if r.kind == "in"], ids=lambda r: r.word)
def test_where_an_unnamed_source_works(row):
    got = statements(f"وقال مسؤول {row.word} السفارة البريطانية ببغداد إن {SAID}.")
    assert [s["speaker"] for s in got] == [f"مسؤول {row.word} السفارة البريطانية"]


@pytest.mark.parametrize("row", rows("subject_stops"), ids=lambda r: r.word)
def test_every_subject_stop_ends_the_subject(row):
    got = statements(f"وقال سعد الحديثي {row.word} الحوار إن {SAID}.")  # a name in no table
    assert [s["speaker"] for s in got] == ["سعد الحديثي"]


@pytest.mark.parametrize("row", rows("bodies"), ids=lambda r: r.word)
def test_every_body_keeps_its_quoted_name(row):
    got = statements(f'وقال {row.word} "الأفق الجديد" إن {SAID}.')
    assert [s["speaker"] for s in got] == [f"{row.word} الأفق الجديد"]


@pytest.mark.parametrize("row", rows("media"), ids=lambda r: r.word)
def test_every_media_head_names_its_source(row):
    definite = "ال" + row.word
    text = f'ذكرت {row.word} "الأفق الجديد" أن الحوار قريب.\nوقالت {definite} إن "القوات ستغادر العراق قبل نهاية العام".'
    assert [s["speaker"] for s in statements(text)] == ["الأفق الجديد"]


@pytest.mark.parametrize("row", [r for r in rows("documents") if r.kind == "statement"], ids=lambda r: r.word)
def test_every_document_of_a_joint_statement(row):
    text = ("وأكدت واشنطن وبغداد في بيان مشترك أن الحوار مستمر.\n"
            f'وقالت حكومتا البلدين في ال{row.word} إن "القوات ستغادر العراق قبل نهاية العام".')
    assert [s["speaker"] for s in statements(text)] == ["البيان المشترك"]


NOUNS = ("statement", "speech", "post", "letter", "report", "interview", "remark")


@pytest.mark.parametrize("row", [r for r in rows("documents") if r.kind in NOUNS], ids=lambda r: r.word)
def test_every_document_speaks_for_its_author(row):
    text = (f"وأصدرت وزارة الدفاع البريطانية {row.word} أمس.\n"
            f"وجاء في ال{row.word} أن القوات نفذت ضربات جوية على مواقع التنظيم.")
    assert reported(text) == [("أن القوات نفذت ضربات جوية على مواقع التنظيم", "وزارة الدفاع البريطانية")]


@pytest.mark.parametrize("row", [r for r in rows("documents") if r.kind == "pronoun"], ids=lambda r: r.word)
def test_every_pronoun_of_a_document(row):
    text = f"وألقى الكاظمي كلمة أمام البرلمان جاء {row.word} أن العراق يرفض الصراعات."
    assert reported(text) == [("أن العراق يرفض الصراعات", "مصطفى الكاظمي")]


@pytest.mark.parametrize("row", [r for r in rows("documents") if r.kind == "by"], ids=lambda r: r.word)
def test_every_word_that_names_a_documents_author(row):
    text = f"وجاء في بيان {row.word} عن وزارة الدفاع البريطانية أن القوات نفذت ضربات جوية."
    assert reported(text) == [("أن القوات نفذت ضربات جوية", "وزارة الدفاع البريطانية")]


# ------------------------------------------------------------------ speakers: offices, spellings, collectives
def _in_office(row) -> dt.date:
    """A date inside a holder's term (a role with no term: any date)."""
    if row.valid_from:
        return dt.date.fromisoformat(row.valid_from) + dt.timedelta(days=1)
    return PUB


@pytest.mark.parametrize("row", rows("offices"), ids=lambda r: r.title)
def test_every_office_title_names_its_holder(row):
    holders = [h for h in rows("office_holders") if h.office == row.office]
    assert holders, row.office
    holder = holders[-1]
    got = statements(f"وقال {row.title} إن {SAID}.", _in_office(holder))
    assert [(s["speaker"], s["speaker_role"], s["speaker_org"], s["attribution"]) for s in got] == [
        (holder.holder, row.office, row.org, "title")]


@pytest.mark.parametrize("row", rows("office_holders"), ids=lambda r: f"{r.holder}|{r.valid_from}")
def test_every_office_holder_in_office(row):
    from analysis.speakers import aliases
    assert row.holder in {a.canonical for a in aliases() if a.kind == "name"}, "a holder is a listed name"
    got = statements(f"وقال {row.office} إن {SAID}.", _in_office(row))
    assert [(s["speaker"], s["speaker_role"]) for s in got] == [(row.holder, row.office)]
    if row.valid_to:  # the day after the term, someone else or the title
        after = dt.date.fromisoformat(row.valid_to) + dt.timedelta(days=1)
        assert statements(f"وقال {row.office} إن {SAID}.", after)[0]["speaker"] != row.holder


@pytest.mark.parametrize("row", rows("spellings"), ids=lambda r: r.variant)
def test_every_spelling_variant_is_one_speaker(row):
    a = statements(f"وقال مسؤول في السفارة ال{row.variant}ية إن {SAID}.")
    b = statements(f"وقال مسؤول في السفارة ال{row.preferred}ية إن {SAID}.")
    assert a[0]["speaker"] == b[0]["speaker"] == f"مسؤول في السفارة ال{row.preferred}ية"


@pytest.mark.parametrize("row", rows("collectives"), ids=lambda r: r.word)
def test_every_collective_is_the_joint_statement(row):
    got = statements(f"وأكد {row.word} أن {SAID}.")
    assert [(s["speaker"], s["attribution"]) for s in got] == [("البيان المشترك", "joint")]


@pytest.mark.parametrize("row", rows("anaphora"), ids=lambda r: r.word)
def test_every_back_reference(row):
    text = f"والتقى الكاظمي في بغداد وزير الخارجية الأميركي أنتوني بلينكن.\nوقال {row.word} إن {SAID}."
    assert [(s["speaker"], s["attribution"]) for s in statements(text)] == [("أنتوني بلينكن", "anaphora")]


@pytest.mark.parametrize("row", [r for r in rows("titles") if r.kind != "description"], ids=lambda r: r.word)
def test_every_title_word_is_stripped_before_a_name(row):
    title = row.word if row.kind in ("head", "honorific") else f"رئيس {row.word}"  # a part follows a head
    got = statements(f"وقال {title} سعد الحديثي إن {SAID}.")  # a name in no table
    assert [s["speaker"] for s in got] == ["سعد الحديثي"]


@pytest.mark.parametrize("row", [r for r in rows("titles") if r.kind == "description"], ids=lambda r: r.word)
def test_every_description_is_kept_whole(row):
    got = statements(f"وقال {row.word} عسكري رفيع إن {SAID}.")
    assert [s["speaker"] for s in got] == [f"{row.word} عسكري رفيع"]


@pytest.mark.parametrize("row", [r for r in rows("titles") if r.kind == "head"], ids=lambda r: r.word)
def test_every_title_head_alone_is_a_title(row):
    got = statements(f"وقال {row.word} إن {SAID}.")
    assert [(s["speaker"], s["attribution"]) for s in got] == [(row.word, "title")]


# ------------------------------------------------------------------ cue kinds beyond verbs and participles
@pytest.mark.parametrize("row", [r for r in rows("cues") if r.kind == "source"], ids=lambda r: r.cue)
def test_every_source_cue(row):
    got = reported(f"و{row.cue} وزارة الخارجية العراقية، فإن الجولة المقبلة ستعقد في بغداد.")
    assert got == [("فإن الجولة المقبلة ستعقد في بغداد", "وزارة الخارجية العراقية")]


@pytest.mark.parametrize("row", [r for r in rows("cues") if r.kind == "document"], ids=lambda r: r.cue)
def test_every_document_cue(row):
    text = f"وأصدرت وزارة الدفاع البريطانية بياناً أمس.\nو{row.cue} في البيان أن القوات نفذت ضربات جوية."
    assert reported(text) == [("أن القوات نفذت ضربات جوية", "وزارة الدفاع البريطانية")]


@pytest.mark.parametrize("row", [r for r in rows("cues") if r.kind == "issuer"], ids=lambda r: r.cue)
def test_every_issuer_cue(row):
    text = f'و{row.cue} الكاظمي كلمة في البرلمان.\nوجاء فيها أن العراق يرفض الصراعات.'
    assert reported(text) == [("أن العراق يرفض الصراعات", "مصطفى الكاظمي")]
    assert reported(f"و{row.cue} الكاظمي اللوم على الفصائل أن القوات انسحبت.") == []  # no document: no speech


@pytest.mark.parametrize("row", [r for r in rows("cues") if r.about == "yes"], ids=lambda r: r.cue)
def test_every_cue_that_takes_about(row):
    assert reported(f"و{row.cue} وزارة الدفاع البريطانية عن خطة لسحب قواتها.") == [
        ("عن خطة لسحب قواتها", "وزارة الدفاع البريطانية")]


@pytest.mark.parametrize("row", [r for r in rows("cues") if r.continues == "yes"], ids=lambda r: r.cue)
def test_every_cue_that_continues_the_speaker_before(row):
    text = ("وألقى سامي الراشد كلمة في المؤتمر جاء فيها أنه سيشكل حكومة كفاءات.\n"
            f"و{row.cue} رئيس الوزراء المكلف: «لن نضيع يوماً واحداً».")
    got = [r for r in parse_article(Article("t", text, published=dt.date(2021, 4, 7)))["statements"]
           if r["kind"] == "statement"]
    assert [(r["speaker"], r["attribution"], r["speaker_role"]) for r in got] == [
        ("سامي الراشد", "anaphora", "رئيس الوزراء المكلف")]


@pytest.mark.parametrize("row", [r for r in rows("documents") if r.kind == "author_verb"], ids=lambda r: r.word)
def test_every_verb_that_names_a_documents_author(row):
    for form in (row.word + "ه", row.word + "ته"):  # بيان قدمه المكتب، بيان قدمته الوزارة
        text = f"وجاء في بيان {form} وزارة الدفاع البريطانية أن القوات نفذت ضربات جوية."
        assert reported(text) == [("أن القوات نفذت ضربات جوية", "وزارة الدفاع البريطانية")], form
