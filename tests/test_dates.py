"""Date expressions: both month families, pairs, digits, numeric and English forms, relative ones."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from analysis.dates import find_dates, parse_date, scan, scan_whole
from analysis.text import normalize_spans

PUB = dt.date(2021, 4, 7)  # a Wednesday


def one(text: str, published: dt.date | None = PUB):
    found = find_dates(text, published)
    assert len(found) == 1, [(text[d.start:d.end], d.rule) for d in found]
    d = found[0]
    return text[d.start:d.end], d.date, d.precision, d.relative


@pytest.mark.parametrize("text, span, date, precision", [
    ("عقدت في 11 يونيو 2020 عبر الاتصال المرئي", "11 يونيو 2020", dt.date(2020, 6, 11), "day"),
    ("في 11 يونيه 2020", "11 يونيه 2020", dt.date(2020, 6, 11), "day"),
    ("الأحد 25 تموز/يوليو 2021", "الأحد 25 تموز/يوليو 2021", dt.date(2021, 7, 25), "day"),
    ("يوم 19 آب/أغسطس 2020", "19 آب/أغسطس 2020", dt.date(2020, 8, 19), "day"),
    ("في كانون الثاني يناير 2020", "كانون الثاني يناير 2020", dt.date(2020, 1, 1), "month"),
    ("خلال أغسطس/آب 2020", "أغسطس/آب 2020", dt.date(2020, 8, 1), "month"),
    ("في تموز/ يوليو 2021", "تموز/ يوليو 2021", dt.date(2021, 7, 1), "month"),
    ("في حزيران (يونيو) 2020", "حزيران (يونيو) 2020", dt.date(2020, 6, 1), "month"),
    ("تشرين الأول/أكتوبر 2019", "تشرين الأول/أكتوبر 2019", dt.date(2019, 10, 1), "month"),
    ("في 7 إبريل 2021", "7 إبريل 2021", dt.date(2021, 4, 7), "day"),
    ("في ٧ نيسان ٢٠٢١", "٧ نيسان ٢٠٢١", dt.date(2021, 4, 7), "day"),
    ("في ۷ ابريل ۲۰۲۱", "۷ ابريل ۲۰۲۱", dt.date(2021, 4, 7), "day"),
    ("25-يوليو-2021", "25-يوليو-2021", dt.date(2021, 7, 25), "day"),
    ("بتاريخ 2021-07-26 في واشنطن", "2021-07-26", dt.date(2021, 7, 26), "day"),
    ("08.04.2021", "08.04.2021", dt.date(2021, 4, 8), "day"),
    ("26/07/2021", "26/07/2021", dt.date(2021, 7, 26), "day"),
    ("(@IraqiPMO) April 7, 2021", "April 7, 2021", dt.date(2021, 4, 7), "day"),
    ("on 7 April 2021", "7 April 2021", dt.date(2021, 4, 7), "day"),
    ("في 17 جوان 2020", "17 جوان 2020", dt.date(2020, 6, 17), "day"),
    ("في 3 جويلية 2021", "3 جويلية 2021", dt.date(2021, 7, 3), "day"),
    ("في 3 غشت 2021", "3 غشت 2021", dt.date(2021, 8, 3), "day"),
    ("ومنذ 2014، تقود الولايات المتحدة", "2014", dt.date(2014, 1, 1), "year"),
    ("في عام 2003", "عام 2003", dt.date(2003, 1, 1), "year"),
    ("وعودة إلى 2008", "2008", dt.date(2008, 1, 1), "year"),
    ("حتى 31 ديسمبر/كانون الأول 2021", "31 ديسمبر/كانون الأول 2021", dt.date(2021, 12, 31), "day"),
])
def test_absolute_dates(text, span, date, precision):
    got = one(text)
    assert got[:3] == (span, date, precision)
    assert got[3] is False


@pytest.mark.parametrize("text, span, date, precision", [
    ("عقدت في يونيو/حزيران الماضي", "يونيو/حزيران الماضي", dt.date(2020, 6, 1), "month"),
    ("في مارس الماضي", "مارس الماضي", dt.date(2021, 3, 1), "month"),
    ("في كانون الثاني يناير الماضي", "كانون الثاني يناير الماضي", dt.date(2021, 1, 1), "month"),
    ("في أيار المقبل", "أيار المقبل", dt.date(2021, 5, 1), "month"),
    ("في نيسان الجاري", "نيسان الجاري", dt.date(2021, 4, 1), "month"),
    ("في 22 مارس", "22 مارس", dt.date(2021, 3, 22), "day"),
    ("في منتصف يناير", "منتصف يناير", dt.date(2021, 1, 15), "month"),
    ("في أواخر آذار", "أواخر آذار", dt.date(2021, 3, 25), "month"),
    ("مطلع العام الجاري", "مطلع العام الجاري", dt.date(2021, 1, 1), "year"),
    ("بحلول نهاية العام", "نهاية العام", dt.date(2021, 12, 1), "year"),
    ("أظهرت العام الماضي قدرتها", "العام الماضي", dt.date(2020, 1, 1), "year"),
    ("العام المقبل", "العام المقبل", dt.date(2022, 1, 1), "year"),
    ("الشهر الماضي", "الشهر الماضي", dt.date(2021, 3, 1), "month"),
    ("هذا الشهر", "هذا الشهر", dt.date(2021, 4, 1), "month"),
    ("قال اليوم", "اليوم", PUB, "day"),
    ("وقال أمس", "أمس", dt.date(2021, 4, 6), "day"),
    ("أول أمس", "أول أمس", dt.date(2021, 4, 5), "day"),
    ("عاد البلدان الخميس", "الخميس", dt.date(2021, 4, 1), "day"),
    ("فجر الجمعة", "فجر الجمعة", dt.date(2021, 4, 2), "day"),
    ("يوم الأربعاء", "يوم الأربعاء", PUB, "day"),
    ("الأربعاء الماضي", "الأربعاء الماضي", dt.date(2021, 3, 31), "day"),
    ("الأحد المقبل", "الأحد المقبل", dt.date(2021, 4, 11), "day"),
    ("مع مسؤولين أمريكيين هذا الأسبوع", "هذا الأسبوع", dt.date(2021, 4, 5), "week"),
    ("الأسبوع الماضي", "الأسبوع الماضي", dt.date(2021, 3, 29), "week"),
])
def test_relative_dates_resolve_against_publication(text, span, date, precision):
    assert one(text) == (span, date, precision, True)


def test_relative_dates_without_anchor_stay_unresolved():
    for text in ("يونيو الماضي", "الخميس", "اليوم", "نهاية العام", "22 مارس"):
        found = find_dates(text, None)
        assert len(found) == 1 and found[0].date is None and found[0].relative, text


def test_ambiguous_month_words_need_context():
    assert find_dates("مارس الضغط على الحكومة", PUB) == []      # مارَس: practised
    assert find_dates("أب الشهيد وابنه", PUB) == []              # أب: father, not آب
    assert find_dates("اشترى سيارة نيسان جديدة", PUB) == []      # Nissan
    assert find_dates("القائد العام للقوات المسلحة", PUB) == []  # العام: general
    assert find_dates("صلاة الجمعة", PUB) == []
    assert one("في مارس 2021")[1] == dt.date(2021, 3, 1)


def test_bare_month_takes_the_nearest_occurrence():
    assert one("في يناير", dt.date(2021, 4, 7))[1] == dt.date(2021, 1, 1)
    assert one("في ديسمبر", dt.date(2021, 1, 10))[1] == dt.date(2020, 12, 1)


def test_invalid_dates_are_not_dates():
    assert find_dates("في 31 فبراير 2021", PUB) == [] or all(d.date is None or d.precision != "day"
                                                            for d in find_dates("في 31 فبراير 2021", PUB))
    assert find_dates("40.13.2021", PUB) == []


def test_parse_date_for_datelines():
    assert parse_date("نشر في: الإثنين 17 أغسطس 2020").date == dt.date(2020, 8, 17)
    assert parse_date("بغداد 7 أبريل 2021 (شينخوا)").date == dt.date(2021, 4, 7)
    assert parse_date("يونيو الماضي") is None


def test_numbers_that_are_not_dates():
    assert find_dates("بينهم 2500 جندي أميركي", PUB) == []
    assert find_dates("نحو 3 آلاف جندي", PUB) == []
    assert find_dates("استغرقت 10 أيام", PUB) == []


PIECES = ["في", "منذ", "عام", "العام", "الماضي", "المقبل", "مطلع", "منتصف", "شهر", "الشهر", "هذا", "الاسبوع", "الأسبوع",
          "كانون", "الثاني", "تشرين", "الأول", "يناير", "فبراير", "وفبراير", "مارس", "آذار", "أيار/مايو", "يونيو/حزيران",
          "تموز", "وتموز", "January", "MARCH", "sept", "Sept.", "الأحد", "والخميس", "يوم", "مساء", "اليوم", "أمس",
          "واليوم", "أول", "من", "2021", "2020م", "7", "15", "2021-04-07", "7/4/2021", "08.04.2021", "1,500", "%",
          " ", "  ", "\n", "،", ".", "(", ")", "-", "x", "ـ", "\u064e"]


@given(st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join) | st.lists(st.sampled_from(PIECES), max_size=25).map("".join),
       st.sampled_from([None, dt.date(2021, 4, 7)]))
@settings(max_examples=500, deadline=None)
def test_scanning_in_trigger_windows_finds_what_a_whole_text_scan_finds(text, published):
    """`scan` runs each rule only near the words it needs; the dates must be those of running every rule
    over the whole text."""
    norm = normalize_spans(text)
    whole = scan_whole(norm)
    assert find_dates(text, published, norm, whole) == find_dates(text, published, norm, scan(norm))
