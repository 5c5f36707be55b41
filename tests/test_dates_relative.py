"""Relative expressions (issue 13, items 2 and 3): modifiers in both genders, العام and السنة alike;
relative days; offsets and spans from the publication date, with counts in digits, words and duals."""
from __future__ import annotations

import pytest

from analysis.dates import find_dates
from dates_helpers import D, PUB, one

YEAR_2020, YEAR_2021, YEAR_2022 = (D(2020, 1, 1), D(2020, 12, 31)), (D(2021, 1, 1), D(2021, 12, 31)), (D(2022, 1, 1), D(2022, 12, 31))


@pytest.mark.parametrize("text, span, period", [
    ("أقر البرلمان القانون العام الماضي", "العام الماضي", YEAR_2020),
    ("أقر البرلمان القانون السنة الماضية", "السنة الماضية", YEAR_2020),
    ("خلال السنة المنصرمة تراجعت الهجمات", "السنة المنصرمة", YEAR_2020),
    ("في العام المنصرم تراجعت الهجمات", "العام المنصرم", YEAR_2020),
    ("خلال السنة الفائتة", "السنة الفائتة", YEAR_2020),
    ("خلال العام الفائت", "العام الفائت", YEAR_2020),
    ("مقارنة بالسنة السابقة", "السنة السابقة", YEAR_2020),
    ("تجري الانتخابات السنة المقبلة", "السنة المقبلة", YEAR_2022),
    ("تجري الانتخابات العام القادم", "العام القادم", YEAR_2022),
    ("تجري الانتخابات السنة القادمة", "السنة القادمة", YEAR_2022),
    ("منذ بداية السنة الجارية", "بداية السنة الجارية", (D(2021, 1, 1), D(2021, 4, 30))),
    ("حتى نهاية السنة الحالية", "نهاية السنة الحالية", (D(2021, 9, 1), D(2021, 12, 31))),
    ("خلال العام الحالي", "العام الحالي", YEAR_2021),
    ("وسجلت هذه السنة تراجعا", "هذه السنة", YEAR_2021),
    ("وسجل هذا العام تراجعا", "هذا العام", YEAR_2021),
    ("أعلنت الوزارة الشهر الماضي", "الشهر الماضي", (D(2021, 3, 1), D(2021, 3, 31))),
    ("تبدأ الحملة الشهر المقبل", "الشهر المقبل", (D(2021, 5, 1), D(2021, 5, 31))),
    ("قتل ثلاثة الجمعة الماضية", "الجمعة الماضية", (D(2021, 4, 2), D(2021, 4, 2))),
    ("يعقد الاجتماع الجمعة المقبلة", "الجمعة المقبلة", (D(2021, 4, 9), D(2021, 4, 9))),
    ("في آذار المنصرم", "آذار المنصرم", (D(2021, 3, 1), D(2021, 3, 31))),
    ("في أيار القادم", "أيار القادم", (D(2021, 5, 1), D(2021, 5, 31))),
])
def test_modifiers_in_both_genders(text, span, period):
    got = one(text)
    assert (got[0], (got[2], got[3])) == (span, period)


@pytest.mark.parametrize("text, span, day", [
    ("قال الوزير اليوم إن", "اليوم", PUB),
    ("وصل الوفد أمس إلى بغداد", "أمس", D(2021, 4, 6)),
    ("وصل الوفد يوم أمس إلى بغداد", "يوم أمس", D(2021, 4, 6)),
    ("وقع الهجوم أمس الأول", "أمس الأول", D(2021, 4, 5)),
    ("وقع الهجوم قبل أمس", "قبل أمس", D(2021, 4, 5)),
    ("وقع الهجوم أول من أمس", "أول من أمس", D(2021, 4, 5)),
    ("يصل الوزير غداً إلى أربيل", "غداً", D(2021, 4, 8)),
    ("يصل الوزير يوم غد إلى أربيل", "يوم غد", D(2021, 4, 8)),
    ("يصل الوزير يوم الغد إلى أربيل", "يوم الغد", D(2021, 4, 8)),
    ("تبدأ المحادثات بعد غد في فيينا", "بعد غد", D(2021, 4, 9)),
    ("وقع انفجار مساء أمس", "مساء أمس", D(2021, 4, 6)),
    ("أعلن صباح اليوم", "صباح اليوم", PUB),
    ("يعقد المجلس جلسته الليلة", "الليلة", PUB),
    ("سمعت انفجارات الليلة الماضية", "الليلة الماضية", D(2021, 4, 6)),
])
def test_relative_days(text, span, day):
    assert one(text) == (span, day, day, day, "day")


def test_today_of_the_story_is_no_publication_day():
    for text in ("وفي اليوم التالي انسحبت القوات", "احتفل العراقيون باليوم الوطني", "في اليوم الأول من الحرب",
                 "وفي اليوم نفسه أعلنت الحكومة"):
        assert find_dates(text, PUB) == [], text


@pytest.mark.parametrize("text, span, day, precision", [
    ("التقى الرئيسان قبل أسبوعين", "قبل أسبوعين", D(2021, 3, 24), "week"),
    ("وصلت التعزيزات منذ ثلاثة أيام", "منذ ثلاثة أيام", D(2021, 4, 4), "day"),
    ("وصلت التعزيزات قبل 3 أيام", "قبل 3 أيام", D(2021, 4, 4), "day"),
    ("وقع الاتفاق قبل عام", "قبل عام", D(2020, 4, 7), "year"),
    ("تنتهي المهلة بعد شهرين", "بعد شهرين", D(2021, 6, 7), "month"),
    ("اعتقل منذ يومين", "منذ يومين", D(2021, 4, 5), "day"),
    ("غادر البلاد قبل عامين", "قبل عامين", D(2019, 4, 7), "year"),
    ("بدأت الأزمة منذ خمسة عشر يوماً", "منذ خمسة عشر يوماً", D(2021, 3, 23), "day"),
    ("انسحبت القوات قبل نحو عامين", "قبل نحو عامين", D(2019, 4, 7), "year"),
    ("تأسست الهيئة منذ أكثر من عام", "منذ أكثر من عام", D(2020, 4, 7), "year"),
    ("قتل ثلاثة قبل ساعات قليلة", None, None, None),
    ("اندلعت الحرب منذ عقدين", "منذ عقدين", D(2001, 4, 7), "year"),
    ("عادت العائلات بعد ثلاثة أسابيع", "بعد ثلاثة أسابيع", D(2021, 4, 28), "week"),
    ("منذ ست سنوات يعيش النازحون في المخيم", "منذ ست سنوات", D(2015, 4, 7), "year"),
    ("قبل ثمانية عشر شهراً", "قبل ثمانية عشر شهراً", D(2019, 10, 7), "month"),
])
def test_offsets_from_publication(text, span, day, precision):
    if span is None:
        assert find_dates(text, PUB) == []
        return
    assert one(text) == (span, day, day, day, precision)


def test_offsets_counted_from_something_else_are_no_dates():
    for text in ("قبل عامين من الانتخابات", "بعد شهر على توقيع الاتفاق", "بعد أشهر على البرود", "قبل أيام",
                 "منذ سنوات", "استغرقت المحادثات عشرة أيام", "وصل بعد يوم واحد على توقيع الاتفاق",
                 "استقال الوزير بعد يوم قتل فيه ثلاثة متظاهرين", "خسر الحزب بعد عقد في الحكم",
                 "صدر البيان بعد عقد اجتماع طارئ"):
        assert find_dates(text, PUB) == [], text
    assert [d.rule for d in find_dates("منذ عام 2003", PUB)] == ["year"]
    assert [d.rule for d in find_dates("قبل شهر رمضان", PUB)] == ["month"]


@pytest.mark.parametrize("text, span, start, end, precision", [
    ("ستنسحب القوات خلال الأشهر الستة المقبلة", "خلال الأشهر الستة المقبلة", PUB, D(2021, 10, 6), "month"),
    ("قتل المئات خلال الأشهر الستة الماضية", "خلال الأشهر الستة الماضية", D(2020, 10, 8), PUB, "month"),
    ("تضاعفت الأسعار في العامين الماضيين", "العامين الماضيين", D(2019, 4, 8), PUB, "year"),
    ("على مدى السنوات الخمس الماضية", "على مدى السنوات الخمس الماضية", D(2016, 4, 8), PUB, "year"),
    ("ينتظر أن تتضح الصورة في الأسبوعين المقبلين", "الأسبوعين المقبلين", PUB, D(2021, 4, 20), "week"),
    ("سجلت الوزارة 300 إصابة خلال الساعات الـ24 الماضية", "خلال الساعات الـ24 الماضية", D(2021, 4, 6), PUB, "day"),
    ("وخلال الـ24 ساعة الماضية سجلت الوزارة", "خلال الـ24 ساعة الماضية", D(2021, 4, 6), PUB, "day"),
    ("تراجع العنف خلال الأيام الثلاثة الماضية", "خلال الأيام الثلاثة الماضية", D(2021, 4, 5), PUB, "day"),
    ("وستعلن الحكومة نتائج التحقيق في غضون أسبوع", "غضون أسبوع", PUB, D(2021, 4, 13), "week"),
    ("سيكتمل الانسحاب خلال ثلاثة أشهر", "خلال ثلاثة أشهر", PUB, D(2021, 7, 6), "month"),
    ("من المقرر أن تصل الشحنة خلال يومين", "خلال يومين", PUB, D(2021, 4, 8), "day"),
])
def test_spans_from_publication(text, span, start, end, precision):
    """N units counted from the publication date, both ends in the span (docs/gold.md): the next six
    months from 7 April end on 6 October, the last three days start on the 5th."""
    assert one(text) == (span, start, start, end, precision)


def test_durations_and_uncounted_spans_are_no_dates():
    for text in ("أنجزت اللجنة عملها خلال ثلاثة أشهر", "ستواصل الولايات المتحدة خفض قواتها خلال الأشهر المقبلة",
                 "يصل الرئيس خلال ساعات", "عمل في بغداد لمدة ثلاث سنوات", "في الأيام الأخيرة"):
        assert find_dates(text, PUB) == [], text


def test_relative_without_publication_date_is_unresolved():
    for text in ("قبل أسبوعين", "الأشهر الستة المقبلة", "غداً", "السنة الماضية", "الجمعة الماضية"):
        found = find_dates(text, None)
        assert len(found) == 1 and found[0].date is None and found[0].period_start is None and found[0].relative, text


@pytest.mark.parametrize("text", [
    "وقال الوزير في تصريحات لـ«المصري اليوم» إن الحوار مستمر",
    "ونقل موقع اليوم السابع عن مصدر أن الحوار مستمر",
    "بغداد اليوم - أعلنت الحكومة أن الحوار مستمر",
])
def test_today_in_an_outlets_name_is_no_date(text):
    assert find_dates(text, PUB) == []


@pytest.mark.parametrize("text", [
    "سيعود الوزير إلى بغداد اليوم بعد جولة إقليمية",  # بغداد اليوم without the outlet's dash
    "وأعلنت روسيا اليوم أنها ستشارك في المحادثات",  # a country that announced something today
])
def test_today_after_a_name_that_is_also_an_outlets_is_today(text):
    assert one(text)[:2] == ("اليوم", PUB)


@pytest.mark.parametrize("text", ["وقال الوزير لـ«الغد» إن الحوار مستمر", 'وأكد لصحيفة "اليوم" أن الاتفاق قريب'])
def test_a_relative_day_alone_in_quotation_marks_is_a_name(text):
    assert find_dates(text, PUB) == []


def test_a_relative_day_beside_a_quoted_name_is_still_a_date():
    text = "وقال لـ«الغد» إن الوفد يصل غداً"
    assert [text[d.start:d.end] for d in find_dates(text, PUB)] == ["غداً"]


def test_a_span_followed_by_the_dates_it_covers_is_no_span_from_publication():
    text = "وستجري عملية التبادل على مدى ثلاثة أيام بين 14 و16 نيسان"
    assert [text[d.start:d.end] for d in find_dates(text, PUB)] == ["14 و16 نيسان"]


def test_a_dateline_outlet_named_tomorrow_is_no_date():
    text = "عمان- الغد - أعلن صندوق النقد الدولي أن البعثة تعود غداً"
    assert [text[d.start:d.end] for d in find_dates(text, PUB)] == ["غداً"]
