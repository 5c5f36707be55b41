"""Charts: every chart in both languages draws without missing glyphs, keeps its labels inside the
figure and off each other, exports to PNG/SVG/PDF, matches its baseline image, and reads back under OCR."""
from __future__ import annotations

import difflib
import shutil
import subprocess
from pathlib import Path

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
from matplotlib.testing.compare import compare_images  # noqa: E402

from analysis import charts, export, rtl  # noqa: E402
from analysis.text import normalize  # noqa: E402

pytestmark = pytest.mark.render
BASELINE = Path(__file__).resolve().parent / "baseline"
BASELINE_DPI = 50


@pytest.fixture(scope="module")
def figures(seeds):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    out = {}
    for name, fn in charts.CHARTS.items():
        for lang in ("ar", "en"):
            fig = fn(seeds, lang=lang)
            FigureCanvasAgg(fig)
            out[(name, lang)] = fig
    return out


def _texts(fig):
    """Every text the figure draws, with its extent (tick labels outside the view limits are not drawn)."""
    renderer = fig.canvas.get_renderer()
    ticks, drawn = set(), set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                ticks.update((id(tick.label1), id(tick.label2)))
            for tick in axis._update_ticks():
                drawn.update((id(tick.label1), id(tick.label2)))
    out = []
    for text in fig.findobj(matplotlib.text.Text):
        if text.get_visible() and text.get_text().strip() and (id(text) not in ticks or id(text) in drawn):
            out.append((text, text.get_window_extent(renderer)))
    return renderer, out


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_labels_inside_the_figure_and_not_overlapping(figures, name, lang):
    fig = figures[(name, lang)]
    fig.canvas.draw()
    _, texts = _texts(fig)
    box = fig.bbox
    for text, ext in texts:
        assert ext.x0 >= box.x0 - 1 and ext.x1 <= box.x1 + 1 and ext.y0 >= box.y0 - 1 and ext.y1 <= box.y1 + 1, \
            f"clipped: {text.get_text()!r}"
    for i, (a, ea) in enumerate(texts):
        for b, eb in texts[i + 1:]:
            overlap = max(0, min(ea.x1, eb.x1) - max(ea.x0, eb.x0)) * max(0, min(ea.y1, eb.y1) - max(ea.y0, eb.y0))
            small = min(ea.width * ea.height, eb.width * eb.height) or 1
            assert overlap / small < 0.15, f"overlap: {a.get_text()!r} and {b.get_text()!r}"


def test_arabic_charts_put_the_title_on_the_right(figures):
    for name in charts.CHARTS:
        ax = figures[(name, "ar")].axes[0]
        assert ax.get_title(loc="right") and not ax.get_title(loc="left"), name


def test_unknown_language_is_refused(seeds):
    with pytest.raises(ValueError, match="lang"):
        charts.troop_levels(seeds, lang="fr")


def test_arabic_counts_and_dates():
    assert charts.count(1, "article", "ar") == "مقالة واحدة" and charts.count(2, "article", "ar") == "مقالتان"
    assert charts.count(3, "mention", "ar") == "3 إشارات" and charts.count(11, "mention", "ar") == "11 إشارة"
    assert charts.format_date("2021-04-07", "ar") == "7 أبريل 2021"


def test_export_writes_png_svg_pdf(figures, tmp_path):
    paths = export.save_figure(figures[("talk_rounds", "ar")], tmp_path, "rounds", dpi=60)
    assert [p.suffix for p in paths] == [".png", ".svg", ".pdf"]
    assert paths[0].read_bytes()[:4] == b"\x89PNG" and paths[2].read_bytes()[:4] == b"%PDF"
    assert b"<svg" in paths[1].read_bytes()[:400]


# ---------------------------------------------------------------- baselines
@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_matches_baseline_image(figures, name, lang, tmp_path):
    expected = BASELINE / f"{name}_{lang}.png"
    version = (BASELINE / "MATPLOTLIB_VERSION").read_text().strip()
    if matplotlib.__version__ != version:
        pytest.skip(f"baselines were drawn with matplotlib {version}; this is {matplotlib.__version__} "
                    "(the OCR and glyph tests cover this version)")
    actual = tmp_path / expected.name
    figures[(name, lang)].savefig(actual, dpi=BASELINE_DPI)
    assert compare_images(str(expected), str(actual), tol=4) is None


# ---------------------------------------------------------------- OCR
def _ocr(image: Path) -> str:
    out = subprocess.run(["tesseract", str(image), "-", "-l", "ara", "--psm", "7"], capture_output=True,
                         text=True, check=True)
    return out.stdout.strip()


def _similarity(read: str, expected: str) -> float:
    clean = lambda s: "".join(normalize(s).split()).strip("«»\"()")
    return difflib.SequenceMatcher(None, clean(read), clean(expected)).ratio()


def _draw_line(text: str, path: Path) -> None:
    from matplotlib.figure import Figure
    with matplotlib.rc_context({"font.family": [rtl.arabic_family(), rtl.FALLBACK_FAMILY]}):
        fig = Figure(figsize=(12, 1.2))
        fig.text(0.98, 0.5, text, ha="right", va="center", fontsize=26)
        fig.savefig(path, dpi=100)


def _crop(fig, artist, path: Path, dpi: int = 200) -> None:
    """Save the figure and cut out one text artist, with a margin."""
    from PIL import Image
    full = path.with_suffix(".full.png")
    fig.savefig(full, dpi=dpi)
    scale = dpi / fig.dpi
    ext = artist.get_window_extent(fig.canvas.get_renderer())
    image = Image.open(full)
    h = image.height
    box = (int(ext.x0 * scale) - 12, int(h - ext.y1 * scale) - 12, int(ext.x1 * scale) + 12, int(h - ext.y0 * scale) + 12)
    image.crop(box).convert("L").save(path)


needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None or "ara" not in subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split() if shutil.which("tesseract") else True,
    reason="Tesseract with Arabic is not installed (Debian: tesseract-ocr tesseract-ocr-ara; .ci/run installs it)")


@needs_tesseract
@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_chart_titles_read_back_under_ocr(figures, name, tmp_path):
    fig = figures[(name, "ar")]
    fig.canvas.draw()
    ax = fig.axes[0]
    expected = charts.t({"troop_levels": "troops_title", "talk_rounds": "rounds_title",
                         "statements_over_time": "statements_title", "themes": "themes_title"}[name], "ar")
    _crop(fig, ax.title if ax.get_title(loc="center") else ax._right_title, tmp_path / "title.png")
    read = _ocr(tmp_path / "title.png")
    assert _similarity(read, expected) > 0.85, read


@needs_tesseract
def test_heatmap_theme_names_read_back_under_ocr(figures, tmp_path):
    fig = figures[("themes", "ar")]
    fig.canvas.draw()
    ticks = [t for t in fig.axes[0].get_yticklabels() if t.get_text()]
    from analysis import themes
    names = list(themes.themes()["theme_ar"])
    scores = []
    for i, tick in enumerate(ticks):
        _crop(fig, tick, tmp_path / f"tick{i}.png", dpi=300)
        scores.append(_similarity(_ocr(tmp_path / f"tick{i}.png"), names[i]))
    assert np.mean(scores) > 0.8, scores


@needs_tesseract
def test_ocr_tells_right_shaping_from_wrong(tmp_path):
    """The check can fail: the wrong rendering for this matplotlib reads back as gibberish."""
    text = "الحوار الاستراتيجي بين العراق والولايات المتحدة"
    wrong = rtl._visual(text) if rtl.matplotlib_shapes() else text
    _draw_line(rtl.label(text), tmp_path / "right.png")
    _draw_line(wrong, tmp_path / "wrong.png")
    assert _similarity(_ocr(tmp_path / "right.png"), text) > 0.9
    assert _similarity(_ocr(tmp_path / "wrong.png"), text) < 0.6
