"""Hijri dates (issue 13, item 6): their Gregorian period by the Umm al-Qura calendar (hijridate), the
`calendar` column, and the Gregorian date printed beside one as the same date."""
from __future__ import annotations

import pytest

from analysis.calendars import by_name
from analysis.dates import find_dates
from analysis.hijri import HIJRI
from dates_helpers import D, PUB, only


@pytest.mark.parametrize("text, span, start, end, precision", [
    ("يصادف العيد 15 ذو الحجة 1442هـ", "15 ذو الحجة 1442هـ", D(2021, 7, 25), D(2021, 7, 25), "day"),
    ("في 10 ذي الحجة 1442 هـ", "10 ذي الحجة 1442 هـ", D(2021, 7, 20), D(2021, 7, 20), "day"),
    ("يبدأ العام الدراسي في محرم 1443", "محرم 1443", D(2021, 8, 9), D(2021, 9, 7), "month"),
    ("خلال شهر رمضان المبارك 1442", "شهر رمضان المبارك 1442", D(2021, 4, 13), D(2021, 5, 12), "month"),
    ("تراجعت الهجمات في رمضان الماضي", "رمضان الماضي", D(2020, 4, 24), D(2020, 5, 23), "month"),
    ("يتوقع أن ترتفع الأسعار في رمضان المقبل", "رمضان المقبل", D(2021, 4, 13), D(2021, 5, 12), "month"),
    ("في الأول من رمضان 1442", "الأول من رمضان 1442", D(2021, 4, 13), D(2021, 4, 13), "day"),
    ("غرة شوال 1442", "غرة شوال 1442", D(2021, 5, 13), D(2021, 5, 13), "day"),
    ("صدر المرسوم عام 1442هـ", "عام 1442هـ", D(2020, 8, 20), D(2021, 8, 8), "year"),
    ("في منتصف شعبان 1442", "منتصف شعبان 1442", D(2021, 3, 24), D(2021, 4, 2), "month"),
])
def test_hijri_dates_have_their_gregorian_period(text, span, start, end, precision):
    d = only(text)
    assert (text[d.start:d.end], d.period_start, d.period_end, d.precision, d.calendar) == \
        (span, start, end, precision, "hijri")
    assert d.period_start <= d.date <= d.period_end


def test_the_gregorian_date_beside_a_hijri_one_is_the_same_date():
    text = "أقيمت الصلاة الأحد 15 ذو الحجة 1442هـ الموافق 25 يوليو 2021م في المسجد"
    d = only(text)
    assert text[d.start:d.end] == "الأحد 15 ذو الحجة 1442هـ الموافق 25 يوليو 2021م"
    assert (d.date, d.calendar, d.note) == (D(2021, 7, 25), "hijri", None)
    text = "في 25 تموز 2021 الموافق 15 ذي الحجة 1442هـ"
    d = only(text)
    assert (text[d.start:d.end], d.date, d.calendar) == ("25 تموز 2021 الموافق 15 ذي الحجة 1442هـ", D(2021, 7, 25), "hijri")


def test_a_local_conversion_a_day_off_is_kept_and_a_far_one_noted():
    d = only("السبت 14 ذو الحجة 1442هـ الموافق 24 يوليو 2021م")
    assert d.date == D(2021, 7, 24) and d.note is None  # sighting may move the month by a day
    d = only("15 ذو الحجة 1442هـ الموافق 5 يوليو 2021م")
    assert d.date == D(2021, 7, 5) and "the text's date is kept" in d.note


def test_hijri_month_words_need_context():
    for text in ("التقى الرئيس رجب طيب أردوغان", "سجل الفريق صفر نقاط", "استقبل شعبان عبد الرحيم ضيوفه",
                 "هذا أمر محرم قانونا"):
        assert find_dates(text, PUB) == [], text


def test_out_of_range_hijri_years_stay_unresolved():
    assert [d for d in find_dates("في 5 رمضان 1340", PUB) if d.date is not None] == []  # before the tables (1343)


def test_the_calendars_share_one_interface():
    for name in ("gregorian", "hijri"):
        cal = by_name(name)
        y, m, d = cal.ymd(PUB)
        assert cal.gregorian(y, m, d) == PUB and 29 <= cal.month_length(y, m) <= 31
    assert HIJRI.ymd(PUB) == (1442, 8, 25)
