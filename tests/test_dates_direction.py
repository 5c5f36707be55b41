"""Direction (issue 13, item 7): a bare weekday, month or day of a month in a report of what happened is
the latest one by the publication date; in a future clause the next one."""
from __future__ import annotations

import pytest

from analysis.tense import is_future
from analysis.text import normalize
from dates_helpers import D, PUB, one  # PUB: Wednesday 7 April 2021


@pytest.mark.parametrize("text, span, day", [
    ("التقى الوزير نظيره الخميس في بغداد", "الخميس", D(2021, 4, 1)),
    ("سيلتقي الوزير نظيره الخميس في بغداد", "الخميس", D(2021, 4, 8)),
    ("ومن المقرر أن تعقد الجولة الخميس في واشنطن", "الخميس", D(2021, 4, 8)),
    ("وسوف يزور الرئيس أربيل الأحد", "الأحد", D(2021, 4, 11)),
    ("زار الرئيس أربيل الأحد", "الأحد", D(2021, 4, 4)),
    ("اللقاء المرتقب الاثنين بين الجانبين", "الاثنين", D(2021, 4, 12)),
    ("ولن تعقد الجلسة السبت", "السبت", D(2021, 4, 10)),
    ("أعلنت الوزارة الأربعاء", "الأربعاء", PUB),
    ("ستعلن الوزارة النتائج الأربعاء", "الأربعاء", PUB),
    ("اتخذ القرار في 22 مارس", "22 مارس", D(2021, 3, 22)),
    ("ستجرى الانتخابات في 22 مارس", "22 مارس", D(2022, 3, 22)),
    ("وصل الوفد في 10 تشرين الأول", "10 تشرين الأول", D(2020, 10, 10)),
    ("سيصل الوفد في 10 تشرين الأول", "10 تشرين الأول", D(2021, 10, 10)),
    ("يسري القرار ابتداءً من 15 آذار", "15 آذار", D(2022, 3, 15)),
    ("أعلنت الوزارة أن الرسوم تطبق بدءاً من 2 أيار", "2 أيار", D(2021, 5, 2)),
])
def test_bare_days_by_the_clause(text, span, day):
    assert one(text)[:2] == (span, day)


@pytest.mark.parametrize("text, span, start", [
    ("عقدت الجولة في حزيران", "حزيران", D(2020, 6, 1)),
    ("ستعقد الجولة في حزيران", "حزيران", D(2021, 6, 1)),
    ("صدر القرار في يناير", "يناير", D(2021, 1, 1)),
    ("سيصدر القرار في يناير", "يناير", D(2022, 1, 1)),
    ("انتهى التحقيق في نيسان", "نيسان", D(2021, 4, 1)),
    ("سينتهي التحقيق في نيسان", "نيسان", D(2021, 4, 1)),
    ("وبحسب الجدول المقرر في تشرين الأول", "تشرين الأول", D(2021, 10, 1)),
    ("قررت المجموعة خفض إنتاجها اعتباراً من نوفمبر", "نوفمبر", D(2021, 11, 1)),
    ("تعهدت الحكومة بإنجاز المشروع بحلول شباط", "شباط", D(2022, 2, 1)),
])
def test_bare_months_by_the_clause(text, span, start):
    assert one(text)[0] == span and one(text)[2] == start


def test_a_modifier_wins_over_the_clause():
    assert one("سيعود الوفد الخميس الماضي")[1] == D(2021, 4, 1)
    assert one("عاد الوفد الخميس المقبل")[1] == D(2021, 4, 8)


@pytest.mark.parametrize("clause, future", [
    ("سيعقد الاجتماع", True), ("ستجري الانتخابات", True), ("سنواصل العمل", True), ("وسيزور الوزير", True),
    ("سوف يزور", True), ("لن تعقد", True), ("من المتوقع أن يصل", True), ("يعتزم الوزير", True),
    ("عقد الاجتماع", False), ("انفجرت سيارة", False), ("التقى ستة مسؤولين", False), ("قال سياسي", False),
    ("بعد سنة من الحرب", False), ("نقلت سيادة المطار", False), ("السيطرة على المدينة", False),
    ("وقال ينس ستولتنبرغ عقب الاجتماع الذي بدأ", False), ("التقى السيناتور", False),
])
def test_future_clauses(clause, future):
    text = normalize(clause + " الخميس")
    assert is_future(text, len(text) - 6, len(text)) is future


def test_the_clause_ends_at_punctuation():
    text = normalize("سيزور الوزير بغداد، وعاد الرئيس الخميس")
    assert is_future(text, len(text) - 6, len(text)) is False


@pytest.mark.parametrize("text, span, start, end", [
    ("وأعرب الوزير عن أمله في أن تستأنف الرحلات في غضون أسبوع", "غضون أسبوع", PUB, D(2021, 4, 13)),
    ("وتأمل الشركة إنجاز الخط في غضون شهرين", "غضون شهرين", PUB, D(2021, 6, 6)),
])
def test_a_hope_or_an_expectation_makes_within_a_date(text, span, start, end):
    assert one(text)[0] == span and one(text)[2:4] == (start, end)


@pytest.mark.parametrize("text", [
    "سقطت المدينة في غضون أسبوع",  # a report: the duration of what happened, no date
    "وتحدثت أمل عن رحلتها في غضون أسبوع",  # أمل the name is no hope
])
def test_within_in_a_report_is_no_date(text):
    from analysis.dates import find_dates
    assert find_dates(text, PUB) == []


@pytest.mark.parametrize("text, span, start", [
    ("ومن المقرر أن تعقد القمة خلال الصيف", "الصيف", D(2021, 6, 1)),
    ("ويتوقعون أن تنتهي الأعمال في الشتاء", "الشتاء", D(2021, 12, 1)),  # the winter of 2020-21 has ended
    ("ومع اقتراب فصل الشتاء ترتفع الأسعار", "فصل الشتاء", D(2021, 12, 1)),
])
def test_a_bare_season_in_a_future_clause_is_the_next_one(text, span, start):
    assert one(text)[0] == span and one(text)[2] == start


@pytest.mark.parametrize("text", ["عقدت الجولة في الصيف", "سيتحدث الكتاب عن الربيع العربي"])
def test_a_bare_season_in_a_report_or_the_arab_spring_is_no_date(text):
    from analysis.dates import find_dates
    assert find_dates(text, PUB) == []
