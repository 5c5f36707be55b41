"""Strategic-dialogue rounds: ordinals and their forms, dates in the same clause, other talks excluded."""
from __future__ import annotations

import datetime as dt

import pytest

from analysis.corpus import Article, parse_article

PUB = dt.date(2021, 7, 27)


def mentions(text: str, published: dt.date = PUB):
    rows = parse_article(Article("t", text, published=published))["rounds"]
    return [(r["text"], r["round"], r["date"]) for r in rows]


@pytest.mark.parametrize("text, span, number", [
    ("بختام الجولة الثالثة من الحوار الإستراتيجي بينهما.", "الجولة الثالثة", 3),
    ("عقدت الجولة الأولى من الحوار الاستراتيجي عبر الفيديو.", "الجولة الأولى", 1),
    ("وكانت أولى جولات الحوار الإستراتيجي بين بغداد وواشنطن عقدت افتراضيا.", "أولى جولات", 1),
    ("تنطلق الجولة الرابعة من الحوار الاستراتيجي في واشنطن.", "الجولة الرابعة", 4),
    ("تنطلق الجولة الـ4 من الحوار الاستراتيجي في واشنطن.", "الجولة الـ4", 4),
    ("جولة رابعة من الحوار الاستراتيجي في واشنطن", "جولة رابعة", 4),
    ("ثاني جولات الحوار الاستراتيجي تعقد في واشنطن.", "ثاني جولات", 2),
    ("بيان مشترك عقب انطلاق الحوار الاستراتيجي بين البلدين.", "انطلاق الحوار الاستراتيجي", 1),
    ("نتائج الجولة الثالثة من «الحوار» الأميركي - العراقي.", "الجولة الثالثة", 3),
    ("اختتام الجلسة الثانية من المباحثات الاستراتيجية بين العراق والولايات المتحدة.", "الجلسة الثانية", 2),
])
def test_round_mentions(text, span, number):
    got = mentions(text)
    assert [(s, n) for s, n, _ in got] == [(span, number)]


def test_elided_round_and_dates_per_clause():
    text = ("وكانت أولى جولات الحوار الإستراتيجي بين بغداد وواشنطن عقدت في يونيو/حزيران الماضي، "
            "بينما عقدت الثانية خلال أغسطس/آب 2020.")
    assert mentions(text, dt.date(2021, 4, 7)) == [("أولى جولات", 1, dt.date(2020, 6, 1)),
                                                   ("الثانية", 2, dt.date(2020, 8, 1))]


def test_day_precise_date_in_clause():
    text = "انطلقت الجولة الرابعة من الحوار الاستراتيجي في واشنطن يوم الاثنين 26 تموز/يوليو 2021."
    assert mentions(text) == [("الجولة الرابعة", 4, dt.date(2021, 7, 26))]


@pytest.mark.parametrize("text", [
    "انطلقت الجولة الثالثة من المفاوضات النووية في فيينا.",
    "عقد التحالف الدولي الجولة الثانية من محادثاته مع الحكومة العراقية.",
    "فاز الفريق في الجولة الثالثة من الدوري.",
    "الجولة الأخيرة من المباحثات بين الطرفين.",
])
def test_other_talks_are_not_rounds(text):
    assert mentions(text) == []
