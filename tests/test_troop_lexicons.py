"""Every row of the tables the troop extractor reads beyond those tests/test_lexicons.py covers, each in a
sentence of the kind a news report writes."""
from __future__ import annotations

import datetime as dt

import pytest

from analysis import lexicons
from analysis.corpus import Article, parse_article

PUB = dt.date(2021, 4, 7)


def figures(text: str, published=PUB):
    return parse_article(Article("t", text, published=published))["troops"]


def rows(name: str, kind: str):
    return [r for r in lexicons.table(name).itertuples() if r.kind == kind]


@pytest.mark.parametrize("row", rows("troop_words", "head_noun"), ids=lambda r: r.word)
def test_every_head_noun_introduces_a_figure(row):
    got = figures(f"وخفضت واشنطن عديد {row.word} في العراق إلى 2500 بحلول الصيف.")
    assert [(f["value"], f["rule"]) for f in got] == [(2500, "head")]


LINKS = {
    "إلى": "وتقلص عدد القوات الأمريكية في العراق إلى 2500 في منتصف يناير.",
    "من": "وخفض البنتاغون عدد القوات الأمريكية في العراق من 5200.",
    "عند": "واستقر عدد القوات الأمريكية في العراق عند 2500 خلال الأشهر الماضية.",
    "نحو": "ويبلغ عدد القوات الأمريكية في العراق نحو 2500 في الوقت الحالي.",
    "ب": "ويقدر مسؤولون عدد القوات الأمريكية في العراق بـ 2500 في الوقت الحالي.",
    "حوالي": "ويبلغ عدد القوات الأمريكية في العراق حوالي 2500 في الوقت الحالي.",
    "ليصل إلى": "وقررت واشنطن خفض عدد الجنود في العراق ليصل إلى 2500 بحلول مطلع العام.",
}


@pytest.mark.parametrize("row", rows("troop_words", "head_link"), ids=lambda r: r.word)
def test_every_head_link_leads_to_the_figure(row):
    got = figures(LINKS[row.word])
    assert [f["rule"] for f in got] == ["head"] and got[0]["value"] in (2500, 5200), got


FOLLOWERS = {
    "في": ("وتقلص عديد الجنود الأمريكيين في العراق إلى 2500 في منتصف يناير.", [2500]),
    "من": ("وتقلص عديد الجنود الأمريكيين في العراق إلى 2500 من أصل 5200.", [2500]),
    "خلال": ("وسيتقلص عديد الجنود الأمريكيين في العراق إلى 2500 خلال الشهر الجاري.", [2500]),
    "بحلول": ("وسيتقلص عديد الجنود الأمريكيين في العراق إلى 2500 بحلول منتصف يناير.", [2500]),
    "مع": ("وسيتقلص عديد الجنود الأمريكيين في العراق إلى 2500 مع نهاية العام.", [2500]),
    "بعد": ("وتقلص عديد الجنود الأمريكيين في العراق إلى 2500 بعد الانسحاب الجزئي.", [2500]),
    "قبل": ("وتقلص عديد الجنود الأمريكيين في العراق إلى 2500 قبل تسلم الإدارة الجديدة.", [2500]),
    "حتى": ("وسيبقى عديد الجنود الأمريكيين في العراق عند 2500 حتى إشعار آخر.", [2500]),
    "إلى": ("وتقلص عديد الجنود الأمريكيين في العراق من 5200 إلى 2500.", [5200, 2500]),
    "عند": ("وسيتقلص عديد الجنود الأمريكيين في العراق إلى 2500 عند انتهاء المهمة القتالية.", [2500]),
    "فقط": ("وتقلص عديد الجنود الأمريكيين في العراق إلى 2500 فقط.", [2500]),
    "تقريبا": ("وتقلص عديد الجنود الأمريكيين في العراق إلى 2500 تقريبا.", [2500]),
    "بينهم": ("ويبلغ عديد قوات التحالف في العراق نحو 3000 بينهم 2500 أمريكي.", [3000]),
    "منهم": ("ويبلغ عديد قوات التحالف في العراق نحو 3000 منهم 2500 أمريكي.", [3000]),
    "جندي": ("وتقلص عديد الجنود الأمريكيين في العراق إلى 2500 جندي.", [2500]),
    "عسكري": ("وتقلص عديد الجنود الأمريكيين في العراق إلى 2500 عسكري.", [2500]),
}


@pytest.mark.parametrize("row", rows("troop_words", "follower"), ids=lambda r: r.word)
def test_every_follower_may_come_after_a_head_figure(row):
    text, values = FOLLOWERS[row.word]
    assert [f["value"] for f in figures(text)] == values
