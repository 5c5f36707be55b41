"""Arabic labels: the legacy reshape+bidi path at string level, the installed matplotlib at glyph level
against HarfBuzz with bidi runs, mathtext safety, idempotence, fonts and missing glyphs."""
from __future__ import annotations

import logging
import math
import re

import matplotlib
import pytest

matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from analysis import rtl  # noqa: E402

pytestmark = pytest.mark.render
SAMPLES = ["الحوار الاستراتيجي", "نحو 2500 جندي أميركي في 2021", "(الجولة 3)", "«بوابةً لاستعادة الوضع الطبيعي»",
           "رئيس الوزراء مصطفى الكاظمي", "لا قوات قتالية", "الله أكبر", "سطر أول\nسطر ثان", "سعر $5 و a_b"]


@pytest.fixture
def legacy(monkeypatch):
    """Force the path for a matplotlib that does not shape text (3.10 and older)."""
    monkeypatch.setattr(rtl, "matplotlib_shapes", lambda: False)


def test_detects_what_the_installed_matplotlib_does():
    major, minor = (int(x) for x in matplotlib.__version__.split(".")[:2])
    assert rtl.matplotlib_shapes() == ((major, minor) >= (3, 11))


def test_none_and_nan_give_empty_labels():
    assert rtl.label(None) == "" and rtl.label(math.nan) == "" and rtl.label(3) == "3"


def test_logical_strings_pass_through_where_matplotlib_shapes(monkeypatch):
    monkeypatch.setattr(rtl, "matplotlib_shapes", lambda: True)
    assert rtl.label("الحوار الاستراتيجي") == "الحوار الاستراتيجي"


def test_legacy_path_reshapes_and_reorders(legacy):
    out = rtl.label("الحوار الاستراتيجي")
    assert rtl.is_shaped(out) and out != "الحوار الاستراتيجي"
    assert out[0] == "\ufef2"  # the last letter (final yeh) is drawn first, at the left


def test_legacy_path_keeps_numbers_and_latin_left_to_right(legacy):
    out = rtl.label("نحو 2500 جندي في 2021 عبر Twitter")
    assert "2500" in out and "2021" in out and "Twitter" in out
    assert out.index("Twitter") < out.index("2021") < out.index("2500")  # runs in right-to-left order


def test_legacy_path_mirrors_brackets_and_guillemets(legacy):
    out = rtl.label("(الجولة 3)")
    assert out[0] == "(" and out[-1] == ")" and out.index("3") < len(out) // 2
    out = rtl.label("«كفى حروباً»")
    assert out[0] == "«" and out[-1] == "»"


def test_legacy_path_shapes_line_by_line(legacy):
    out = rtl.label("سطر أول\nسطر ثان")
    first, second = out.split("\n")
    assert first == rtl.label("سطر أول") and second == rtl.label("سطر ثان")


@pytest.mark.parametrize("shapes", [True, False])
def test_label_is_idempotent(monkeypatch, shapes):
    monkeypatch.setattr(rtl, "matplotlib_shapes", lambda: shapes)
    for s in SAMPLES:
        once = rtl.label(s)
        assert rtl.label(once) == once, s


@pytest.mark.parametrize("shapes", [True, False])
def test_dollar_and_underscore_never_trigger_mathtext(monkeypatch, shapes):
    monkeypatch.setattr(rtl, "matplotlib_shapes", lambda: shapes)
    for s in ("سعر $5 و $10", "a_b و $x$", "المبلغ \\$5"):
        text = Text(0, 0, rtl.label(s))
        _, ismath = text._preprocess_math(text.get_text())
        assert ismath is False, s


def test_undrawable_characters_are_dropped():
    assert rtl.label("المكتب الإعلامي 🇮🇶 (@IraqiPMO)").count("🇮") == 0
    assert "\u200f" in rtl.drawable("نص\u200f")  # bidi marks stay: they are not drawn


def test_use_arabic_font_sets_a_fallback_chain():
    with matplotlib.rc_context():
        families = rtl.use_arabic_font()
        assert families[0] == "Noto Sans Arabic" and matplotlib.rcParams["font.family"][:2] == families


def test_no_missing_glyph_warning_and_no_font_fallback_logged(caplog, recwarn):
    caplog.set_level(logging.WARNING, logger="matplotlib.font_manager")
    with matplotlib.rc_context():
        rtl.use_arabic_font()
        fig = Figure()
        for i, s in enumerate(SAMPLES + ["ﷲ", "٢٠٢١ — ٦٠٪", "Kurdistan24 (@IraqiPMO)"]):
            fig.text(0.1, 0.05 * i, rtl.label(s))
        fig.canvas.draw()
    assert not [w for w in recwarn if "missing" in str(w.message)]
    assert not [r for r in caplog.records if "findfont" in r.getMessage()]


# ---------------------------------------------------------------- glyph level, against HarfBuzz
def _bidi_runs(text: str) -> list[tuple[str, str]]:
    """(run, direction) in logical order for a right-to-left paragraph: digits and Latin words are
    left-to-right runs, everything else right-to-left (enough for these labels)."""
    runs = []
    for m in re.finditer(r"[0-9A-Za-z]+(?:[.,:/@_-][0-9A-Za-z]+)*|[^0-9A-Za-z]+", text):
        runs.append((m.group(), "ltr" if m.group()[0].isascii() and m.group()[0].isalnum() else "rtl"))
    return runs


def _harfbuzz_glyphs(text: str) -> list[int]:
    """What a bidi-aware shaper draws, left to right: each run shaped by HarfBuzz, runs in visual order."""
    uharfbuzz = pytest.importorskip("uharfbuzz")
    font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(rtl.arabic_font_path()))))
    visual = []
    for run, direction in reversed(_bidi_runs(text)):
        buf = uharfbuzz.Buffer()
        buf.add_str(run)
        buf.guess_segment_properties()
        buf.direction = direction
        uharfbuzz.shape(font, buf, {})
        visual.extend(info.codepoint for info in buf.glyph_infos)
    return visual


def _matplotlib_glyphs(text: str) -> list[int]:
    from matplotlib import _text_helpers
    from matplotlib.ft2font import FT2Font
    items = _text_helpers.layout(text, FT2Font(str(rtl.arabic_font_path())))
    return [getattr(i, "glyph_index", getattr(i, "glyph_idx", None)) for i in items]


@pytest.mark.parametrize("text", ["حوار استراتيجي", "جولة ثالثة 2021", "الكاظمي: «كفى حروباً»", "لا قوات قتالية",
                                  "(الجولة 3)", "نحو 2500 جندي أميركي"])
def test_glyphs_match_harfbuzz(text):
    drawn = _matplotlib_glyphs(rtl.label(text))
    assert 0 not in drawn  # no .notdef box
    if rtl.matplotlib_shapes():
        assert drawn == _harfbuzz_glyphs(text)
    else:
        # the legacy path draws presentation-form code points, whose glyphs have other ids than those
        # HarfBuzz substitutes; what the reader sees must still be as wide as HarfBuzz's line, to 3%
        # (isolated, unjoined letters are much wider)
        from fontTools.ttLib import TTFont
        with TTFont(str(rtl.arabic_font_path())) as font:
            cmap, hmtx = font.getBestCmap(), font["hmtx"]
            width = sum(hmtx[cmap[ord(c)]][0] for c in rtl.label(text))
        assert abs(width - _harfbuzz_width(text)) / width < 0.03


def _harfbuzz_width(text: str) -> int:
    """Total advance, in font units, of the text shaped by HarfBuzz run by run."""
    uharfbuzz = pytest.importorskip("uharfbuzz")
    font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(rtl.arabic_font_path()))))
    total = 0
    for run, direction in _bidi_runs(text):
        buf = uharfbuzz.Buffer()
        buf.add_str(run)
        buf.guess_segment_properties()
        buf.direction = direction
        uharfbuzz.shape(font, buf, {})
        total += sum(p.x_advance for p in buf.glyph_positions)
    return total
