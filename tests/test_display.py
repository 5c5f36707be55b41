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
    assert '<td dir="ltr">stated in the text: &quot;25-يوليو-2021&quot; line</td>' in html
    assert ">2021-07-25<" in html and ">000, 001<" in html and '<td class="na"></td>' in html
    assert '<th style="text-align:right">quote</th>' in html and '<th style="text-align:left">basis</th>' in html


def test_plain_text_is_deterministic_and_says_what_is_hidden():
    frame = pd.DataFrame({"x": range(100)})
    text = repr(display.table(frame, max_rows=10))
    assert text == repr(display.table(frame, max_rows=10)) and text.endswith("… 90 more rows") and "0x" not in text
