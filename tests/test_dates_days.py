"""Day forms (issue 13, item 4): ordinal days, a weekday with its date as one date (and a weekday that
contradicts it noted), a weekday of a named week, numeric months, ranges as one interval."""
from __future__ import annotations

import pytest

from analysis.dates import find_dates
from dates_helpers import D, PUB, one, only


@pytest.mark.parametrize("text, span, day", [
    ("عقد المؤتمر في الأول من شباط 2021", "الأول من شباط 2021", D(2021, 2, 1)),
    ("عقد المؤتمر في الأول من شباط", "الأول من شباط", D(2021, 2, 1)),
    ("وقع الاتفاق في الحادي عشر من حزيران 2020", "الحادي عشر من حزيران 2020", D(2020, 6, 11)),
    ("في العاشر من الشهر الجاري", "العاشر من الشهر الجاري", D(2021, 4, 10)),
    ("منذ الخامس من الشهر الماضي", "الخامس من الشهر الماضي", D(2021, 3, 5)),
    ("في الثاني والعشرين من آذار", "الثاني والعشرين من آذار", D(2021, 3, 22)),
    ("في الحادي والثلاثين من كانون الأول 2020", "الحادي والثلاثين من كانون الأول 2020", D(2020, 12, 31)),
    ("في التاسع عشر من شهر أيار 2019", "التاسع عشر من شهر أيار 2019", D(2019, 5, 19)),
    ("يوم العشرين من يناير 2021", "العشرين من يناير 2021", D(2021, 1, 20)),
    ("بدأت في الثلاثين من سبتمبر 2020", "الثلاثين من سبتمبر 2020", D(2020, 9, 30)),
])
def test_ordinal_days(text, span, day):
    assert one(text) == (span, day, day, day, "day")


def test_an_ordinal_without_a_month_is_no_date():
    assert find_dates("احتل الفريق المركز الأول من بين عشرين", PUB) == []
    assert find_dates("الثاني من نوعه", PUB) == []


@pytest.mark.parametrize("text, span, day", [
    ("وقال الكاظمي الأحد 25 تموز إن", "الأحد 25 تموز", D(2021, 7, 25)),
    ("وصل الوفد الأحد الموافق 25 تموز 2021", "الأحد الموافق 25 تموز 2021", D(2021, 7, 25)),
    ("وصل الوفد يوم الأحد الموافق 25 تموز", "يوم الأحد الموافق 25 تموز", D(2021, 7, 25)),
    ("الخميس، 8 أبريل 2021", "الخميس، 8 أبريل 2021", D(2021, 4, 8)),
    ("أعلنت الوزارة اليوم الأربعاء أن", "اليوم الأربعاء", PUB),
    ("وصل أمس الثلاثاء إلى بغداد", "أمس الثلاثاء", D(2021, 4, 6)),
    ("في 7 نيسان (الأربعاء) قال", "7 نيسان (الأربعاء)", PUB),
    ("Wednesday, April 7, 2021", "Wednesday, April 7, 2021", PUB),
])
def test_a_weekday_beside_its_date_is_one_date(text, span, day):
    d = only(text)
    assert (text[d.start:d.end], d.date, d.precision, d.note) == (span, day, "day", None)


def test_a_weekday_that_contradicts_its_date_is_noted():
    d = only("عقدت الجلسة الاثنين 25 تموز 2021")  # 25 July 2021 was a Sunday
    assert d.date == D(2021, 7, 25) and "does not match" in d.note
    d = only("وصل الوفد الخميس الموافق 25 تموز 2021")
    assert d.date == D(2021, 7, 25) and "does not match" in d.note
    d = only("أعلن اليوم الخميس")  # PUB is a Wednesday
    assert d.date == PUB and "does not match" in d.note


@pytest.mark.parametrize("text, span, day", [
    ("التقى الوزير نظيره ثلاثاء الأسبوع الماضي", "ثلاثاء الأسبوع الماضي", D(2021, 3, 30)),
    ("يصل الوفد خميس الأسبوع المقبل", "خميس الأسبوع المقبل", D(2021, 4, 15)),
    ("يوم الجمعة من الأسبوع الماضي", "يوم الجمعة من الأسبوع الماضي", D(2021, 4, 2)),
    ("في صباح اثنين الأسبوع المقبل", "صباح اثنين الأسبوع المقبل", D(2021, 4, 12)),
])
def test_a_weekday_of_a_named_week(text, span, day):
    assert one(text) == (span, day, day, day, "day")


@pytest.mark.parametrize("text, span, start, end", [
    ("صدر القرار في الشهر الثامن من العام الماضي", "الشهر الثامن من العام الماضي", D(2020, 8, 1), D(2020, 8, 31)),
    ("في الشهر الثاني عشر من 2020", "الشهر الثاني عشر من 2020", D(2020, 12, 1), D(2020, 12, 31)),
    ("ارتفعت الأسعار في الشهر الثالث", "الشهر الثالث", D(2021, 3, 1), D(2021, 3, 31)),
    ("رجع من السفر في شهر 3", "شهر 3", D(2021, 3, 1), D(2021, 3, 31)),
    ("سجلت الوزارة في 2/2021 تراجعا", "2/2021", D(2021, 2, 1), D(2021, 2, 28)),
    ("في 11-2020 صدر القانون", "11-2020", D(2020, 11, 1), D(2020, 11, 30)),
])
def test_numeric_months(text, span, start, end):
    assert one(text) == (span, start, start, end, "month")


def test_a_numbered_month_of_something_else_is_no_date():
    assert find_dates("في الشهر الثاني من الحرب", PUB) == []
    assert find_dates("في الشهر الأول من العام الدراسي", PUB) == []


@pytest.mark.parametrize("text, span, start, end, precision", [
    ("تعقد الجلسات من 13 إلى 15 تموز 2021", "13 إلى 15 تموز 2021", D(2021, 7, 13), D(2021, 7, 15), "day"),
    ("بين 13 و15 تموز 2021", "13 و15 تموز 2021", D(2021, 7, 13), D(2021, 7, 15), "day"),
    ("خلال الفترة 13-15 تموز 2021", "13-15 تموز 2021", D(2021, 7, 13), D(2021, 7, 15), "day"),
    ("من 28 حزيران إلى 2 تموز 2021", "28 حزيران إلى 2 تموز 2021", D(2021, 6, 28), D(2021, 7, 2), "day"),
    ("بين حزيران وآب 2020", "حزيران وآب 2020", D(2020, 6, 1), D(2020, 8, 31), "month"),
    ("من آذار حتى أيار 2020", "آذار حتى أيار 2020", D(2020, 3, 1), D(2020, 5, 31), "month"),
    ("بقيت القوات من 2003 إلى 2011", "2003 إلى 2011", D(2003, 1, 1), D(2011, 12, 31), "year"),
    ("بين عامي 2019 و2020", "عامي 2019 و2020", D(2019, 1, 1), D(2020, 12, 31), "year"),
    ("خلال الفترة 2014-2017", "2014-2017", D(2014, 1, 1), D(2017, 12, 31), "year"),
    ("منذ 2003 وحتى 2011", "2003 وحتى 2011", D(2003, 1, 1), D(2011, 12, 31), "year"),
])
def test_ranges_are_one_interval(text, span, start, end, precision):
    assert one(text) == (span, start, start, end, precision)


def test_two_years_side_by_side_are_two_dates():
    assert [d.rule for d in find_dates("في 2019 و2020", PUB)] == ["year"] or \
        len(find_dates("في 2019، وفي 2020", PUB)) == 2
    assert len(find_dates("في 2019، وفي 2020", PUB)) == 2


@pytest.mark.parametrize("text, span, start, end", [
    ("عقدت الجولتان بين حزيران وآب 2020", "حزيران وآب 2020", D(2020, 6, 1), D(2020, 8, 31)),
    ("خفض الإنتاج من يوليو تموز حتى ديسمبر كانون الأول 2020", "يوليو تموز حتى ديسمبر كانون الأول 2020",
     D(2020, 7, 1), D(2020, 12, 31)),
    ("من 28 حزيران إلى 2 تموز 2021", "28 حزيران إلى 2 تموز 2021", D(2021, 6, 28), D(2021, 7, 2)),
])
def test_a_range_with_the_year_on_its_second_end_needs_no_publication_date(text, span, start, end):
    found = find_dates(text, None)
    assert [(text[d.start:d.end], d.period_start, d.period_end, d.relative) for d in found] == [(span, start, end, False)]


def test_a_range_with_no_year_and_no_publication_date_stays_unresolved():
    found = find_dates("عقدت الجولتان بين حزيران وآب", None)
    assert [(d.rule, d.date) for d in found] == [("range", None)]


@pytest.mark.parametrize("text, span, day, note", [
    ("تأجلت الجلسة إلى بعد غد الجمعة، الموافق 9 نيسان", "بعد غد الجمعة، الموافق 9 نيسان", D(2021, 4, 9), None),
    ("يصل الوفد غداً الخميس 8 نيسان", "غداً الخميس 8 نيسان", D(2021, 4, 8), None),
    ("وصل الوزير أمس الثلاثاء الموافق 6 نيسان 2021", "أمس الثلاثاء الموافق 6 نيسان 2021", D(2021, 4, 6), None),
    # a relative day the date does not fit: the date the text gives is kept, and the row says so
    ("يبدأ الإضراب غداً الموافق 10 نيسان", "غداً الموافق 10 نيسان", D(2021, 4, 10),
     "the relative day is 2021-04-08; the date the text gives is kept"),
])
def test_a_relative_day_and_the_date_it_is_are_one_day(text, span, day, note):
    d = only(text)
    assert (text[d.start:d.end], d.date, d.note) == (span, day, note)


def test_a_relative_day_and_a_date_after_a_comma_stay_two():
    text = "وصل الوفد أمس، 20 آذار"  # no الموافق, no weekday: not said to be the same day
    assert len(find_dates(text, PUB)) == 2


def test_a_relative_day_at_the_end_of_a_line_is_not_the_date_below_it():
    text = "الوزير يشارك في المؤتمر بعد غد\nالخميس 8 نيسان 2021"  # a headline, then the date line
    assert [text[d.start:d.end] for d in find_dates(text, PUB)] == ["بعد غد", "الخميس 8 نيسان 2021"]
