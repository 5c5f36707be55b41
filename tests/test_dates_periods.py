"""Intervals (issue 13, item 1): every date row has its point, its period and its precision; part-of-period
words narrow the period to a third; seasons, quarters, halves and thirds of a year."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import periods
from dates_helpers import D, one, only
from conftest import FIXTURES


@pytest.mark.parametrize("text, span, point, start, end, precision", [
    ("وقع الاتفاق في 3 آذار 2020 في بغداد", "3 آذار 2020", D(2020, 3, 3), D(2020, 3, 3), D(2020, 3, 3), "day"),
    ("زار الوفد العاصمة في أيلول 2020", "أيلول 2020", D(2020, 9, 1), D(2020, 9, 1), D(2020, 9, 30), "month"),
    ("تراجع الإنتاج في فبراير 2020", "فبراير 2020", D(2020, 2, 1), D(2020, 2, 1), D(2020, 2, 29), "month"),
    ("بدأت المفاوضات عام 2019", "عام 2019", D(2019, 1, 1), D(2019, 1, 1), D(2019, 12, 31), "year"),
    ("سيكتمل الانسحاب بحلول نهاية العام", "نهاية العام", D(2021, 12, 1), D(2021, 9, 1), D(2021, 12, 31), "year"),
    ("ارتفعت الأسعار منذ مطلع العام", "مطلع العام", D(2021, 1, 1), D(2021, 1, 1), D(2021, 4, 30), "year"),
    ("وتعود القوات في منتصف العام المقبل", "منتصف العام المقبل", D(2022, 7, 1), D(2022, 5, 1), D(2022, 8, 31), "year"),
    ("ستجرى الانتخابات أواخر 2022", "أواخر 2022", D(2022, 12, 1), D(2022, 9, 1), D(2022, 12, 31), "year"),
    ("أعلن ذلك في ختام العام 2020", "ختام العام 2020", D(2020, 12, 1), D(2020, 9, 1), D(2020, 12, 31), "year"),
    ("حدث التفجير في منتصف آذار 2021", "منتصف آذار 2021", D(2021, 3, 15), D(2021, 3, 11), D(2021, 3, 20), "month"),
    ("وصل الوفد في أوائل أيار 2021", "أوائل أيار 2021", D(2021, 5, 1), D(2021, 5, 1), D(2021, 5, 10), "month"),
    ("تنتهي المهلة في أواخر شباط 2021", "أواخر شباط 2021", D(2021, 2, 25), D(2021, 2, 21), D(2021, 2, 28), "month"),
    ("يعود السفير نهاية الشهر الجاري", "نهاية الشهر الجاري", D(2021, 4, 25), D(2021, 4, 21), D(2021, 4, 30), "month"),
    ("استؤنفت الرحلات مطلع الشهر الماضي", "مطلع الشهر الماضي", D(2021, 3, 1), D(2021, 3, 1), D(2021, 3, 10), "month"),
    ("ويزور الوزير أنقرة في بداية الشهر المقبل", "بداية الشهر المقبل", D(2021, 5, 1), D(2021, 5, 1), D(2021, 5, 10), "month"),
    ("حتى أواسط حزيران 2020", "أواسط حزيران 2020", D(2020, 6, 15), D(2020, 6, 11), D(2020, 6, 20), "month"),
    ("التقى الطرفان هذا الأسبوع", "هذا الأسبوع", D(2021, 4, 5), D(2021, 4, 5), D(2021, 4, 11), "week"),
])
def test_points_and_periods(text, span, point, start, end, precision):
    assert one(text) == (span, point, start, end, precision)


@pytest.mark.parametrize("text, span, point, start, end", [
    ("اندلعت الاحتجاجات في صيف 2019", "صيف 2019", D(2019, 7, 1), D(2019, 6, 1), D(2019, 8, 31)),
    ("شهد شتاء 2021 موجة برد", "شتاء 2021", D(2021, 1, 1), D(2020, 12, 1), D(2021, 2, 28)),
    ("في ربيع 2011 بدأت الاحتجاجات", "ربيع 2011", D(2011, 4, 1), D(2011, 3, 1), D(2011, 5, 31)),
    ("أجريت الانتخابات في خريف عام 2018", "خريف عام 2018", D(2018, 10, 1), D(2018, 9, 1), D(2018, 11, 30)),
    ("تراجعت الإصابات خلال الصيف الماضي", "الصيف الماضي", D(2020, 7, 1), D(2020, 6, 1), D(2020, 8, 31)),
    ("يتوقع أن تزداد الأزمة الصيف المقبل", "الصيف المقبل", D(2021, 7, 1), D(2021, 6, 1), D(2021, 8, 31)),
    ("كان الشتاء الماضي قاسيا", "الشتاء الماضي", D(2021, 1, 1), D(2020, 12, 1), D(2021, 2, 28)),
    ("زار الرئيس المدينة في صيف العام الماضي", "صيف العام الماضي", D(2020, 7, 1), D(2020, 6, 1), D(2020, 8, 31)),
    ("ستفتتح المحطة هذا الصيف", "هذا الصيف", D(2021, 7, 1), D(2021, 6, 1), D(2021, 8, 31)),
    ("في فصل الصيف المقبل", "فصل الصيف المقبل", D(2021, 7, 1), D(2021, 6, 1), D(2021, 8, 31)),
])
def test_seasons(text, span, point, start, end):
    assert one(text) == (span, point, start, end, "season")


@pytest.mark.parametrize("text, span, point, start, end, precision", [
    ("نما الاقتصاد في الربع الأول من العام الجاري", "الربع الأول من العام الجاري", D(2021, 2, 1), D(2021, 1, 1), D(2021, 3, 31), "quarter"),
    ("تراجعت الصادرات في الربع الثالث من 2020", "الربع الثالث من 2020", D(2020, 8, 1), D(2020, 7, 1), D(2020, 9, 30), "quarter"),
    ("ارتفعت الأسعار في الربع الأخير من العام الماضي", "الربع الأخير من العام الماضي", D(2020, 11, 1), D(2020, 10, 1), D(2020, 12, 31), "quarter"),
    ("سجلت الشركة أرباحا في الربع الأول", "الربع الأول", D(2021, 2, 1), D(2021, 1, 1), D(2021, 3, 31), "quarter"),
    ("يكتمل المشروع في النصف الثاني من 2021", "النصف الثاني من 2021", D(2021, 10, 1), D(2021, 7, 1), D(2021, 12, 31), "half"),
    ("خلال النصف الأول من العام الجاري", "النصف الأول من العام الجاري", D(2021, 4, 1), D(2021, 1, 1), D(2021, 6, 30), "half"),
    ("في الثلث الأخير من العام", "الثلث الأخير من العام", D(2021, 12, 1), D(2021, 9, 1), D(2021, 12, 31), "year"),
])
def test_quarters_halves_and_thirds(text, span, point, start, end, precision):
    assert one(text) == (span, point, start, end, precision)


def test_a_half_alone_is_no_date():
    from analysis.dates import find_dates
    assert find_dates("تقدم الفريق في النصف الأول من المباراة", None) == []
    assert find_dates("ألهم الربيع العربي الشباب", None) == []
    assert find_dates("في الصيف يكثر السياح", None) == []


def test_unresolved_without_a_publication_date_keeps_its_precision():
    span, point, start, end, precision = one("بحلول نهاية العام", None)
    assert (point, start, end, precision) == (None, None, None, "year")
    assert one("الصيف الماضي", None)[1:] == (None, None, None, "season")


def test_periods_module_conventions():
    assert periods.quarter(2021, 1).date == D(2021, 2, 1) and periods.half(2021, 2).date == D(2021, 10, 1)
    assert periods.half(2021, 1).date == D(2021, 4, 1) and periods.season(2021, "summer").date == D(2021, 7, 1)
    assert periods.month(2021, 2, "late").end == D(2021, 2, 28) and periods.month(2020, 2, "late").end == D(2020, 2, 29)
    assert periods.year(2021, "mid") == periods.Period(D(2021, 7, 1), D(2021, 5, 1), D(2021, 8, 31), "year", "mid")
    assert periods.shift(D(2021, 3, 31), -1, "month") == D(2021, 2, 28)


def test_seed_rows_have_their_periods(seeds):
    want = pd.read_csv(FIXTURES / "seed_dates.csv", dtype=str, keep_default_na=False)
    got = seeds.dates
    assert len(got) == len(want)
    for w, g in zip(want.itertuples(), got.itertuples()):
        assert (g.period_start, g.period_end) == (pd.Timestamp(w.period_start), pd.Timestamp(w.period_end)), w.source
        assert g.period_start <= g.date <= g.period_end


@pytest.mark.parametrize("text, span, start, end, qualifier", [
    ("لن تبقى قوات مقاتلة مع نهاية هذا العام", "نهاية هذا العام", D(2021, 9, 1), D(2021, 12, 31), "late"),
    ("يصل الوفد في منتصف هذا الشهر", "منتصف هذا الشهر", D(2021, 4, 11), D(2021, 4, 20), "mid"),
    ("تعلن النتائج أواخر هذا الأسبوع", "أواخر هذا الأسبوع", D(2021, 4, 5), D(2021, 4, 11), "late"),
])
def test_a_part_of_this_period(text, span, start, end, qualifier):
    d = only(text)
    assert (text[d.start:d.end], d.period_start, d.period_end, d.qualifier) == (span, start, end, qualifier)


@pytest.mark.parametrize("text, span, day", [
    ("تنسحب القوات القتالية مع حلول آخر يوم من السنة الجارية", "آخر يوم من السنة الجارية", D(2021, 12, 31)),
    ("وقع الاتفاق في اليوم الأخير من آب 2019", "اليوم الأخير من آب 2019", D(2019, 8, 31)),
    ("يبدأ العمل بالقرار في أول يوم من الشهر المقبل", "أول يوم من الشهر المقبل", D(2021, 5, 1)),
])
def test_the_first_or_last_day_of_a_period_is_one_day(text, span, day):
    d = only(text)
    assert (text[d.start:d.end], d.date, d.period_start, d.period_end, d.precision, d.rule.split("+")[0]) == \
        (span, day, day, day, "day", "edge_day")
