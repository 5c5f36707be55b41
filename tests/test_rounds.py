"""Strategic-dialogue rounds: ordinals and their forms, dates in the same clause, other talks excluded."""
from __future__ import annotations

import datetime as dt

import pytest

from analysis.corpus import Article, parse_article

PUB = dt.date(2021, 7, 27)


def mentions(text: str, published: dt.date = PUB):
    rows = parse_article(Article("t", text, published=published))["rounds"]
    return [(r["text"], r["round"], r["date"]) for r in rows]


@pytest.mark.parametrize("text, span, number", [
    ("بختام الجولة الثالثة من الحوار الإستراتيجي بينهما.", "الجولة الثالثة", 3),
    ("عقدت الجولة الأولى من الحوار الاستراتيجي عبر الفيديو.", "الجولة الأولى", 1),
    ("وكانت أولى جولات الحوار الإستراتيجي بين بغداد وواشنطن عقدت افتراضيا.", "أولى جولات", 1),
    ("تنطلق الجولة الرابعة من الحوار الاستراتيجي في واشنطن.", "الجولة الرابعة", 4),
    ("تنطلق الجولة الـ4 من الحوار الاستراتيجي في واشنطن.", "الجولة الـ4", 4),
    ("جولة رابعة من الحوار الاستراتيجي في واشنطن", "جولة رابعة", 4),
    ("ثاني جولات الحوار الاستراتيجي تعقد في واشنطن.", "ثاني جولات", 2),
    ("بيان مشترك عقب انطلاق الحوار الاستراتيجي بين البلدين.", "انطلاق الحوار الاستراتيجي", 1),
    ("نتائج الجولة الثالثة من «الحوار» الأميركي - العراقي.", "الجولة الثالثة", 3),
    ("اختتام الجلسة الثانية من المباحثات الاستراتيجية بين العراق والولايات المتحدة.", "الجلسة الثانية", 2),
])
def test_round_mentions(text, span, number):
    got = mentions(text)
    assert [(s, n) for s, n, _ in got] == [(span, number)]


def test_elided_round_and_dates_per_clause():
    text = ("وكانت أولى جولات الحوار الإستراتيجي بين بغداد وواشنطن عقدت في يونيو/حزيران الماضي، "
            "بينما عقدت الثانية خلال أغسطس/آب 2020.")
    assert mentions(text, dt.date(2021, 4, 7)) == [("أولى جولات", 1, dt.date(2020, 6, 1)),
                                                   ("الثانية", 2, dt.date(2020, 8, 1))]


def test_day_precise_date_in_clause():
    text = "انطلقت الجولة الرابعة من الحوار الاستراتيجي في واشنطن يوم الاثنين 26 تموز/يوليو 2021."
    assert mentions(text) == [("الجولة الرابعة", 4, dt.date(2021, 7, 26))]


@pytest.mark.parametrize("text", [
    "انطلقت الجولة الثالثة من المفاوضات النووية في فيينا.",
    "عقد التحالف الدولي الجولة الثانية من محادثاته مع الحكومة العراقية.",
    "فاز الفريق في الجولة الثالثة من الدوري.",
    "الجولة الأخيرة من المباحثات بين الطرفين.",
])
def test_other_talks_are_not_rounds(text):
    assert mentions(text) == []


# ---------------------------------------------------------------- several rounds in one phrase
@pytest.mark.parametrize("text, want", [
    ("عقدت الجولتان الأولى والثانية من الحوار الاستراتيجي بين بغداد وواشنطن.", [("الجولتان الأولى", 1), ("الثانية", 2)]),
    ("ناقشت الجولتين الأولى والثانية من الحوار الاستراتيجي ملف القوات.", [("الجولتين الأولى", 1), ("الثانية", 2)]),
    ("وخلصت الجولات الأولى والثانية والثالثة من الحوار الاستراتيجي إلى جدول للانسحاب.",
     [("الجولات الأولى", 1), ("الثانية", 2), ("الثالثة", 3)]),
])
def test_ordinals_listed_after_a_dual_or_plural(text, want):
    assert [(s, n) for s, n, _ in mentions(text)] == want


def test_rounds_just_named_taken_up_one_by_one():
    text = ("وعقدت الجولتان الأولى والثانية من الحوار الاستراتيجي العام الماضي، الأولى عبر الفيديو "
            "والثانية في واشنطن.")
    assert [(s, n) for s, n, _ in mentions(text)] == [("الجولتان الأولى", 1), ("الثانية", 2), ("الأولى", 1),
                                                      ("الثانية", 2)]


def test_an_ordinal_after_a_comma_is_a_round_only_when_the_sentence_named_it():
    text = "وعقدت الجولتان الأولى والثانية من الحوار الاستراتيجي، والثالثة من نوعها زيارة الوزير."
    assert [n for _, n, _ in mentions(text)] == [1, 2]  # (no round three was named)
    text = "وعقدت الجولة الأولى من الحوار الاستراتيجي عبر الفيديو، والثانية من الزيارات في واشنطن."
    assert [n for _, n, _ in mentions(text)] == [1]  # one round named: no list taken up


def test_elided_second_round_after_the_first():
    text = "وعقدت الجولة الأولى من الحوار الاستراتيجي عبر الفيديو، فيما عقدت الثانية في واشنطن."
    assert [(s, n) for s, n, _ in mentions(text)] == [("الجولة الأولى", 1), ("الثانية", 2)]


@pytest.mark.parametrize("text, want", [
    ("وكانت جولة آب/أغسطس 2020 من الحوار الاستراتيجي قد عقدت في واشنطن.", [2]),
    ("وأسفرت جولة 7 نيسان 2021 من الحوار الاستراتيجي عن تفاهمات.", [3]),
])
def test_rounds_named_by_their_month(text, want):
    assert [n for _, n, _ in mentions(text)] == want


@pytest.mark.parametrize("text", [
    "وكانت جولة أيار 2020 من الحوار الاستراتيجي قد أرجئت.",  # no reference round that month
    "وشملت الجولة الثالثة عشرة من المحادثات الاستراتيجية بين مصر والولايات المتحدة ملف المياه.",
])
def test_no_round_without_a_reference_round_or_for_another_country(text):
    assert mentions(text) == []


# ---------------------------------------------------------------- rounds named by time
@pytest.mark.parametrize("text, published, want", [
    # the eve of round 4: "the last round" is the one about to be held
    ("يتوجه الوفد إلى واشنطن لإجراء الجولة الأخيرة من الحوار الاستراتيجي.", dt.date(2021, 7, 25), [4]),
    ("وكانت الجولة الأخيرة من الحوار الاستراتيجي قد تناولت ملف القوات.", dt.date(2021, 1, 10), [2]),
    ("وستعقد الجولة المقبلة من الحوار الاستراتيجي في واشنطن.", dt.date(2021, 5, 1), [4]),
    ("ويترقب العراقيون الجولة المرتقبة من الحوار الاستراتيجي.", dt.date(2020, 8, 18), [2]),
    ("وأكد الوزير أن الجولة الجديدة من الحوار الاستراتيجي ستحسم الجدول الزمني.", dt.date(2021, 4, 6), [3]),
    ("وخلافا للجولة السابقة من الحوار الاستراتيجي، عقدت هذه الجولة في واشنطن.", dt.date(2021, 7, 26), [3]),
    ("وشملت الجولات الثلاث السابقة من الحوار الاستراتيجي خطوات لخفض القوات.", dt.date(2021, 7, 27), [1, 2, 3]),
    ("وشملت الجولتان السابقتان من الحوار الاستراتيجي خفض القوات.", dt.date(2021, 4, 7), [1, 2]),
])
def test_rounds_named_by_time_are_resolved_against_the_reference(text, published, want):
    got = parse_article(Article("t", text, published=published))["rounds"]
    assert [r["round"] for r in got] == want
    assert all(r["rule"].startswith("inferred_") for r in got)


def test_rounds_named_by_time_need_a_publication_date():
    text = "وكانت الجولة الأخيرة من الحوار الاستراتيجي قد تناولت ملف القوات."
    assert parse_article(Article("t", text))["rounds"] == []


def test_the_next_round_after_the_last_reference_round_is_unknown():
    assert mentions("وستعقد الجولة المقبلة من الحوار الاستراتيجي في بغداد.", dt.date(2022, 3, 1)) == []


# ---------------------------------------------------------------- the topic of the sentence
def test_a_sentence_without_talk_words_takes_the_topic_before_it():
    text = ("وبحث الحوار الاستراتيجي بين العراق والولايات المتحدة مستقبل القوات. "
            "وكانت الجولة الثالثة قد عقدت عبر الاتصال المرئي.")
    assert [(s, n) for s, n, _ in mentions(text)] == [("الجولة الثالثة", 3)]


@pytest.mark.parametrize("text", [
    "وبحث الحوار الاستراتيجي بين العراق والولايات المتحدة مستقبل القوات. وفي فيينا عقدت الجولة الثالثة من المحادثات.",
    "وعقدت الجولة الرابعة من الحوار الاستراتيجي بين بغداد وأربيل حول الموازنة.",
    "واستضافت بغداد الجولة الخامسة من المحادثات السعودية الإيرانية.",
    "وكانت الجولة الثالثة من المفاوضات الاستراتيجية حول سد النهضة قد تعثرت.",
])
def test_other_talks_named_in_the_sentence_are_not_rounds(text):
    assert mentions(text) == []


def test_a_day_number_after_the_noun_is_not_a_round_number():
    text = "وأسفرت جولة 7 نيسان 2021 من الحوار الاستراتيجي عن تفاهمات، والجولة رقم 4 في تموز."
    assert [(s, n) for s, n, _ in mentions(text)] == [("جولة 7 نيسان 2021", 3), ("الجولة رقم 4", 4)]


@pytest.mark.parametrize("text, want", [
    ("وعقدت الجولتان الأوليان من الحوار الاستراتيجي في حزيران وآب 2020.", [("الجولتان الأوليان", 1), ("الجولتان الأوليان", 2)]),
    ("وبحث الحوار الاستراتيجي مع واشنطن ملف القوات منذ انطلاق الحوار في حزيران 2020.", [("انطلاق الحوار", 1)]),
])
def test_the_first_two_rounds_and_the_launch_named_briefly(text, want):
    assert [(s, n) for s, n, _ in mentions(text)] == want


def test_the_launch_of_another_dialogue_is_not_round_one():
    text = "وبحث الحوار الاستراتيجي مع واشنطن ملف القوات بعد انطلاق الحوار الوطني في بغداد."
    assert mentions(text) == []
