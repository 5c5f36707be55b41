"""Notebook tables: Arabic cells right-to-left and right-aligned, English notes left-to-right, plain text
deterministic."""
from __future__ import annotations

import pandas as pd

from analysis import display


def test_arabic_cells_are_rtl_and_english_notes_ltr():
    frame = pd.DataFrame({"id": ["a"], "quote": ["كفى حروباً"], "basis": ['stated in the text: "25-يوليو-2021" line'],
                          "date": [pd.Timestamp("2021-07-25")], "articles": [["000", "001"]], "n": [None]})
    html = display.table(frame)._repr_html_()
    assert '<td dir="rtl" style="text-align:right">كفى حروباً</td>' in html
    assert ('<td dir="ltr" style="text-align:left">stated in the text: &quot;<bdi>25-يوليو-2021</bdi>&quot; line</td>'
            in html)
    assert ">2021-07-25<" in html and ">000, 001<" in html and '<td class="na"></td>' in html
    assert '<th style="text-align:right">quote</th>' in html and '<th style="text-align:left">basis</th>' in html


def test_plain_text_is_deterministic_and_says_what_is_hidden():
    frame = pd.DataFrame({"x": range(100)})
    text = repr(display.table(frame, max_rows=10))
    assert text == repr(display.table(frame, max_rows=10)) and text.endswith("… 90 more rows") and "0x" not in text


def test_runs_of_the_other_direction_are_isolated_and_nothing_else():
    assert display.isolate("the most quoted: مصطفى الكاظمي (13), البيان المشترك (8).", "ltr") == (
        "the most quoted: <bdi>مصطفى الكاظمي</bdi> (13), <bdi>البيان المشترك</bdi> (8).")
    assert display.isolate("قال عبر Twitter إن 2500 جندي") == "قال عبر <bdi>Twitter</bdi> إن 2500 جندي"
    assert display.isolate("plain English, 2021-07-25 & <b>") == "plain English, 2021-07-25 &amp; &lt;b&gt;"
    assert display.isolate("الحوار «الاستراتيجي»") == "الحوار «الاستراتيجي»"


def test_whole_numbers_show_as_integers():
    frame = pd.DataFrame({"value": [2500.0, 60.0, None], "share": [0.5, 1.0, 2.0]})
    table = display.table(frame)
    assert ">2500<" in table._repr_html_() and "2500.0" not in table._repr_html_()
    assert "2500.0" not in repr(table) and "0.5" in repr(table)


def test_prose_keeps_its_direction_and_isolates_arabic():
    prose = display.Prose(["Quoted most: مصطفى الكاظمي مصطفى الكاظمي مصطفى الكاظمي.", ""])
    assert repr(prose) == "Quoted most: مصطفى الكاظمي مصطفى الكاظمي مصطفى الكاظمي."
    assert prose._repr_html_().count('<p dir="ltr" style="text-align:left">') == 1 and "<bdi>" in prose._repr_html_()


def test_the_stylesheet_beats_jupyterlab_paragraph_rule():
    html = display.stylesheet()._repr_html_()
    assert html.startswith("<style") and '.jp-RenderedHTMLCommon [dir="rtl"] p' in html and "unicode-bidi: isolate" in html


def test_corpus_shows_counts_problems_and_next_steps(seeds):
    html = seeds._repr_html_()
    assert "5 articles from 3 outlets" in html and "<code>statements</code>" in html
    assert "Problems</strong>: none" in html and "corpus.summary()" in html and "0x" not in html
