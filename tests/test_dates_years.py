"""Years (issue 13, item 5): a bare year is a date where a context word makes it one, never a count."""
from __future__ import annotations

import pytest

from analysis.dates import find_dates
from dates_helpers import D, PUB, one, only


@pytest.mark.parametrize("text, span, year", [
    ("نص اتفاق 2011 على الانسحاب", "2011", 2011),
    ("وفق اتفاقية 2008 الأمنية", "2008", 2008),
    ("أسفرت انتخابات 2018 عن برلمان منقسم", "2018", 2018),
    ("بحسب دستور 2005", "2005", 2005),
    ("منذ حرب 2003 تغير كل شيء", "2003", 2003),
    ("في عام 2003 دخلت القوات", "عام 2003", 2003),
    ("في العام 2020", "العام 2020", 2020),
    ("سنة 2019 كانت صعبة", "سنة 2019", 2019),
    ("ومنذ 2014 تقود واشنطن التحالف", "2014", 2014),
    ("حتى 2022 على الأقل", "2022", 2022),
    ("وفي 2017 أعلنت الحكومة النصر", "2017", 2017),
    ("تأسست الجمعية 2021م في بغداد", "2021م", 2021),
    ("تأسست الجمعية عام 1998 ميلادي", "عام 1998 ميلادي", 1998),
    ("أقرت موازنة 2021 بعد تأخير", "2021", 2021),
    ("ضمن رؤية 2030", "2030", 2030),
    ("اعتباراً من 2022 تتغير القواعد", "2022", 2022),
    ("بموجب قانون 2019", "2019", 2019),
])
def test_a_year_after_a_context_word(text, span, year):
    assert one(text) == (span, D(year, 1, 1), D(year, 1, 1), D(year, 12, 31), "year")


@pytest.mark.parametrize("text", [
    "ينتشر 2500 جندي أمريكي في العراق",
    "في 2000 جندي",
    "منذ 2000 عام",
    "قتل 2011 شخصاً",
    "أرسلت 2020 طناً من المساعدات",
    "رقم الهاتف 2021",
    "بلغت الكلفة 1990 دولاراً",
    "في 1500 موقع",
    "سيبقى بين 2000 و2500 جندي",
    "سيبقى في 2000 جندي، وفق المصادر",  # the counted noun before a comma
    "شيدت الوزارة أكثر من 2000 وحدة سكنية",  # أكثر من: a count whatever noun follows
    "وصل ما يزيد عن 1500 لاجئ",
    "تراوح العدد بين 1990 إلى 2010 جندي",
])
def test_counts_are_no_years(text):
    assert [d for d in find_dates(text, PUB) if d.precision == "year"] == [], text


@pytest.mark.parametrize("text, span, period", [
    ("اندلعت الحرب عام 2014، وانتهت في آب من العام ذاته.", "آب من العام ذاته", (D(2014, 8, 1), D(2014, 8, 31))),
    ("وقّعت الهدنة في 2 شباط 2016 وخُرقت في 9 تموز من السنة نفسها.", "9 تموز من السنة نفسها", (D(2016, 7, 9), D(2016, 7, 9))),
])
def test_a_date_of_the_same_year_takes_the_year_written_before_it(text, span, period):
    d = find_dates(text, PUB)[-1]
    assert (text[d.start:d.end], d.period_start, d.period_end, d.relative) == (span, *period, False)


def test_the_same_year_with_no_year_before_it_is_resolved_as_before():
    text = "وانتهت في آب من العام ذاته."
    assert [(text[d.start:d.end], d.date) for d in find_dates(text, PUB)] == [("آب", D(2020, 8, 1))]


@pytest.mark.parametrize("text, span, period", [
    ("عقدت الجولة في آب من العام الماضي", "آب من العام الماضي", (D(2020, 8, 1), D(2020, 8, 31))),
    ("تجري الانتخابات في أيلول من العام المقبل", "أيلول من العام المقبل", (D(2022, 9, 1), D(2022, 9, 30))),
    ("وصل الوفد في 5 يونيو/حزيران من السنة الماضية", "5 يونيو/حزيران من السنة الماضية", (D(2020, 6, 5), D(2020, 6, 5))),
    ("ستبدأ المرحلة في تموز من العام الجاري", "تموز من العام الجاري", (D(2021, 7, 1), D(2021, 7, 31))),
])
def test_a_month_of_a_year_named_after_it_is_one_date(text, span, period):
    assert [(text[d.start:d.end], d.period_start, d.period_end) for d in find_dates(text, PUB)] == [(span, *period)]


@pytest.mark.parametrize("text, dates", [
    ("عقدت الجولتان في يونيو/حزيران وأغسطس/آب 2020.",
     [("يونيو/حزيران", D(2020, 6, 1), D(2020, 6, 30)), ("أغسطس/آب 2020", D(2020, 8, 1), D(2020, 8, 31))]),
    ("جرت اللقاءات في أيار وتموز من العام الماضي",
     [("أيار", D(2020, 5, 1), D(2020, 5, 31)), ("تموز من العام الماضي", D(2020, 7, 1), D(2020, 7, 31))]),
    ("زار الوفد المدينة في كانون الأول وكانون الثاني 2019",  # December of the year before
     [("كانون الأول", D(2018, 12, 1), D(2018, 12, 31)), ("كانون الثاني 2019", D(2019, 1, 1), D(2019, 1, 31))]),
    ("وقعت الاتفاقيتان في 3 آذار و5 أيار 2018",
     [("3 آذار", D(2018, 3, 3), D(2018, 3, 3)), ("5 أيار 2018", D(2018, 5, 5), D(2018, 5, 5))]),
])
def test_a_yearless_date_before_and_takes_the_year_of_the_date_after_it(text, dates):
    assert [(text[d.start:d.end], d.period_start, d.period_end) for d in find_dates(text, PUB)] == dates


@pytest.mark.parametrize("text", [
    "التقى الوفدان في حزيران، وفي آب 2019 عادا إلى الطاولة",  # not one phrase: a comma and في between
    "التقى الوفدان في حزيران وعادا في آب 2019",
])
def test_a_yearless_date_not_coordinated_keeps_its_own_year(text):
    first = find_dates(text, PUB)[0]
    assert (text[first.start:first.end], first.period_start) == ("حزيران", D(2020, 6, 1))


@pytest.mark.parametrize("text, span, day", [
    ("وصل في الأول من آذار و12 نيسان 2019", "12 نيسان 2019", D(2019, 4, 12)),
    ("تأجل الموعد من 3 أيار ف10 أيار 2018", "10 أيار 2018", D(2018, 5, 10)),
])
def test_a_day_with_a_proclitic_on_its_digits_is_a_date(text, span, day):
    d = find_dates(text, PUB)[-1]
    assert (text[d.start:d.end], d.date) == (span, day)


def test_a_proclitic_before_a_noun_that_names_a_year():
    text = "وانسحبت واشنطن من الاتفاق النووي واتفاق 2015 لا يزال قائماً"
    assert [(text[d.start:d.end], d.period_start) for d in find_dates(text, PUB)] == [("2015", D(2015, 1, 1))]


@pytest.mark.parametrize("text, span, period", [
    ("تأسست اللجنة في أيلول 2019، وعقدت أولى جلساتها في 30 من تشرين الأول من العام نفسه",
     "30 من تشرين الأول من العام نفسه", (D(2019, 10, 30), D(2019, 10, 30))),
    ("عقدت الجولتان في حزيران وآب 2020", "حزيران", (D(2020, 6, 1), D(2020, 6, 30))),
])
def test_the_year_a_date_is_said_to_be_in_needs_no_publication_date(text, span, period):
    found = {text[d.start:d.end]: (d.period_start, d.period_end, d.relative) for d in find_dates(text, None)}
    assert found[span] == (*period, False)


def test_without_a_publication_date_a_yearless_date_said_in_no_year_stays_unresolved():
    d = only("عقدت الجولة في حزيران", None)
    assert (d.date, d.period_start, d.relative) == (None, None, True)


@pytest.mark.parametrize("text, dates", [
    ("سيرت القوات دوريات مشتركة بين حزيران وآب الماضيين.", [("حزيران وآب الماضيين", D(2020, 6, 1), D(2020, 8, 31))]),
    ("تراجعت الأسعار بين كانون الأول وشباط الماضيين", [("كانون الأول وشباط الماضيين", D(2020, 12, 1), D(2021, 2, 28))]),
    ("تراجعت الأسعار في شهري كانون الثاني وشباط الماضيين",
     [("كانون الثاني", D(2021, 1, 1), D(2021, 1, 31)), ("شباط الماضيين", D(2021, 2, 1), D(2021, 2, 28))]),
    ("ستجرى الانتخابات في أيار وحزيران المقبلين",
     [("أيار", D(2021, 5, 1), D(2021, 5, 31)), ("حزيران المقبلين", D(2021, 6, 1), D(2021, 6, 30))]),
])
def test_two_months_and_a_dual_modifier(text, dates):  # PUB: 7 April 2021
    assert [(text[d.start:d.end], d.period_start, d.period_end) for d in find_dates(text, PUB)] == dates


def test_a_date_of_a_year_said_after_it_is_one_date_without_a_publication_date_too():
    text = "عاد الوفد في الثاني من نيسان من العام الماضي"
    assert [(text[d.start:d.end], d.date, d.relative) for d in find_dates(text, None)] == [
        ("الثاني من نيسان من العام الماضي", None, True)]
