"""The publication date (issue 13, item 9): datelines and bylines, labelled publication lines, Hijri and
Gregorian headers, numeric and English dates, the URL; never a crawl stamp or a "today" header."""
from __future__ import annotations

import datetime as dt

import pytest

from analysis.corpus import Article, parse_article
from analysis.metadata import text_metadata, url_date

BODY = "وقال وزير الخارجية إن الحوار سيستأنف الخميس المقبل في بغداد."


def published(text: str, url: str | None = None):
    meta = text_metadata(text, url=url)
    return meta["published"], meta["published_basis"]


@pytest.mark.parametrize("header, day", [
    ("تاريخ النشر: 14/03/2021", dt.date(2021, 3, 14)),
    ("نُشر بتاريخ 14 مارس 2021", dt.date(2021, 3, 14)),
    ("نشر في: الأحد 14 آذار 2021 - 10:30", dt.date(2021, 3, 14)),
    ("نشرت في 2021/03/14", dt.date(2021, 3, 14)),
    ("تاريخ الخبر: 2021-03-14", dt.date(2021, 3, 14)),
    ("Published: March 14, 2021", dt.date(2021, 3, 14)),
    ("Posted on 14 March 2021", dt.date(2021, 3, 14)),
    ("الأحد 14 آذار 2021 - 1 شعبان 1442 هـ", dt.date(2021, 3, 14)),
    ("1 شعبان 1442هـ الموافق 14 مارس 2021م", dt.date(2021, 3, 14)),
    ("14.03.2021", dt.date(2021, 3, 14)),
    ("Sunday, March 14, 2021", dt.date(2021, 3, 14)),
    ("بغداد 14 مارس 2021 (شينخوا) -", dt.date(2021, 3, 14)),
    ("عمان 14-03-2021 بترا- أعلنت الحكومة أن", dt.date(2021, 3, 14)),  # the agency's short name before the dash
])
def test_stated_publication_dates(header, day):
    got, basis = published(f"عنوان الخبر عن الحوار\n{header}\n{BODY}")
    assert got == day and basis.startswith("stated in the text"), basis


@pytest.mark.parametrize("url, day", [
    ("https://example.com/news/2021/04/07/iraq-talks", dt.date(2021, 4, 7)),
    ("https://example.com/ar/20210407/iraq-talks.html", dt.date(2021, 4, 7)),
    ("https://example.com/politics/iraq-talks-20210407-123.html", dt.date(2021, 4, 7)),
    ("https://example.com/article.php?id=9&cdate=17082020", dt.date(2020, 8, 17)),
    ("https://example.com/news/2021/4/7/iraq", dt.date(2021, 4, 7)),
])
def test_the_url_states_the_date(url, day):
    assert url_date(url) == day
    got, basis = published(f"عنوان الخبر عن الحوار\n{BODY}", url)
    assert got == day and basis.startswith("stated in the URL")


def test_a_url_line_of_the_page():
    got, basis = published(f"عنوان الخبر عن الحوار\nhttps://example.com/2021/04/07/talks\n{BODY}")
    assert got == dt.date(2021, 4, 7) and "URL" in basis


def test_a_url_without_a_date():
    assert url_date("https://example.com/news/iraq-talks-123456") is None


def test_a_labelled_line_wins_over_the_url_and_an_update_stamp_comes_last():
    text = f"عنوان الخبر عن الحوار\nآخر تحديث: 15 مارس 2021\nتاريخ النشر: 14 مارس 2021\n{BODY}"
    assert published(text, "https://example.com/2021/03/01/x")[0] == dt.date(2021, 3, 14)
    got, basis = published(f"عنوان الخبر عن الحوار\nآخر تحديث: 15 مارس 2021\n{BODY}")
    assert got == dt.date(2021, 3, 15) and "last update" in basis


@pytest.mark.parametrize("stamp", [
    "تاريخ الزيارة: 20 أبريل 2021", "retrieved 2021-04-20", "اليوم: الثلاثاء 20 نيسان 2021", "Today: April 20, 2021",
    "crawled: 2021-04-20T10:00:00Z",
])
def test_crawl_stamps_and_today_headers_are_never_the_publication_date(stamp):
    assert published(f"عنوان الخبر عن الحوار\n{stamp}\n{BODY}") == (None, None)


def test_a_verb_at_the_start_of_a_line_is_no_label():
    text = f"عنوان الخبر عن الحوار\n{BODY}\nنشر الجيش العراقي قواته على الحدود الغربية للبلاد في 3 آذار 2020 بحسب البيان."
    assert published(text) == (None, None)


def test_the_url_field_of_the_input_resolves_relative_dates():
    article = Article("t", f"عنوان الخبر عن الحوار\nوقال الوزير أمس إن الحوار مستمر.",
                      url="https://example.com/2021/04/07/talks")
    facts = parse_article(article)
    assert facts["articles"][0]["published"] == dt.date(2021, 4, 7)
    assert facts["articles"][0]["published_basis"].startswith("stated in the URL")
    assert [d["date"] for d in facts["dates"]] == [dt.date(2021, 4, 6)]


def test_an_article_without_a_publication_date_gets_an_info_problem_row():
    from analysis import dates
    from analysis.segment import segment
    seg = segment(Article("t", "عنوان الخبر عن الحوار\nوقال الوزير أمس إن الحوار مستمر.", path="a.txt"))
    facts = {"problems": []}
    rows = dates.extract(seg, facts)
    assert [r["date"] for r in rows] == [None]
    assert facts["problems"] == [{"path": "a.txt", "row": None, "severity": "info",
                                  "reason": "no publication date in the input or the text: 1 relative date(s) stay unresolved"}]
    assert dates.extract(seg, {}) == rows  # without a problems list (parse_article before per-article problems)


@pytest.mark.parametrize("header", [
    "14-03-2021 | 10:30",  # a Levantine site's header: date, then the time
    "14/03/2021 - 21:40",
    "2021/03/14 | 18:42",
    "الأحد ١ شعبان ١٤٤٢هـ - ١٤ مارس ٢٠٢١م | ٠٨:٤٥ بتوقيت غرينتش",
    "الأحد - 1 شعبان 1442 هـ - 14 مارس 2021 مـ رقم العدد [15020]",  # a paper's issue number
])
def test_a_date_header_with_its_time_or_issue_number(header):
    got, basis = published(f"عنوان الخبر عن الحوار\n{header}\n{BODY}")
    assert got == dt.date(2021, 3, 14) and basis.startswith("stated in the text: dateline"), basis


@pytest.mark.parametrize("text", [
    f"عنوان الخبر عن الحوار\n{BODY}\nفقرة ثانية من الخبر.\nفقرة ثالثة.\nفقرة رابعة.\nفقرة خامسة.\nفقرة سادسة.\n14-03-2021 | 10:30",
    f"عنوان الخبر عن الحوار\n2021-03-14 10:22:31\n{BODY}",  # a machine stamp, as a crawler writes it
    f"عنوان الخبر عن الحوار\n14-03-2021 | 10:30 وصل الوفد إلى بغداد\n{BODY}",  # the date opens a sentence
])
def test_a_stamped_date_far_down_a_machine_stamp_or_a_sentence_is_no_header(text):
    assert published(text) == (None, None)


@pytest.mark.parametrize("stamp", ["اليوم: الأحد 14 آذار 2021", "تاريخ الأرشفة: 2023-02-14 03:12",
                                   "تم الاطلاع: 02/06/2023", "crawled_at=2024-01-19T08:11:02"])
def test_the_dates_of_a_crawl_stamp_or_a_today_header_are_no_facts(stamp):
    facts = parse_article(Article("t", f"عنوان الخبر عن الحوار\n{stamp}\n{BODY}\n{stamp}", published=dt.date(2021, 4, 7)))
    assert [s["boilerplate_kind"] for s in facts["sentences"] if stamp.split()[0] in s["text"]] == ["stamp", "stamp"]
    assert [d["text"] for d in facts["dates"]] == ["الخميس المقبل"]  # the body's date only


def test_a_date_in_a_sentence_is_no_city_and_agency_dateline():
    assert text_metadata(f"عنوان الخبر\nقال الوزير في 7 أبريل 2021 إن الحوار - كما قال - مستمر\n{BODY}").get("published") is None


@pytest.mark.parametrize("header", ["الخميس 14 مارس 2024 - آخر الأخبار", "الأربعاء، 14 فبراير 2024 03:10 ص"])
def test_a_today_header_long_after_the_publication_date_gives_no_date(header):
    text = f"{header}\nعنوان الخبر\n{BODY}"
    url = "https://example.com/news/2021/03/14/story"
    assert published(text, url)[0] == dt.date(2021, 3, 14)  # the URL's date, not the header's
    rows = parse_article(Article("t", text, url=url))
    assert [r["text"] for r in rows["dates"]] == ["الخميس المقبل"]


def test_a_short_sentence_with_a_relative_date_near_the_top_keeps_it():
    text = "عنوان الخبر\nقال الوزير إن القوات ستغادر في العام المقبل."
    rows = parse_article(Article("t", text, published=dt.date(2021, 4, 1)))
    assert [r["text"] for r in rows["dates"]] == ["العام المقبل"]
