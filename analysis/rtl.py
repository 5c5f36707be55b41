"""Drawing Arabic with matplotlib: shaping labels for the installed version, and a font with every glyph.

matplotlib 3.11 and later shape text themselves (libraqm: HarfBuzz + bidi), so a logical-order string
is drawn right. Older versions draw code points one by one, left to right: there a label must be
reshaped (arabic-reshaper: contextual letter forms, lam-alef ligatures) and reordered (the pure-Python
`bidi.algorithm.get_display`, which mirrors brackets and «»), line by line. `label()` does whichever the
installed matplotlib needs, found by laying out two letters and seeing whether they join.

Data never holds shaped strings: call `label()` only on text handed to matplotlib.
"""
from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import matplotlib
from matplotlib import font_manager

ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
PRESENTATION_FORMS = re.compile(r"[\ufb50-\ufdff\ufe70-\ufeff]")
_UNESCAPED_DOLLAR = re.compile(r"(?<!\\)\$")
FALLBACK_FAMILY = "DejaVu Sans"


def arabic_font_path() -> Path:
    """The Noto Sans Arabic font file shipped by the fontpkg-noto-sans-arabic package (OFL)."""
    import fontpkg_noto_sans_arabic as pkg
    return next((pkg.ROOT / "files").glob("*.ttf"))


@lru_cache(maxsize=1)
def arabic_family() -> str:
    """Register Noto Sans Arabic with matplotlib once; its family name."""
    path = arabic_font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def use_arabic_font() -> list[str]:
    """Make Noto Sans Arabic the default font, with DejaVu Sans as the Latin/symbol fallback."""
    families = [arabic_family(), FALLBACK_FAMILY]
    matplotlib.rcParams["font.family"] = families
    return families


@lru_cache(maxsize=1)
def matplotlib_shapes() -> bool:
    """True when the installed matplotlib joins Arabic letters itself (3.11+, libraqm)."""
    from matplotlib import _text_helpers
    from matplotlib.ft2font import FT2Font
    font = FT2Font(str(arabic_font_path()))
    items = list(_text_helpers.layout("ببب", font))
    glyphs = [getattr(item, "glyph_index", getattr(item, "glyph_idx", None)) for item in items]
    return len(set(glyphs)) > 1  # initial, medial and final forms differ; unshaped text repeats one glyph


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """Code points some font in the fallback chain can draw."""
    from fontTools.ttLib import TTFont
    points: set[int] = set()
    for path in (arabic_font_path(), Path(font_manager.findfont(FALLBACK_FAMILY))):
        with TTFont(str(path), lazy=True) as font:
            points.update(font.getBestCmap())
    return frozenset(points)


def drawable(text: str) -> str:
    """`text` without the characters no font can draw (emoji, flags): dropped, never drawn as boxes.
    Format characters (bidi marks, joiners) stay: they are not drawn."""
    covered = _covered()
    return "".join(c for c in text if ord(c) in covered or c == "\n" or unicodedata.category(c) == "Cf")


def is_shaped(text: str) -> bool:
    """True when `text` already holds Arabic presentation forms (it was reshaped before)."""
    return bool(PRESENTATION_FORMS.search(text))


def label(text: object) -> str:
    """`text` ready for matplotlib: shaped and reordered where matplotlib cannot, mathtext-safe.

    Idempotent: a label that is already shaped is only made safe, not shaped again. None and NaN give "".
    """
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    text = str(text)
    if not is_shaped(text):
        text = drawable(text)
        if not matplotlib_shapes():
            text = "\n".join(_visual(line) for line in text.split("\n"))
    return _UNESCAPED_DOLLAR.sub(r"\\$", text)


def _visual(line: str) -> str:
    """One line reshaped and in visual order, for a matplotlib that lays out left to right."""
    if not ARABIC.search(line):
        return line
    import arabic_reshaper
    from bidi.algorithm import get_display  # the pure-Python one: it mirrors brackets and «»
    return get_display(arabic_reshaper.reshape(line), base_dir="R")


@lru_cache(maxsize=4)
def line_spacing(em: float = 1.3) -> float:
    """The `linespacing` that puts lines `em` font sizes apart on the installed matplotlib.

    matplotlib 3.11 multiplies linespacing by the font's full ascent + descent (2.1 em for Noto Sans
    Arabic, whose marks stack high); older versions by the height of "lp" (about 1.15 em)."""
    if not matplotlib_shapes():
        return em / 1.15
    from fontTools.ttLib import TTFont
    with TTFont(str(arabic_font_path()), lazy=True) as font:
        os2, upem = font["OS/2"], font["head"].unitsPerEm
        return em * upem / (os2.sTypoAscender - os2.sTypoDescender)


def labels(texts) -> list[str]:
    """`label` over a sequence (tick labels, legend entries)."""
    return [label(t) for t in texts]
