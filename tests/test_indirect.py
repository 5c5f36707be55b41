"""Indirect speech (issue 14): reported statements without quotation marks, as rows of kind "indirect"
whose span is the content clause from أن/إن (or عن after أعلن) to the sentence's end or the next
attribution, never counted twice with a quotation. Sentences written here."""
from __future__ import annotations

import datetime as dt

import pytest

from analysis.corpus import Article, parse_article

PUB = dt.date(2021, 4, 7)


def reported(text: str, published=PUB) -> list[tuple[str, str]]:
    """(clause, speaker) of each indirect statement."""
    rows = parse_article(Article("t", text, published=published))["statements"]
    return [(r["text"], r["speaker"]) for r in rows if r["kind"] == "indirect"]


@pytest.mark.parametrize("text, clause, speaker", [
    ("وأكد الكاظمي أن العراق لا يحتاج إلى قوات قتالية أجنبية.", "أن العراق لا يحتاج إلى قوات قتالية أجنبية",
     "مصطفى الكاظمي"),
    ("وقالت الحكومة العراقية إنها ستحمي البعثات الدبلوماسية في بغداد.",
     "إنها ستحمي البعثات الدبلوماسية في بغداد", "الحكومة العراقية"),
    ("وأشار فؤاد حسين إلى أن الحوار يشمل ملفات الطاقة والصحة.", "أن الحوار يشمل ملفات الطاقة والصحة", "فؤاد حسين"),
    ("وأعلن الجيش العراقي عن انتهاء المرحلة الأولى من العملية.", "عن انتهاء المرحلة الأولى من العملية",
     "الجيش العراقي"),
    ("وكشفت وزارة الدفاع البريطانية عن خطة لسحب قواتها.", "عن خطة لسحب قواتها", "وزارة الدفاع البريطانية"),
    ("وأفاد مصدر أمني بأن الهجوم استهدف قاعدة عين الأسد.", "بأن الهجوم استهدف قاعدة عين الأسد", "مصدر أمني"),
    ("وذكر بلينكن في مؤتمر صحفي عقده مع نظيره العراقي في واشنطن اليوم أن بلاده ستبقي مستشارين.",
     "أن بلاده ستبقي مستشارين", "أنتوني بلينكن"),
    ("وحسب وزارة الخارجية العراقية فإن الجولة المقبلة ستعقد في واشنطن.", "فإن الجولة المقبلة ستعقد في واشنطن",
     "وزارة الخارجية العراقية"),
    ("ويقول مسؤولون أمريكيون إن الانسحاب سيكتمل قبل نهاية العام.", "إن الانسحاب سيكتمل قبل نهاية العام",
     "مسؤولون أمريكيون"),
    ("وشدد رئيس البرلمان العراقي على أن السيادة خط أحمر.", "أن السيادة خط أحمر", "محمد الحلبوسي"),
])
def test_a_cue_and_its_content_clause(text, clause, speaker):
    assert reported(text) == [(clause, speaker)]


def test_the_clause_ends_at_the_next_attribution():
    text = "وقال الكاظمي إن الانسحاب سيكتمل، فيما أكد بلينكن أن بلاده ستبقي مستشارين في العراق."
    assert reported(text) == [("إن الانسحاب سيكتمل", "مصطفى الكاظمي"),
                              ("أن بلاده ستبقي مستشارين في العراق", "أنتوني بلينكن")]


def test_a_participle_opens_a_second_clause():
    text = "وقال فؤاد حسين إن الحوار مستمر، مضيفاً أن الجولة المقبلة ستعقد في بغداد."
    assert reported(text) == [("إن الحوار مستمر", "فؤاد حسين"), ("أن الجولة المقبلة ستعقد في بغداد", "فؤاد حسين")]


def test_a_carried_cue_reports_the_previous_speaker():
    text = "وقال الكاظمي إن الحوار مستمر.\nوأضاف أن الجولة المقبلة ستعقد في بغداد."
    assert reported(text)[-1] == ("أن الجولة المقبلة ستعقد في بغداد", "مصطفى الكاظمي")


def test_no_double_count_with_a_quotation_in_the_clause():
    text = 'وقال الكاظمي إن "العراق لن يكون ساحة لتصفية الحسابات بين الدول".'
    rows = parse_article(Article("t", text, published=PUB))["statements"]
    assert [r["kind"] for r in rows] == ["statement"]
    text = 'وقال الكاظمي إن الزيارة تهدف إلى "ترسيخ علاقة وثيقة مع الولايات المتحدة الأمريكية".'
    assert reported(text) == []


def test_a_scare_quote_in_the_clause_keeps_it_indirect():
    text = 'وقال الكاظمي إن الحوار "الاستراتيجي" مستمر مع واشنطن.'
    assert reported(text) == [('إن الحوار "الاستراتيجي" مستمر مع واشنطن', "مصطفى الكاظمي")]


@pytest.mark.parametrize("text, clause", [
    ("وقال الكاظمي بعد أن التقى بلينكن إن الحوار مستمر.", "إن الحوار مستمر"),  # بعد أن: a time clause
    ("وقال الكاظمي قبل أن يغادر إن العراق مستعد للحوار.", "إن العراق مستعد للحوار"),
])
def test_a_complementizer_after_a_time_word_is_not_the_content(text, clause):
    assert reported(text) == [(clause, "مصطفى الكاظمي")]


@pytest.mark.parametrize("text", [
    "يذكر أن الحوار بدأ في حزيران الماضي.",  # the writer's own words
    "وغادر الوفد دون أن يعلن موعد الجولة المقبلة.",
    "وأبدى وزير الخارجية العراقي حرص بلاده على التعاون مع واشنطن.",  # no complementizer
    "وقال الكاظمي في ختام زيارة استمرت ثلاثة أيام زار خلالها مدنا عدة والتقى مسؤولين كبارا في العاصمة الأمريكية "
    "ومسؤولين آخرين في ولايات عدة أن الزيارة ناجحة.",  # too far from its cue to be its complement
])
def test_no_reported_speech(text):
    assert reported(text) == []


def test_a_verb_in_reported_speech_is_not_a_second_speaker():
    text = "ونقلت وكالة الأنباء العراقية عن الكاظمي قوله إن بغداد وواشنطن أكدتا التزامهما بالانسحاب."
    assert reported(text) == [("إن بغداد وواشنطن أكدتا التزامهما بالانسحاب", "مصطفى الكاظمي")]


def test_indirect_rows_have_spans_into_the_text():
    text = "بغداد - وأكّد رئيسُ الوزراء العراقيّ أنّ الحوارَ مستمرّ، مشيراً إلى أنّ الجولةَ المقبلة قريبة."
    rows = [r for r in parse_article(Article("t", text, published=PUB))["statements"] if r["kind"] == "indirect"]
    assert [(text[r["start"]:r["end"]], r["speaker"]) for r in rows] == [
        ("أنّ الحوارَ مستمرّ", "مصطفى الكاظمي"), ("أنّ الجولةَ المقبلة قريبة", "مصطفى الكاظمي")]
    assert all(r["text"] == text[r["start"]:r["end"]] and r["rule"] == "that_clause" for r in rows)


@pytest.mark.parametrize("adjunct", ["، أمس الخميس،", " مساء الأحد", " في 12 آذار الماضي"])
def test_a_date_between_the_speaker_and_an_about_clause(adjunct):
    text = f"وأعلن صندوق التنمية الزراعية{adjunct} عن إطلاق برنامج قروض جديد للمزارعين."
    rows = [r for r in parse_article(Article("t", text, published=dt.date(2023, 3, 16)))["statements"]
            if r["kind"] == "indirect"]
    assert [(r["text"], r["speaker"]) for r in rows] == [("عن إطلاق برنامج قروض جديد للمزارعين", "صندوق التنمية الزراعية")]


def test_the_document_in_commas_before_an_about_clause():
    text = "وأعلن صندوق التنمية الزراعية، في رسالة إلى وزير الزراعة، عن رغبته في التعاون."
    rows = [r for r in parse_article(Article("t", text, published=dt.date(2023, 3, 16)))["statements"]
            if r["kind"] == "indirect"]
    assert [r["text"] for r in rows] == ["عن رغبته في التعاون"]



def indirect_of(text: str) -> list[tuple[str, str]]:
    rows = parse_article(Article("t", text, published=dt.date(2023, 3, 16)))["statements"]
    return [(r["text"], r["speaker"]) for r in rows if r["kind"] == "indirect"]


def test_a_particle_opens_the_speakers_next_clause_inside_reported_speech():
    text = "وأوضح وزير النقل سليم الحداد أن الطريق سيفتح قريباً، كما أعلن عن خطة لصيانة الجسور."
    assert indirect_of(text) == [("أن الطريق سيفتح قريباً", "سليم الحداد"), ("عن خطة لصيانة الجسور", "سليم الحداد")]


def test_ala_is_that_not_but_illa_is_not_a_complementizer():
    assert indirect_of("ويخشى مراقبون ألا تجرى الانتخابات في موعدها.") == [("ألا تجرى الانتخابات في موعدها", "مراقبون")]
    assert indirect_of("وأكد سليم الحداد التزامه بالخطة، إلا أن المعارضة رفضتها.") == []


def test_the_speakers_place_before_an_about_clause():
    text = "وأعلنت الهيئة العليا للانتخابات في ليبيا، اليوم الثلاثاء، عن انتهاء عمليات الفرز."
    assert indirect_of(text) == [("عن انتهاء عمليات الفرز", "الهيئة العليا للانتخابات")]


def test_reported_from_a_source_without_his_saying():
    text = "ونقلت وكالة الأنباء الرسمية عن مصادر رسمية أن الجولة المقبلة ستعقد الأسبوع المقبل."
    assert indirect_of(text) == [("أن الجولة المقبلة ستعقد الأسبوع المقبل", "مصادر رسمية")]


@pytest.mark.parametrize("text, speaker", [
    ("وكانت الوكالة الدولية للطاقة الذرية قد أعلنت الشهر الماضي عن تمديد اتفاقها مع طهران.",
     "الوكالة الدولية للطاقة الذرية"),  # a date right after the verb: the subject stood before it
    ("وأعلنت وزارة الزراعة عام 2019 أن الموسم كان الأسوأ منذ عقد.", "وزارة الزراعة"),  # a date ends the subject
])
def test_a_date_is_never_part_of_the_speaker(text, speaker):
    assert [s for _, s in indirect_of(text)] == [speaker]
