"""Troop figures: digits, Arabic-Indic digits, scale words, number words, percentages, and what is not one."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings, strategies as st

from analysis.corpus import Article, parse_article
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
    ("يبلغ عدد أفراد بعثة الناتو في العراق نحو 500 فرد.", 500, "troops", "coalition", True),
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
    "وينتشر آلاف الجنود الأمريكيين في المنطقة.",
    "تضمن 6 فقرات.",
    "وتراجع عدد الهجمات إلى 20 هجوما.",
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
