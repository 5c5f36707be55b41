"""Troop figures: digits, Arabic-Indic digits, scale words, number words, percentages, and what is not one."""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from analysis import charts, troops
from analysis.corpus import Article, build_corpus, parse_article
from analysis.numbers import _DIGITS, find_numbers
from analysis import lexicons
from analysis.text import normalize, normalize_spans

PUB = dt.date(2021, 4, 7)


def figures(text: str, published=PUB):
    return parse_article(Article("t", text, published=published))["troops"]


@pytest.mark.parametrize("words, value", [
    ("ثلاثة آلاف", 3000), ("ألفين وخمسمئة", 2500), ("ألفين وخمسمائة", 2500), ("خمسة آلاف ومئتي", 5200),
    ("خمسة آلاف ومائتي", 5200), ("ألفا", 1000), ("ثلاثمئة", 300), ("ثلاث مئة", 300), ("مئتين", 200),
    ("عشرين", 20), ("خمسة وعشرين", 25), ("ثلاثة عشر", 13), ("مئة ألف", 100000), ("ألفي", 2000),
])
def test_number_words(words, value):
    nums = find_numbers(normalize(words))
    assert len(nums) == 1 and nums[0].value == value and nums[0].words


@pytest.mark.parametrize("text, value, pct", [
    ("2500", 2500, False), ("2,500", 2500, False), ("٢٬٥٠٠", 2500, False), ("٢٥٠٠", 2500, False),
    ("3 آلاف", 3000, False), ("2.5 ألف", 2500, False), ("60%", 60, True), ("٦٠٪", 60, True),
    ("60 في المئة", 60, True), ("40 بالمائة", 40, True), ("5 آلاف و200", 5200, False),
])
def test_digit_numbers(text, value, pct):
    nums = find_numbers(normalize(text))
    assert len(nums) == 1 and nums[0].value == value and nums[0].percent is pct


@pytest.mark.parametrize("text, value, unit, force, approx", [
    ("وينتشر في العراق نحو 3 آلاف جندي من قوات التحالف الدولي.", 3000, "troops", "coalition", True),
    ("بينهم 2500 جندي أميركي في العراق لمحاربة تنظيم الدولة.", 2500, "troops", "US", False),
    ("ينتشر في العراق ٢٥٠٠ جندي أمريكي.", 2500, "troops", "US", False),
    ("وينتشر في العراق قرابة ألفين وخمسمئة جندي أمريكي.", 2500, "troops", "US", True),
    ("خفضت واشنطن عديد قواتها في العراق إلى ثلاثة آلاف عسكري.", 3000, "troops", "US", False),
    ("وتقلّص عديد الجنود الأميركيين في العراق إلى 2500 في منتصف يناير.", 2500, "troops", "US", False),
    ("مهّد لمغادرة ما يقرب من ٦٠٪ من قوات التحالف في العراق.", 60, "percent", "coalition", True),
    ("يبلغ عدد أفراد بعثة الناتو في العراق نحو 500 فرد.", 500, "troops", "NATO", True),
    ("سحب 2200 من القوات الأمريكية من العراق.", 2200, "troops", "US", False),
    ("ما لا يقل عن 3000 جندي أمريكي في العراق.", 3000, "troops", "US", True),
    ("ينتشر في العراق نحو 900 جندي بريطاني.", 900, "troops", "other", True),
])
def test_troop_figures(text, value, unit, force, approx):
    rows = figures(text)
    assert len(rows) == 1, rows
    r = rows[0]
    assert (r["value"], r["unit"], r["force"], r["approximate"]) == (value, unit, force, approx)
    assert r["country"] == "Iraq"


@pytest.mark.parametrize("text", [
    "ومنذ 2014، تقود الولايات المتحدة تحالفا دوليا.",
    "في إطار عملية استغرقت 10 أيام.",
    "ونفّذت ثلاث مقاتلات هجوماً باستخدام صواريخ.",
    "أطلقت 20 صاروخا على قاعدة عين الأسد.",
    "قتل 3 جنود أمريكيين في هجوم صاروخي.",
    "أسفر الهجوم عن مقتل جنديين وإصابة 5 جنود.",
    "قدمت واشنطن 250 مليون دولار للعراق.",
    "تضمن 6 فقرات.",
    "وتراجع عدد الهجمات إلى 20 هجوما.",
    "وقطعت القافلة مئات الكيلومترات في الصحراء.",
    "وانتشر في شوارع الموصل 800 عنصر من الشرطة الاتحادية.",
    "وأجلت السفارة 300 فرد من موظفيها المدنيين ومن موظفي الشركات.",
    "واعتقلت القوات الأمنية 40 عنصرا من داعش.",
    "وخسر الجيش الفرنسي 50 جندياً منذ بدء عمليته في الساحل.",
])
def test_not_troop_figures(text):
    assert figures(text) == []


def test_another_country_is_not_iraq():
    rows = figures("وفي أفغانستان، سحبت واشنطن معظم جنودها البالغ عددهم 3500 جندي.")
    assert len(rows) == 1 and rows[0]["country"] == "Afghanistan"


def test_as_of_from_the_clause_or_present_marker():
    rows = figures("وينتشر في العراق حاليا قرابة 2500 جندي أمريكي، بعد أن كان عددهم نحو 5200 جندي مطلع العام الماضي.")
    assert [(r["value"], r["as_of"]) for r in rows] == [(2500, PUB), (5200, dt.date(2020, 1, 1))]
    assert figures("2500 جندي أمريكي في العراق", None)[0]["as_of"] is None


FAST_HEAD = r"(?P<num>\d(?<![\w.,]\d)(?:\d{0,2}(?:,\d{3})+(?!\d)|\d*(?:\.\d+)?))"
PLAIN_HEAD = r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)"
PLAIN_DIGITS = re.compile(_DIGITS.pattern.replace(FAST_HEAD, PLAIN_HEAD))


@given(st.lists(st.sampled_from(list("0123456789,.، %اوب") + ["الف", "الاف", " و", "في المئه"]), max_size=40).map("".join))
@settings(max_examples=400, deadline=None)
def test_number_pattern_matches_like_its_plain_form(text):
    """numbers._DIGITS puts its lookbehind after the first digit for speed; the numbers are the same."""
    assert _DIGITS.pattern.startswith(FAST_HEAD)
    assert [m.groupdict() | {"span": m.span()} for m in _DIGITS.finditer(text)] == \
        [m.groupdict() | {"span": m.span()} for m in PLAIN_DIGITS.finditer(text)]


NUMBER_PIECES = list(lexicons.table("numbers")["word"]) + ["و", "ب", "ال", "جندي", "(", "،", ".", " ", "  ", "\n", "2500",
                                                          "%", "في المئة", "x"]


NUMBER_WORDS = st.tuples(st.sampled_from(["", "و", "ب", "ال", "("]), st.sampled_from(NUMBER_PIECES),
                         st.sampled_from(["", "،", ".", "ه", ")"])).map("".join)


@given(st.lists(NUMBER_WORDS, max_size=25).map(" ".join) | st.lists(st.sampled_from(NUMBER_PIECES), max_size=25).map("".join))
@settings(max_examples=400, deadline=None)
def test_number_words_looked_up_among_the_words_are_those_the_pattern_finds(text):
    norm = normalize_spans(text)
    assert find_numbers(norm.text, norm) == find_numbers(norm.text)


def test_every_mention_is_a_row_and_a_repeat_is_flagged():
    rows = figures("وينتشر في العراق 2500 جندي أمريكي. وقال المتحدث إن الجنود الـ2500 سيبقون بصفة مستشارين. "
                   "ويضم التحالف 2500 جندي من دول أخرى. وفي أفغانستان ينتشر 2500 جندي أمريكي أيضا.")
    assert [(r["value"], r["force"], r["country"], r["repeat"]) for r in rows] == [
        (2500, "US", "Iraq", False), (2500, "US", "Iraq", True), (2500, "coalition", "Iraq", False),
        (2500, "US", "Afghanistan", False)]
    assert rows[1]["text"] == "الجنود الـ2500" and rows[1]["rule"] == "noun_before +earlier_force"


@pytest.mark.parametrize("text, low, high, span", [
    ("وتتراوح التقديرات بين 2000 و2500 جندي أمريكي في العراق.", 2000, 2500, "بين 2000 و2500 جندي"),
    ("وسيبقى في العراق 2000-2500 جندي أمريكي.", 2000, 2500, "2000-2500 جندي"),
    ("وينتشر في العراق ما بين 4 و5 آلاف عسكري أمريكي.", 4000, 5000, "ما بين 4 و5 آلاف عسكري"),
    ("وتنشر كل مجموعة قوة قوامها بين ألف و1500 جندي.", 1000, 1500, "بين ألف و1500 جندي"),
    ("ويقدر عدد الجنود الأتراك في إدلب بما بين 10 و15 ألف جندي.", 10000, 15000, "ما بين 10 و15 ألف جندي"),
    ("وتشارك في المهمة بين 500 و5 آلاف جندي بحسب المرحلة.", 500, 5000, "بين 500 و5 آلاف جندي"),
    ("ويتراوح عدد القوات الأمريكية في العراق بين 2000 و2500 في الوقت الحالي.", 2000, 2500, "بين 2000 و2500"),
])
def test_a_range_is_one_row_with_its_upper_bound(text, low, high, span):
    rows = figures(text)
    assert [(r["value"], r["value_max"], r["text"]) for r in rows] == [(low, high, span)]
    assert rows[0]["rule"].startswith("range")


def test_a_single_figure_has_no_upper_bound_and_a_backwards_pair_is_no_range():
    rows = figures("وينتشر في العراق 2500 جندي أمريكي.")
    assert len(rows) == 1 and pd.isna(rows[0]["value_max"])
    rows = figures("وارتفع العدد بين 2500 و300 جندي إضافي.")  # not lower–upper: the numbers stand alone
    assert all(pd.isna(r["value_max"]) for r in rows)


@pytest.mark.parametrize("text, value", [
    ("وينتشر في سوريا نحو ألف جندي أمريكي.", 1000),
    ("وينتشر في العراق ألفا جندي من دول التحالف.", 2000),
    ("وأرسلت بريطانيا ألفاً من الجنود إلى الكويت.", 1000),
    ("وينتشر في العراق ألفان وخمسمئة جندي أمريكي.", 2500),
])
def test_number_words_before_a_troop_noun(text, value):
    assert [r["value"] for r in figures(text)] == [value]


@pytest.mark.parametrize("text, low, high", [
    ("وسترسل واشنطن بضعة آلاف من الجنود إلى رومانيا.", 3000, 9000),
    ("ولا يزال مئات الجنود الأمريكيين منتشرين في شمال شرق سوريا.", 300, 900),
    ("ويعمل عشرات المستشارين العسكريين مع وحدات الجيش.", 30, 90),
    ("وشارك عشرات الآلاف من الجنود في المناورات.", 30000, 90000),
    ("ونشرت فرنسا بضع مئات من الجنود في النيجر.", 300, 900),
    ("ودفعت أنقرة بآلاف الجنود إلى الحدود.", 3000, 9000),
])
def test_vague_amounts_are_approximate_intervals(text, low, high):
    rows = figures(text)
    assert [(r["value"], r["value_max"], r["approximate"]) for r in rows] == [(low, high, True)]
    assert rows[0]["rule"].startswith("vague")


@pytest.mark.parametrize("text, value, text_span", [
    ("وتضم بعثة الحلف في العراق نحو 500 مستشار ومدرب.", 500, "نحو 500 مستشار"),
    ("ويعمل في القاعدة نحو ألف مدرب من الدول الحليفة.", 1000, "نحو ألف مدرب"),
    ("وتنتشر في الإقليم وحدة من 200 ضابط تركي.", 200, "200 ضابط"),
    ("وستبقى اليونيفيل قوة قوامها 13 ألفاً على الورق فقط.", 13000, "قوامها 13 ألفاً"),
    ("وتقود فرنسا قوة احتياط قوامها نحو 700 عسكري.", 700, "نحو 700 عسكري"),
])
def test_troop_nouns_beyond_jundi_and_a_forces_strength(text, value, text_span):
    rows = figures(text)
    assert [(r["value"], r["text"]) for r in rows] == [(value, text_span)]


def test_a_from_to_pair_is_two_figures_when_one_side_has_the_noun():
    rows = figures("وقرر الحلف توسيع بعثته في العراق من 500 إلى نحو 4 آلاف عنصر.")
    assert [(r["value"], r["rule"], r["kind"]) for r in rows] == [(500, "pair", "level"), (4000, "noun", "target")]
    rows = figures("وستخفض واشنطن قواتها في العراق من نحو 5200 جندي إلى حوالي 3000 بحلول نهاية أيلول.")
    assert [(r["value"], r["rule"], r["kind"]) for r in rows] == [(5200, "noun", "level"), (3000, "pair", "target")]
    assert figures("وارتفع عدد الهجمات من 20 إلى 30 هجوما.") == []


@pytest.mark.parametrize("text, kind", [
    ("والجنود الأمريكيون في العراق يبلغ عددهم 2500 جندي.", "level"),
    ("وينتشر في العراق نحو 2500 جندي أمريكي.", "level"),
    ("ويتمركز في قاعدة عين الأسد 800 جندي أمريكي.", "level"),
    ("وقررت واشنطن خفض قواتها في العراق بمقدار 2200 جندي.", "reduction"),
    ("ويشمل القرار تقليص 500 جندي من القوات الأمريكية في العراق.", "reduction"),
    ("وستخفض واشنطن عدد قواتها في العراق إلى 3000 جندي.", "target"),
    ("وسيتقلص عدد الجنود في العراق ليصل عددهم إلى 2500 جندي.", "target"),
    ("وأعلن البنتاغون إرسال 3000 جندي إضافي إلى المنطقة.", "deployment"),
    ("ونشرت واشنطن 500 جندي لحماية السفارة في بغداد.", "deployment"),
    ("وأعلن وزير الدفاع سحب نحو ألف جندي أمريكي من شمال سوريا.", "withdrawal"),
    ("وتزامن ذلك مع انسحاب نحو 7 آلاف عنصر من قوات حلف الأطلسي.", "withdrawal"),
    ("وقال المسؤول إن 2500 جندي أمريكي في العراق.", "level"),
])
def test_what_the_figure_says(text, kind):
    assert [r["kind"] for r in figures(text)] == [kind]


@pytest.mark.parametrize("text, force, country", [
    ("وينشر حلف الناتو نحو 12 ألف عسكري في أفغانستان.", "NATO", "Afghanistan"),
    ("وتضم بعثة حلف شمال الأطلسي في العراق نحو 500 مستشار.", "NATO", "Iraq"),
    ("ولا يزال نحو 900 جندي أمريكي منتشرين في سوريا.", "US", "Syria"),
    ("وفي أفغانستان، سحبت واشنطن معظم جنودها البالغ عددهم 3500 جندي.", "US", "Afghanistan"),
])
def test_figures_for_other_countries_and_missions_keep_them(text, force, country):
    rows = figures(text)
    assert [(r["force"], r["country"]) for r in rows] == [(force, country)]


OTHERS = ("وينتشر في العراق 2500 جندي أمريكي حاليا. وينشر الحلف نحو 12 ألف عسكري في أفغانستان، "
          "وتضم بعثة الناتو في العراق نحو 500 مستشار، ولا يزال 900 جندي أمريكي في سوريا. "
          "وقررت واشنطن خفض قواتها في العراق بمقدار 2200 جندي، وسيبقى هناك بين 2000 و2500 جندي.")


def test_only_us_troop_levels_in_iraq_are_compared_with_the_reference():
    corpus = build_corpus([parse_article(Article("t", OTHERS, published=PUB))], [])
    assert len(corpus.troops) == 6
    compared = troops.compare_with_reference(corpus.troops, corpus.articles)
    assert list(compared["value"]) == [2500] and compared["reference"].iloc[0] == 2500


@pytest.mark.render
def test_the_troop_chart_draws_only_iraq_levels_of_the_forces_it_has_markers_for():
    corpus = build_corpus([parse_article(Article("t", OTHERS, published=PUB))], [])
    fig = charts.troop_levels(corpus, lang="en")
    points = [tuple(o) for c in fig.axes[0].collections for o in c.get_offsets()]
    assert [y for _, y in points] == [2500]


def test_a_compound_number_is_one_figure():
    text = "ويبلغ عدد أفراد البعثة نحو 19 ألفاً و600 جندي من 50 دولة."
    rows = parse_article(Article("t", text, published=dt.date(2021, 4, 7)))["troops"]
    assert [(r["text"], r["value"]) for r in rows] == [("نحو 19 ألفاً و600 جندي", 19600)]
