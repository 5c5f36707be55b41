"""Every row of the tables the troop extractor reads beyond those tests/test_lexicons.py covers, each in a
sentence of the kind a news report writes."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from analysis import lexicons
from analysis.corpus import Article, parse_article
from analysis.text import normalize

PUB = dt.date(2021, 4, 7)


def figures(text: str, published=PUB):
    return parse_article(Article("t", text, published=published))["troops"]


def rows(name: str, kind: str):
    return [r for r in lexicons.table(name).itertuples() if r.kind == kind]


@pytest.mark.parametrize("row", rows("troop_words", "head_noun"), ids=lambda r: r.word)
def test_every_head_noun_introduces_a_figure(row):
    got = figures(f"وخفضت واشنطن عديد {row.word} في العراق إلى 2500 بحلول الصيف.")
    assert [(f["value"], f["rule"]) for f in got] == [(2500, "head")]


@pytest.mark.parametrize("row", rows("troop_words", "head"), ids=lambda r: r.word)
def test_every_head_word_introduces_a_figure(row):
    got = figures(f"وقرر البرلمان رفع {row.word} القوات المشاركة في المهمة إلى 1400 خلال العام.")
    assert [(f["value"], f["rule"]) for f in got] == [(1400, "head")]


LINKS = {
    "بين": "ويتراوح عدد القوات الأمريكية في العراق بين 2000 و2500 في الوقت الحالي.",
    "ما بين": "ويتراوح عدد القوات الأمريكية في العراق ما بين 2000 و2500 في الوقت الحالي.",
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
    assert [f["rule"].split()[-1] for f in got] == ["head"] and got[0]["value"] in (2000, 2500, 5200), got


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
    "منذ": ("واستقر عديد الجنود الأمريكيين في العراق عند 2500 منذ مطلع العام.", [2500]),
    "على": ("وسيبقى عديد الجنود الأمريكيين في العراق عند 2500 على الأقل.", [2500]),
    "جندي": ("وتقلص عديد الجنود الأمريكيين في العراق إلى 2500 جندي.", [2500]),
    "عسكري": ("وتقلص عديد الجنود الأمريكيين في العراق إلى 2500 عسكري.", [2500]),
}


@pytest.mark.parametrize("row", rows("troop_words", "follower"), ids=lambda r: r.word)
def test_every_follower_may_come_after_a_head_figure(row):
    text, values = FOLLOWERS[row.word]
    assert [f["value"] for f in figures(text)] == values


STRENGTH = {
    "قوامها": "وستبقى اليونيفيل قوة قوامها 13 ألفاً على الورق فقط.",
    "قوامه": "ونشرت فرنسا في مالي فوجا قوامه 600 في إطار عملية برخان.",
    "عديدها": "وتستضيف لبنان قوة اليونيفيل التي يبلغ عديدها 10 آلاف في الجنوب.",
    "عديده": "وقال إن الجيش الفرنسي في الساحل يبلغ عديده 5100 في الوقت الحالي.",
    "عديدهم": "وقال إن الجنود الأمريكيين يبلغ عديدهم 2500 في العراق.",
}


@pytest.mark.parametrize("row", rows("troop_words", "strength"), ids=lambda r: r.word)
def test_every_strength_word_makes_the_number_after_it_a_figure(row):
    got = figures(STRENGTH[row.word])
    assert [f["rule"] for f in got] == ["strength"] and got[0]["text"].startswith(row.word)


NOT_TROOPS = {  # a sentence with the word, and the same sentence about soldiers
    "شرطة": "وانتشر في شوارع الموصل 800 عنصر من الشرطة الاتحادية.",
    "أمن": "وانتشر حول السفارة 400 عنصر أمن لحمايتها.",
    "مدني": "وتضم البعثة 300 فرد مدني إلى جانب المدربين.",
    "مدنيين": "وأجلت الطائرات 300 فرد من المدنيين عن المطار.",
    "دبلوماسيين": "وغادر بغداد 150 فرداً من الدبلوماسيين الأجانب.",
    "موظفي": "وأجلت واشنطن 200 فرد من موظفي السفارة.",
    "موظفيها": "وأجلت السفارة 300 فرد من موظفيها.",
    "متعاقدين": "ويعمل في القواعد نحو 7000 فرد من المتعاقدين.",
    "داعش": "وتحصن في الجيب الأخير نحو 2000 عنصر من داعش.",
    "تنظيم": "ونفذ 500 عنصر من تنظيم الدولة الهجوم على السجن.",
    "مسلحين": "وهاجم 100 عنصر من المسلحين القاعدة ليلا.",
}
SOLDIERS = {"شرطة": "الجيش", "أمن": "من الجيش", "مدني": "عسكري", "مدنيين": "العسكريين", "دبلوماسيين": "العسكريين",
            "موظفي": "جنود", "موظفيها": "جنودها", "متعاقدين": "العسكريين", "داعش": "الجيش",
            "تنظيم": "الجيش", "مسلحين": "الجنود"}


@pytest.mark.parametrize("row", rows("troop_words", "not_troops"), ids=lambda r: r.word)
def test_every_police_civilian_or_militant_word_after_a_noun_is_no_troop_figure(row):
    text = NOT_TROOPS[row.word]
    assert figures(text) == []
    word = next(w for w in re.findall(r"\w+", text) if normalize(row.word) in normalize(w))
    assert len(figures(text.replace(word, SOLDIERS[row.word], 1))) == 1


PAIRS = {
    "من": ("وقرر الحلف توسيع بعثته في العراق من 500 إلى 4000 عنصر.", [500, 4000]),
    "إلى": ("وستخفض واشنطن قواتها في العراق من نحو 5200 جندي إلى حوالي 3000 بحلول نهاية أيلول.", [5200, 3000]),
    "حتى": ("وسيرتفع عدد المدربين في البعثة من 500 وحتى 4000 مدرب خلال عامين.", [500, 4000]),
}


@pytest.mark.parametrize("row", [*rows("troop_words", "pair_from"), *rows("troop_words", "pair_to")],
                         ids=lambda r: f"{r.kind}:{r.word}")
def test_every_from_to_word_pairs_a_bare_number_with_a_figure(row):
    text, values = PAIRS[row.word]
    got = figures(text)
    assert [f["value"] for f in got] == values and "pair" in [f["rule"] for f in got]


KIND_SENTENCES = {  # each with a cue of another kind farther from the figure, in the same clause
    "إضافة إلى": "وينشر الحلف في سوريا قوات خاصة إضافة إلى نحو 2500 مستشار.",
    "إلى": "وقررت واشنطن سحب جزء من قواتها لتخفض عددها في العراق إلى 2500 جندي.",
    "من أصل": "وستسحب واشنطن ألف جندي من أصل 2500 جندي ينتشرون في العراق.",
    "من": "وستخفض واشنطن عدد قواتها في العراق من 2500 جندي إلى ألف.",
    "ليصل": "وقررت الإدارة إرسال تعزيزات ليصل عديد القوات هناك 2500 جندي.",
    "ليبلغ": "وأرسلت واشنطن تعزيزات جديدة ليبلغ عديد قواتها في العراق 2500 جندي.",
    "لتصبح": "وأرسل الحلف دفعة جديدة لتصبح بعثته في العراق 2500 مدرب.",
    "ستبقى": "وبعد سحب معظم القوات ستبقى في سوريا قوة قوامها 2500 عسكري.",
    "الإبقاء على": "وقرر البنتاغون بعد الانسحاب الإبقاء على 2500 جندي في العراق.",
    "ستخفض": "وبعد أشهر من إرسال التعزيزات ستخفض واشنطن 2500 جندي من قواتها.",
    "انخفاض": "وبعد نشر التعزيزات سجل عديد القوات انخفاضا بنحو 2500 جندي.",
    "تقليص": "وبعد نشر التعزيزات قررت واشنطن تقليص 2500 جندي من قواتها في العراق.",
    "تقليل": "وقال إن نشر القوات سيتبعه تقليل عددها بنحو 2500 جندي.",
    "سيتراجع": "وبعد نشر التعزيزات سيتراجع عديد القوات بنحو 2500 جندي.",
    "تقتطع": "وبعد نشر القوة في الجنوب تقتطع واشنطن 2500 جندي من عديدها.",
    "ستسحب": "وبعد أشهر من نشر التعزيزات ستسحب واشنطن 2500 جندي من العراق.",
    "انسحاب": "ويتزامن نشر القوات الجديدة مع انسحاب 2500 جندي من قاعدة عين الأسد.",
    "مغادرة": "وبعد نشر التعزيزات بدأت مغادرة 2500 جندي من العراق.",
    "خروج": "وطالب البرلمان بعد نشر التعزيزات بخروج 2500 جندي أمريكي من العراق.",
    "سترسل": "وبعد سحب جزء من قواتها سترسل واشنطن 2500 جندي إلى الكويت.",
    "نشرت": "وبعد سحب قواتها من أفغانستان نشرت واشنطن 2500 جندي في الكويت.",
    "ينشر": "ورغم قرار السحب ينشر الحلف 2500 جندي في العراق.",
    "إيفاد": "وبعد سحب قواتها القتالية قررت برلين إيفاد 2500 مدرب إلى العراق.",
    "تعزيز": "وبعد سحب الوحدات القديمة قرر الحلف تعزيز قواته بـ 2500 جندي.",
    "وصول": "وبعد سحب الكتيبة السابقة أعلن الجيش وصول 2500 جندي إلى القاعدة.",
    "دفعت": "وبعد سحب بعض الوحدات دفعت أنقرة بـ 2500 جندي إلى الحدود.",
    "الإضافيين": "وقال البنتاغون إن 2500 من الجنود الإضافيين سيصلون إلى المنطقة.",
    "البالغ": "وقررت واشنطن سحب قواتها البالغ عددها 2500 جندي.",
    "ينتشر": "ورغم قرار السحب ينتشر في العراق 2500 جندي.",
    "يتمركز": "ورغم قرار السحب يتمركز في العراق 2500 جندي.",
    "يتواجد": "ورغم قرار السحب يتواجد في العراق 2500 جندي.",
    "تضم": "ورغم قرار السحب تضم البعثة 2500 مدرب.",
}


@pytest.mark.parametrize("row", list(lexicons.table("troop_kinds").itertuples()), ids=lambda r: r.example)
def test_every_kind_cue_decides_what_the_figure_is(row):
    assert re.match(rf"[وفلب]?(?:{normalize(row.pattern)})(?!\w)", normalize(row.example)), (row.pattern, row.example)
    assert row.where == "just_before" or not re.search(r"\\s| ", row.pattern), "a clause cue is one word"
    got = [f for f in figures(KIND_SENTENCES[row.example]) if f["value"] == 2500]
    assert [f["kind"] for f in got] == [row.kind]


VAGUE = {
    "بضع": ("ونشرت فرنسا بضع مئات من الجنود في النيجر.", 300, 900),
    "بضعة": ("وسترسل واشنطن بضعة آلاف جندي إلى رومانيا.", 3000, 9000),
    "عدة": ("وأرسل الحلف عدة آلاف من الجنود إلى بولندا.", 3000, 9000),
    "عشرات": ("ويعمل عشرات المستشارين العسكريين مع الجيش.", 30, 90),
    "العشرات": ("ووصل العشرات من الجنود إلى القاعدة.", 30, 90),
    "مئات": ("ولا يزال مئات الجنود الأمريكيين في سوريا.", 300, 900),
    "المئات": ("وغادر المئات من الجنود القاعدة.", 300, 900),
    "آلاف": ("ودفعت أنقرة بآلاف الجنود إلى الحدود.", 3000, 9000),
    "الآلاف": ("وشارك عشرات الآلاف من الجنود في المناورات.", 30000, 90000),
}


@pytest.mark.parametrize("row", list(lexicons.table("vague_amounts").itertuples()), ids=lambda r: r.word)
def test_every_vague_amount_is_its_interval(row):
    text, low, high = VAGUE[row.word]
    assert row.word in text
    got = figures(text)
    assert [(f["value"], f["value_max"], f["approximate"]) for f in got] == [(low, high, True)]


def sample(pattern: str) -> str:
    """The first alternative of a countries or forces pattern as plain words."""
    return pattern.split("|")[0].replace("(ال)?", "ال").replace("\\w*", "ية").replace("(", "").replace(")", "")


@pytest.mark.parametrize("row", list(lexicons.table("countries").itertuples()), ids=lambda r: r.country)
def test_every_country_pattern_places_the_figure(row):
    got = figures(f"ولا يزال في {sample(row.pattern)} نحو 900 جندي أمريكي.")
    assert [f["country"] for f in got] == [row.country]


FORCES = {
    "NATO": "وتضم بعثة الحلف في العراق نحو 500 مستشار من دول عدة.",
    "other": "وتنتشر في جنوب لبنان قوات حفظ السلام التي يبلغ عديدها 10 آلاف عنصر.",
}


@pytest.mark.parametrize("row", [r for r in lexicons.table("forces").itertuples()
                                 if r.pattern.startswith(("الحلف", "(ال)?يونيفيل"))], ids=lambda r: r.force)
def test_the_alliance_and_peacekeepers_are_their_own_forces(row):
    assert [f["force"] for f in figures(FORCES[row.force])] == [row.force]


@pytest.mark.parametrize("row", list(lexicons.table("troop_levels").itertuples()), ids=lambda r: f"{r.date}:{r.kind}")
def test_every_reference_level_says_what_it_rests_on(row):
    """A stated level names its source; an inferred one is flagged; an announcement carries the level in
    force on its day (the step line passes through its marker)."""
    assert row.support in ("stated", "inferred") and row.force == "US"
    assert ("issue #4" in row.source.lower()) or ("seed" in row.source)
    assert row.source.startswith("FLAGGED") == (row.support == "inferred")
    levels = lexicons.table("troop_levels").query("kind == 'level'")
    before = levels[levels["date"] <= row.date]
    assert row.kind in ("level", "announcement") and row.value == before["value"].iloc[-1]


SERVICES = {"قوات": ("وانتشر في المدينة 300 عنصر من قوات الأمن الداخلي.", "الأمن الداخلي"),
            "جهاز": ("وانتشر في المدينة 200 عنصر من جهاز الشرطة المحلية.", "الشرطة المحلية"),
            "أجهزة": ("وانتشر في المدينة 500 عنصر من أجهزة الأمن الحكومية.", "الأمن الحكومية")}


@pytest.mark.parametrize("row", rows("troop_words", "service"), ids=lambda r: r.word)
def test_every_service_noun_carries_the_police_word_after_it(row):
    text, police = SERVICES[row.word]
    assert figures(text) == []
    assert len(figures(text.replace(police, "الجيش", 1))) == 1  # the same body of soldiers is a figure
