"""Numbers the date and troop rules read (issue 13, item 8): compound teens, و with a space after it,
duals of the scales, zero, decimals in digits and in words, a minus sign."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from analysis.numbers import digit_run_spans, digit_runs, find_numbers, value_of
from analysis.text import normalize, normalize_spans


def numbers(text: str):
    norm = normalize_spans(text)
    return [(n.value, text[slice(*norm.span(n.start, n.end))]) for n in find_numbers(norm.text, norm)]


@pytest.mark.parametrize("text, value, span", [
    ("انتشر أحد عشر جندياً", 11, "أحد عشر"),
    ("وصلت إحدى عشرة دولة", 11, "إحدى عشرة"),
    ("قتل اثنا عشر عنصراً", 12, "اثنا عشر"),
    ("أصيب اثني عشر مدنياً", 12, "اثني عشر"),
    ("شاركت اثنتا عشرة دولة", 12, "اثنتا عشرة"),
    ("بمشاركة اثنتي عشرة دولة", 12, "اثنتي عشرة"),
    ("نحو ثلاث عشرة دولة", 13, "ثلاث عشرة"),
    ("خلال أحد عشر ألفاً من الجنود", 11000, "أحد عشر ألفاً"),
    ("أربعة و عشرون جندياً", 24, "أربعة و عشرون"),
    ("ثلاثمئة و خمسون عنصراً", 350, "ثلاثمئة و خمسون"),
    ("خمسة وعشرون جندياً", 25, "خمسة وعشرون"),
    ("بلغ العدد ألفان", 2000, "ألفان"),
    ("أنفقت مليونين من الدولارات", 2_000_000, "مليونين"),
    ("يعيش مليونان في المدينة", 2_000_000, "مليونان"),
    ("كلفت مليارين", 2_000_000_000, "مليارين"),
    ("بلغت نسبة الإصابات صفر", 0, "صفر"),
    ("نما بنسبة ثلاثة فاصلة خمسة", 3.5, "ثلاثة فاصلة خمسة"),
    ("تراجع اثنان فاصلة خمسة وعشرين", 2.25, "اثنان فاصلة خمسة وعشرين"),
    ("ارتفع 0.5 نقطة", 0.5, "0.5"),
    ("نما ٣٫٥ في الربع", 3.5, "٣٫٥"),
    ("سجلت الحرارة -5 درجات", -5, "-5"),
    ("بلغت الحرارة (−3) درجات", -3, "−3"),
    ("نحو 2.5 مليون نازح", 2_500_000, "2.5 مليون"),
    ("أكثر من مليار دولار", 1_000_000_000, "مليار"),
])
def test_number_forms(text, value, span):
    assert numbers(text) == [(value, span)]


def test_a_hyphen_between_numbers_is_no_minus_sign():
    assert numbers("بين 2019-2021") == [(2019, "2019"), (2021, "2021")]
    assert numbers("من 13 - 15 تموز") == [(13, "13"), (15, "15")]


def test_a_word_between_number_words_ends_the_number():
    assert [v for v, _ in numbers("ثلاثة جنود و أربعة ضباط")] == [3, 4]


@pytest.mark.parametrize("phrase, value", [
    ("ثلاثة", 3), ("الستة", 6), ("الخمس", 5), ("العشرة", 10), ("خمسة عشر", 15), ("ال24", 24),
    ("24", 24), ("أربعة و عشرين", 24), ("اثني عشر", 12),
])
def test_value_of_a_counted_phrase(phrase, value):
    assert value_of(normalize(phrase)) == value


def test_value_of_is_none_for_what_is_not_one_number():
    assert value_of(normalize("الجنود")) is None
    assert value_of(normalize("ثلاثة جنود")) is None
    assert value_of(normalize("60%")) is None


@given(st.lists(st.sampled_from(list("ابتمنهوي_ x٢١٣0123456789\u0966\u0967\uff11\u0651\n.،-/:") + ["2021", "بـ3", " م"]),
                max_size=40).map("".join))
@settings(max_examples=400, deadline=None)
def test_digit_runs_read_from_the_words_are_those_of_the_text(text):
    """The runs of digits read from a text's words (as the date scan and find_numbers read them) are those
    a scan of the whole folded text finds."""
    norm = normalize_spans(text)
    runs = [m.span() for m in re.finditer(r"\d+", norm.text)]
    assert digit_run_spans(norm) == runs
    assert digit_runs(norm.text, norm) == [s for s, _ in runs]
