"""Every row of the date vocabularies is exercised in a phrase as Arabic news writes it (the kinds that
tests/test_lexicons.py does not cover): date_words.csv, time_units.csv, day_ordinals.csv, tense_words.csv."""
from __future__ import annotations

import datetime as dt

import pytest

from analysis import lexicons
from analysis.dates import find_dates
from analysis.tense import is_future
from analysis.text import normalize
from dates_helpers import D, PUB


def rows(name: str, *kinds: str):
    table = lexicons.table(name)
    return [r for r in table.itertuples() if not kinds or r.kind in kinds]


def dates(text: str, published=PUB):
    return [(text[d.start:d.end], d) for d in find_dates(text, published)]


def single(text: str, published=PUB):
    found = dates(text, published)
    assert len(found) == 1, (text, [(s, d.rule) for s, d in found])
    return found[0]


@pytest.mark.parametrize("row", rows("date_words", "span_past", "span_future"), ids=lambda r: r.word)
def test_every_span_modifier(row):
    noun = "السنتين" if row.word.endswith("تين") else "العامين" if row.word.endswith("ين") else "الأشهر الستة"
    span, d = single(f"تضاعف العدد خلال {noun} {row.word}")
    assert d.rule == "span" and (d.period_end == PUB if row.value == "-1" else d.period_start == PUB)


@pytest.mark.parametrize("row", rows("date_words", "not_today"), ids=lambda r: r.word)
def test_every_word_that_makes_today_no_date(row):
    assert find_dates(f"وفي اليوم {row.word} عادت القوات", PUB) == []


@pytest.mark.parametrize("row", rows("date_words", "weekday_construct"), ids=lambda r: r.word)
def test_every_weekday_of_a_named_week(row):
    span, d = single(f"التقى الوفد {row.word} الأسبوع الماضي")
    assert d.date.weekday() == int(row.value) and D(2021, 3, 29) <= d.date <= D(2021, 4, 4)


@pytest.mark.parametrize("row", rows("date_words", "unit"), ids=lambda r: r.word)
def test_every_period_noun(row):
    span, d = single(f"تراجع العدد {row.word} الماضي")
    assert d.precision == row.value and d.period_end < PUB


@pytest.mark.parametrize("row", rows("date_words", "this"), ids=lambda r: r.word)
def test_every_demonstrative(row):
    noun = "السنة" if row.word == "هذه" else "العام"
    span, d = single(f"تراجع العدد {row.word} {noun}")
    assert d.period_start == D(2021, 1, 1)


@pytest.mark.parametrize("row", rows("date_words", "preposition", "year_event"), ids=lambda r: f"{r.kind}:{r.word}")
def test_every_word_that_makes_a_bare_year_a_date(row):
    span, d = single(f"وتحدث عن ما جرى {row.word} 2014 في المدينة")
    assert span == "2014" and d.date == D(2014, 1, 1)


@pytest.mark.parametrize("row", rows("date_words", "year_noun"), ids=lambda r: r.word)
def test_every_year_noun(row):
    text = f"{row.word} 2019 و2020" if row.word in ("عامي", "سنتي") else f"جرى ذلك {row.word} 2019"
    span, d = single(text)
    assert span.startswith(row.word[1:] if row.word in ("لعام", "بعام", "لسنة", "بسنة") else row.word) or row.word in span
    assert d.period_start == D(2019, 1, 1)


@pytest.mark.parametrize("row", rows("date_words", "month_noun"), ids=lambda r: r.word)
def test_every_month_noun(row):
    span, d = single(f"وقع ذلك {row.word} مارس")
    assert d.period_start == D(2021, 3, 1)


@pytest.mark.parametrize("row", rows("date_words", "gregorian_marker", "hijri_marker"), ids=lambda r: r.word)
def test_every_era_mark(row):
    year, calendar = ("2021", "gregorian") if row.kind == "gregorian_marker" else ("1442", "hijri")
    gap = "" if len(row.word) <= 2 else " "
    span, d = single(f"تأسست الهيئة عام {year}{gap}{row.word} في بغداد")
    assert span == f"عام {year}{gap}{row.word}" and d.calendar == calendar and d.precision == "year"


@pytest.mark.parametrize("row", rows("date_words", "hijri_epithet"), ids=lambda r: r.word)
def test_every_hijri_epithet(row):
    span, d = single(f"في شهر رمضان {row.word} 1442")
    assert span == f"شهر رمضان {row.word} 1442" and d.period_start == D(2021, 4, 13)


@pytest.mark.parametrize("row", rows("date_words", "season"), ids=lambda r: r.word)
def test_every_season(row):
    text = f"في {row.word} 2019" if not row.word.startswith("ال") else f"في {row.word} الماضي"
    span, d = single(text)
    assert d.precision == "season" and d.date.month == {"winter": 1, "spring": 4, "summer": 7, "autumn": 10}[row.value]


@pytest.mark.parametrize("row", rows("date_words", "season_noun"), ids=lambda r: r.word)
def test_every_season_noun(row):
    assert single(f"في {row.word} الصيف الماضي")[0] == f"{row.word} الصيف الماضي"


@pytest.mark.parametrize("row", rows("date_words", "fraction"), ids=lambda r: r.word)
def test_every_fraction_of_a_year(row):
    span, d = single(f"في {row.word} الأول من 2021")
    assert d.period_start == D(2021, 1, 1) and d.precision == {"quarter": "quarter", "half": "half", "third": "year"}[row.value]


@pytest.mark.parametrize("row", rows("date_words", "ago", "later"), ids=lambda r: f"{r.kind}:{r.word}")
def test_every_offset_word(row):
    span, d = single(f"وصل الوفد {row.word} ثلاثة أيام")
    assert d.date == PUB + dt.timedelta(days=3 * int(row.value))


@pytest.mark.parametrize("row", rows("date_words", "within"), ids=lambda r: r.word)
def test_every_span_word(row):
    span, d = single(f"سيصل الوفد {row.word} أسبوعين")
    assert (d.period_start, d.period_end) == (PUB, PUB + dt.timedelta(days=13))  # both ends in the span


@pytest.mark.parametrize("row", rows("date_words", "about"), ids=lambda r: r.word)
def test_every_approximation_of_a_count(row):
    span, d = single(f"غادر منذ {row.word} عامين")
    assert span == f"منذ {row.word} عامين" and d.date == D(2019, 4, 7)


@pytest.mark.parametrize("row", rows("date_words", "same_day"), ids=lambda r: r.word)
def test_every_same_day_word(row):
    span, d = single(f"وصل الوفد الأحد {row.word} 25 تموز 2021")
    assert span == f"الأحد {row.word} 25 تموز 2021" and d.date == D(2021, 7, 25)


@pytest.mark.parametrize("row", rows("date_words", "range_to"), ids=lambda r: r.word)
def test_every_range_end_word(row):
    lead = "بين" if row.word == "و" else "من"
    sep = "" if row.word == "و" else " "
    span, d = single(f"{lead} حزيران {row.word}{sep}آب 2020")
    assert (d.period_start, d.period_end) == (D(2020, 6, 1), D(2020, 8, 31))


@pytest.mark.parametrize("row", rows("date_words", "range_from"), ids=lambda r: r.word)
def test_every_range_start_word(row):
    span, d = single(f"{row.word} آذار حتى أيار 2020")
    assert (d.period_start, d.period_end) == (D(2020, 3, 1), D(2020, 5, 31))


@pytest.mark.parametrize("row", rows("date_words", "count_noun"), ids=lambda r: r.word)
def test_every_counted_noun_after_a_year_like_number(row):
    assert [d for d in find_dates(f"في 2000 {row.word}", PUB) if d.precision == "year"] == []


@pytest.mark.parametrize("row", rows("time_units"), ids=lambda r: r.word)
def test_every_unit_of_time(row):
    if row.word.startswith("ال"):
        text = f"تراجع العدد خلال {row.word} الماضيين" if row.count == "2" else f"تراجع العدد خلال {row.word} الثلاثة الماضية"
        span, d = single(text)
        assert d.rule == "span" and d.period_end == PUB
        return
    text = f"وصل قبل {row.word}" if row.count else f"وصل قبل {'15' if row.word.endswith('ا') else 'ثلاثة'} {row.word}"
    span, d = single(text)
    assert d.rule == "offset" and d.date <= PUB


@pytest.mark.parametrize("row", list(lexicons.table("day_ordinals").itertuples()), ids=lambda r: r.word)
def test_every_day_ordinal(row):
    if row.form == "last":
        span, d = single(f"في الربع {row.word} من 2020")
        assert d.period_start == D(2020, 10, 1)
        return
    phrase = {"unit_compound": f"{row.word} عشر", "teen": f"الثالث {row.word}"}.get(row.form, row.word)
    want = {"unit_compound": 11, "teen": 13}.get(row.form, int(row.value))
    span, d = single(f"في {phrase} من آذار 2021")
    assert d.date == D(2021, 3, want)


@pytest.mark.parametrize("row", rows("tense_words"), ids=lambda r: f"{r.kind}:{r.word}")
def test_every_tense_word(row):
    clause = {"future": f"{row.word} تعقد الجلسة", "future_prefix": f"{row.word}عقد المجلس جلسته",
              "not_future": f"تحدث عن {row.word}"}[row.kind]
    text = normalize(clause + " الخميس")
    assert is_future(text, len(text) - 6, len(text)) is (row.kind != "not_future")


@pytest.mark.parametrize("row", rows("date_words", "same_year"), ids=lambda r: r.word)
def test_every_same_year_phrase(row):
    text = f"اندلعت الاحتجاجات في 3 آذار 2015، وسقطت الحكومة في 20 أيار {row.word}."
    found = find_dates(text, PUB)
    assert [(text[d.start:d.end], d.date, d.relative) for d in found] == [
        ("3 آذار 2015", D(2015, 3, 3), False), (f"20 أيار {row.word}", D(2015, 5, 20), False)]


@pytest.mark.parametrize("row", rows("date_words", "edge_day"), ids=lambda r: r.word)
def test_every_edge_day_phrase(row):
    span, d = single(f"تنتهي المهلة مع {row.word} العام المقبل")
    assert span == f"{row.word} العام المقبل"
    assert (d.date, d.precision) == ({"first": D(2022, 1, 1), "last": D(2022, 12, 31)}[row.value], "day")
