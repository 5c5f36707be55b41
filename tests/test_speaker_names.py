"""Who a mention names (issue 14): titles that refer back, offices on the article's date, the office and
body of each speaker (`speaker_role`, `speaker_org`), clean names, one spelling per speaker, and
`canonical_speaker` as a pure function. Sentences written here."""
from __future__ import annotations

import datetime as dt

import pytest

import analysis
from analysis.corpus import Article, parse_article
from analysis.speakers import Context, Named, canonical_speaker

PUB = dt.date(2021, 4, 7)
SAID = '"الحوار بين البلدين مستمر بلا توقف"'


def rows(text: str, published=PUB) -> list[dict]:
    return [r for r in parse_article(Article("t", text, published=published))["statements"] if r["kind"] != "term"]


def last(text: str, published=PUB) -> tuple:
    r = rows(text, published)[-1]
    return r["speaker"], r["attribution"]


# ------------------------------------------------------------------ a title alone refers back
@pytest.mark.parametrize("title, speaker", [
    ("الوزير", "فؤاد حسين"),  # the latest minister named
    ("الوزير الأميركي", "أنتوني بلينكن"),  # the one whose office fits, though named earlier
    ("وزير الخارجية الأمريكي", "أنتوني بلينكن"),  # another spelling of the same title
    ("الأخير", "فؤاد حسين"),  # the latter: the latest person named
])
def test_a_title_refers_to_the_latest_person_who_held_it(title, speaker):
    text = ("استقبل وزير الخارجية الأميركي أنتوني بلينكن في واشنطن نظيره العراقي فؤاد حسين.\n"
            f"وقال {title} إن {SAID}.")
    assert last(text) == (speaker, "anaphora")


def test_a_title_refers_back_to_a_person_the_tables_do_not_know():
    text = ("وقال المتحدث باسم الخارجية الإيرانية سعيد خطيب زاده إن الوجود الأجنبي مرفوض.\n"
            f"وأضاف المتحدث باسم الخارجية أن {SAID}.")
    got = rows(text)
    assert [(r["speaker"], r["attribution"]) for r in got] == [("سعيد خطيب زاده", "cue"), ("سعيد خطيب زاده", "anaphora")]


def test_the_president_is_not_the_prime_minister():
    text = "وصل رئيس الوزراء العراقي مصطفى الكاظمي إلى واشنطن.\n" f"وقال الرئيس إن {SAID}."
    assert last(text, None) == ("الرئيس", "title")


@pytest.mark.parametrize("title, when, speaker", [
    ("الرئيس الأمريكي", dt.date(2021, 4, 7), "جو بايدن"),
    ("الرئيس الأميركي", dt.date(2019, 12, 1), "دونالد ترامب"),
    ("رئيس الحكومة", dt.date(2021, 4, 7), "مصطفى الكاظمي"),
    ("رئيس الحكومة", dt.date(2023, 4, 7), "محمد شياع السوداني"),
    ("وزير الدفاع الأمريكي", dt.date(2020, 12, 1), "كريستوفر ميلر"),
])
def test_else_the_holder_of_the_office_on_the_articles_date(title, when, speaker):
    assert last(f"وقال {title} إن {SAID}.", when) == (speaker, "title")


@pytest.mark.parametrize("title, published, role", [
    ("الوزير", PUB, "الوزير"), ("المتحدثة باسم الوزارة", PUB, "المتحدثة باسم الوزارة"),
    ("رئيس الحكومة", None, "رئيس الوزراء العراقي"),  # an office the tables know, on no date
])
def test_else_the_title_stays_flagged(title, published, role):
    r = rows(f"وقال {title} إن {SAID}.", published)[-1]
    assert (r["speaker"], r["speaker_role"], r["attribution"]) == (title, role, "title")


# ------------------------------------------------------------------ office and body
@pytest.mark.parametrize("text, when, speaker, role, org", [
    (f"وقال فؤاد حسين إن {SAID}.", PUB, "فؤاد حسين", "وزير الخارجية العراقي", "الحكومة العراقية"),
    (f"وقال الكاظمي إن {SAID}.", dt.date(2021, 7, 25), "مصطفى الكاظمي", "رئيس الوزراء العراقي", "الحكومة العراقية"),
    (f"وقال الكاظمي إن {SAID}.", dt.date(2019, 7, 25), "مصطفى الكاظمي", None, None),  # not yet in office
    (f"وقال المتحدث باسم الخارجية الإيرانية سعيد خطيب زاده إن {SAID}.", PUB, "سعيد خطيب زاده",
     "المتحدث باسم الخارجية الإيرانية", "الخارجية الإيرانية"),
    (f"وقال رئيس الوزراء العراقي السابق عادل عبد المهدي إن {SAID}.", PUB, "عادل عبد المهدي",
     "رئيس الوزراء العراقي السابق", None),  # out of office on the date: the text's title
    (f"وقالت وزارة الدفاع البريطانية إن {SAID}.", PUB, "وزارة الدفاع البريطانية", None, "وزارة الدفاع البريطانية"),
    (f"وقال زعيم التيار الصدري مقتدى الصدر إن {SAID}.", PUB, "مقتدى الصدر", "زعيم التيار الصدري", "التيار الصدري"),
])
def test_role_and_org(text, when, speaker, role, org):
    r = rows(text, when)[-1]
    assert (r["speaker"], r["speaker_role"], r["speaker_org"]) == (speaker, role, org)


def test_a_name_alone_not_a_title_before_it():
    text = f"وقال رئيس الوزراء العراقي عادل عبد المهدي إن {SAID}."  # not the 2021 prime minister
    assert last(text) == ("عادل عبد المهدي", "cue")


# ------------------------------------------------------------------ clean names
@pytest.mark.parametrize("text, when, speaker", [
    (f"وقال وزير الدفاع الأميركي بالوكالة، كريستوفر ميلر، إن {SAID}.", dt.date(2020, 12, 1), "كريستوفر ميلر"),
    (f"وقال وزير الدفاع العراقي بالوكالة، جمعة عناد، إن {SAID}.", PUB, "جمعة عناد"),
    (f"وقال الدكتور سعد الحديثي إن {SAID}.", PUB, "سعد الحديثي"),
    (f"ونقلت واع عن فؤاد حسين قوله إن {SAID}.", PUB, "فؤاد حسين"),
    (f"وذكرت واع أن {SAID}.", PUB, "وكالة الأنباء العراقية"),
    (f"وقالت وكالة الأنباء العراقية (واع) إن {SAID}.", PUB, "وكالة الأنباء العراقية"),
    (f"وقالت الخارجية الأمريكية إن {SAID}.", PUB, "وزارة الخارجية الأميركية"),
    (f"وقال البنتاغون إن {SAID}.", PUB, "وزارة الدفاع الأميركية"),
])
def test_clean_names(text, when, speaker):
    assert rows(text, when)[-1]["speaker"] == speaker


@pytest.mark.parametrize("cue", ["كما أضاف", "فيما أشار", "إذ قال", "بينما رأى", "من جهته قال", "وأضاف"])
def test_a_cue_or_particle_is_never_a_name(cue):
    for r in rows(f'{cue}: "الحوار بين البلدين مستمر بلا توقف".'):
        assert r["speaker"] is None


def test_one_speaker_in_two_spellings_counts_once(tmp_path):
    for k, spelling in enumerate(("الأميركية", "الأمريكية")):
        (tmp_path / f"a{k}.txt").write_text(f"وقال مسؤول في السفارة {spelling} ببغداد إن {SAID}.\n"
                                            f"وقالت السفارة {spelling} إن {SAID}.\n", encoding="utf-8")
    st = analysis.load_corpus(tmp_path, cache=False).statements
    counts = st[st["kind"] == "statement"].groupby("speaker").size().to_dict()
    assert counts == {"السفارة الأمريكية": 2, "مسؤول في السفارة الأمريكية": 2}


def test_later_mentions_of_a_person_fold_to_the_full_name():
    text = (f"وقال المتحدث باسم الحكومة العراقية حسن ناظم إن {SAID}.\n"
            "وأضاف ناظم أن الحكومة ماضية في الإصلاح.")
    assert [r["speaker"] for r in rows(text)] == ["حسن ناظم", "حسن ناظم"]


# ------------------------------------------------------------------ canonical_speaker is pure
def test_canonical_speaker_is_a_pure_function():
    context = Context(PUB, names=("أحمد ملا طلال",), mentioned=("مسؤول عسكري أميركي",))
    before = (context.names, context.mentioned, context.sources(), dict(context.issuers))
    assert canonical_speaker("طلال", context) == Named("أحمد ملا طلال", "name")
    assert canonical_speaker("المسؤول", context) == Named("مسؤول عسكري أميركي", "anaphora")
    learned = canonical_speaker("المتحدث باسم الحكومة سعد الحديثي", context)
    assert learned.name == "سعد الحديثي" and learned.learned and learned.org == "الحكومة"
    assert (context.names, context.mentioned, context.sources(), dict(context.issuers)) == before
    assert canonical_speaker("المتحدث باسم الحكومة سعد الحديثي", context) == learned  # same input, same answer
