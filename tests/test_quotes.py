"""Quotations and speakers: marks, nesting, splits, unbalanced marks, cues, carry-over, aliases."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from analysis.corpus import Article, parse_article
from analysis import lexicons
from analysis.cues import cues, find_cues
from analysis.quote_marks import find_quotes
from analysis.text import normalize_spans

PUB = dt.date(2021, 4, 7)


def statements(text: str, published=PUB):
    rows = parse_article(Article("t", text, published=published))["statements"]
    return [(r["quote"], r["kind"], r["speaker"]) for r in rows]


@pytest.mark.parametrize("text, quotes", [
    ('قال "نحن هنا" ثم غادر', ["نحن هنا"]),
    ("قال «نحن هنا» ثم غادر", ["نحن هنا"]),
    ("قال “نحن هنا” ثم غادر", ["نحن هنا"]),
    ("أن«الحوار هو الطريق»", ["الحوار هو الطريق"]),
    ('قال إن "الجيش "قادر" على الحماية" وغادر', ['الجيش "قادر" على الحماية']),
    ("قال «الجيش “قادر” على الحماية» وغادر", ["الجيش “قادر” على الحماية"]),
    ('أن "الأول" و"الثاني" هنا', ["الأول", "الثاني"]),
    ('تحوّلت إلى (مهمة) تدريب', []),
])
def test_find_quotes(text, quotes):
    assert [text[q.inner_start:q.inner_end] for q in find_quotes(text)] == quotes


def test_unbalanced_marks_do_not_swallow_the_paragraph():
    text = 'وقال الكاظمي إن هذا الأمر مكّن العراق من الانتقال قريبا وتكاتفهم". وأضاف أن الحوار مستمر.'
    assert find_quotes(text) == []
    text = 'قال «بداية بلا نهاية وتابع الحديث طويلا عن أمور أخرى لا علاقة لها'
    assert find_quotes(text) == []


def test_shared_closing_mark():
    text = 'وأضاف أن "الولايات المتحدة كرّرت أنها "لا تسعى لقواعد دائمة في العراق"، مشيراً إلى أن واشنطن "ستناقش مع العراق وضع القوات".'
    got = [text[q.inner_start:q.inner_end] for q in find_quotes(text)]
    assert got == ['الولايات المتحدة كرّرت أنها "لا تسعى لقواعد دائمة في العراق', "ستناقش مع العراق وضع القوات"]


@pytest.mark.parametrize("text, speaker", [
    ('وقال الكاظمي في مؤتمر صحفي "سيعتمد الحوار أولا على السيادة".', "مصطفى الكاظمي"),
    ('أكد وزير الخارجية الأميركي، أنتوني بلينكن، أن "العراق شهد انفتاحا في علاقاته".', "أنتوني بلينكن"),
    ('وأكد وزير الخارجية الأميركي أن "العراق شهد انفتاحا في علاقاته".', "أنتوني بلينكن"),
    ('ونقلت وكالة الأنباء العراقية عن رئيس الوزراء مصطفى الكاظمي قوله إن "الانسحاب قرار نهائي لا رجعة فيه".', "مصطفى الكاظمي"),
    ('وأكدت واشنطن وبغداد، في بيان مشترك، أن«المهمة تحولت إلى مهمة تدريب ومشورة».', "البيان المشترك"),
    ('وأفاد الكاظمي، عبر حسابه في «تويتر»، بأن«نتائج الجولة بوابة لاستعادة الوضع الطبيعي».', "مصطفى الكاظمي"),
    ('رأى رئيس الوزراء العراقي مصطفى الكاظمي، أن النتائج تمثل «بوابةً لاستعادة الوضع الطبيعي».', "مصطفى الكاظمي"),
    ('وقال المتحدث باسم الخارجية الإيرانية سعيد خطيب زاده إن "وجود القوات الأجنبية يزعزع الاستقرار".', "سعيد خطيب زاده"),
    ('"لن نسمح بأي هجوم على قواتنا في العراق"، قال وزير الدفاع الأميركي لويد أوستن.', "لويد أوستن"),
    ('والكاظمي: "كفى حروباً"', "مصطفى الكاظمي"),
    ('وكان الكاظمي قد قال في مقابلة إن "العراق لا يحتاج إلى قوات قتالية أجنبية".', "مصطفى الكاظمي"),
])
def test_speakers(text, speaker):
    got = [s for s in statements(text) if s[1] == "statement"]
    assert len(got) == 1 and got[0][2] == speaker, got


def test_titles_fold_only_while_in_office():
    text = 'وقال وزير الخارجية الأميركي إن "الحوار مع العراق مستمر بلا توقف".'
    assert statements(text, dt.date(2020, 8, 19))[0][2] == "مايك بومبيو"
    assert statements(text, dt.date(2021, 4, 7))[0][2] == "أنتوني بلينكن"
    assert statements(text, None)[0][2] == "وزير الخارجية الأميركي"


def test_carry_over_and_surname_folding():
    text = ("أبدى وزير الخارجية العراقي، فؤاد حسين، حرص بلاده على التعاون.\n"
            'وشدد حسين على ضرورة "تعزيز الشراكة العراقية الأميركية من خلال الاتفاقات".\n'
            'وتابع "نسعى إلى مواصلة التنسيق والتعاون الأمني الثنائي".\n'
            'من جهته، قال المتحدث باسم الحكومة أحمد ملا طلال إن "الحكومة ماضية في الإصلاح".\n'
            'وأضاف طلال، "لن نتراجع عن حماية البعثات الدبلوماسية".')
    assert [s[2] for s in statements(text)] == ["فؤاد حسين", "فؤاد حسين", "أحمد ملا طلال", "أحمد ملا طلال"]


def test_verbs_inside_reported_speech_do_not_change_the_speaker():
    text = ("ونقلت وكالة الأنباء عن رئيس الوزراء مصطفى الكاظمي قوله إن بغداد وواشنطن أكدتا التزامهما بالانسحاب.\n"
            'وتابع "جرى تأكيد الانسحاب الأمريكي من العراق لجميع المتواجدين".')
    assert statements(text)[0][2] == "مصطفى الكاظمي"


@pytest.mark.parametrize("text", [
    'وكانت مصادر خاصة لـ"العربية" أفادت بأن الحوار ناجح.',
    'ونقلت صحيفة "نيويورك تايمز" عن مسؤولين أن الحوار ناجح.',
    'الحوار "الاستراتيجي" بين البلدين.',
    'لكن على "الورق فقط".',
])
def test_scare_quotes_are_terms(text):
    got = [s for s in statements(text) if s[1] != "indirect"]  # what is reported around them is not a quotation
    assert got and all(kind == "term" and speaker is None for _, kind, speaker in got)


def test_many_unclosed_openers_after_the_last_pair():
    text = 'قال "أ" ثم «ب “ج "د'
    quotes = find_quotes(text)
    assert all(q.start < q.end for q in quotes) and [text[q.inner_start:q.inner_end] for q in quotes] == ["أ"]


CUE_PIECES = list(lexicons.table("cues")["cue"]) + ["و", "ف", "ت", "وا", "ا", "ن", "الرئيس", "إن", "«", "»", " ", "  ",
                                                    "\n", "،", ".", ":", "x", "ـ", "\u064e", "2021"]


CUE_WORDS = st.tuples(st.sampled_from(["", "و", "ف", "ال"]), st.sampled_from(CUE_PIECES),
                      st.sampled_from(["", "ت", "وا", "ا", "تا", "ن", "ه"])).map("".join)


@given(st.lists(CUE_WORDS, max_size=30).map(" ".join) | st.lists(st.sampled_from(CUE_PIECES), max_size=30).map("".join))
@settings(max_examples=500, deadline=None)
def test_find_cues_finds_what_the_cue_pattern_finds(text):
    """find_cues tries the cue pattern only at words that can begin a cue; the matches are the same."""
    norm = normalize_spans(text)
    assert [m.span() for m in find_cues(norm)] == [m.span() for m in cues().pattern.finditer(norm.text)]


def test_a_named_source_is_the_speaker_of_its_later_mentions():
    text = ('ذكرت صحيفة "وول ستريت جورنال" أن الانسحاب قريب.\n'
            'وقالت الصحيفة إن "القوات الأمريكية ستغادر العراق قبل نهاية العام المقبل".')
    assert statements(text)[-1] == ("القوات الأمريكية ستغادر العراق قبل نهاية العام المقبل", "statement", "وول ستريت جورنال")


def test_an_outlet_name_after_a_dateline_colon_is_no_statement():
    text = "الرباط: «الشرق الأوسط»\nأعلنت الحكومة المغربية أمس خطة جديدة للنقل."
    rows = parse_article(Article("t", text, published=dt.date(2022, 5, 2)))["statements"]
    assert [(r["kind"], r["speaker"]) for r in rows] == [("term", None)]


def test_one_word_in_quotes_after_a_headline_colon_is_a_term():
    text = 'انتخابات 12 جوان: "الأحرار" في الصدارة\nتصدر الحزب النتائج.'
    rows = parse_article(Article("t", text, published=dt.date(2021, 6, 14)))["statements"]
    assert [r["kind"] for r in rows] == ["term"]
