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


# ---------------------------------------------------------------- any corpus
def test_article_labels_are_short_and_never_collide():
    import pandas as pd
    def labels_of(ids):
        frame = pd.DataFrame({"article_id": ids, "published": pd.NaT})
        return list(charts.article_labels(frame))
    assert labels_of(["000_354b", "001_d7a5", "002_8b10"]) == ["000", "001", "002"]
    assert labels_of(["my-01", "my-02", "my-1", "my-10"]) == ["my-01", "my-02", "my-1", "my-10"]
    assert labels_of(["https://news.example/2021/07/a-story-about-x", "https://news.example/2021/07/b-story-about-x"]) \
        == ["#1", "#2"]
    assert labels_of(["https://news.example/2021/07/101", "https://news.example/2021/07/102"]) == ["101", "102"]
    many = [f"syn{i:06d}" for i in range(2000)]
    assert len(set(labels_of(many))) == 2000


@pytest.fixture(scope="module")
def sized(tmp_path_factory):
    """Synthetic corpora of 3, 50 and 2,000 articles (ids syn000000…, which share their first 3 characters)."""
    import analysis
    from analysis import synthetic
    folder = tmp_path_factory.mktemp("sized")
    out = {}
    for n in (3, 50, 2000):
        path = synthetic.write_jsonl(synthetic.articles(n, seed=n), folder / f"syn{n}.jsonl")
        out[n] = analysis.load_corpus(path, cache=False)
    return out


def _legend_texts(fig) -> list[str]:
    return [t.get_text() for legend in fig.legends for t in legend.get_texts() if t.get_text().strip()]


@pytest.mark.parametrize("n", [3, 50, 2000])
@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_charts_hold_up_at_any_size(sized, name, n):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    fig = charts.CHARTS[name](sized[n], lang="ar")
    FigureCanvasAgg(fig)
    test_labels_inside_the_figure_and_not_overlapping({(name, "ar"): fig}, name, "ar")
    ax = fig.axes[0]
    shown = [t for t in ax.get_xticklabels() if t.get_text()]
    assert 2 <= len(shown) <= 16, [t.get_text() for t in shown]
    assert len(fig.findobj(matplotlib.text.Text)) < 400, "too many labels to read"
    if name == "themes":
        assert len(fig.axes) == 2, "a colour bar for the colour scale"
    else:
        assert _legend_texts(fig), "a legend for the encodings"


def test_the_troop_chart_names_few_articles_by_unique_labels_and_aggregates_many(sized):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    few = charts.troop_levels(sized[3], lang="en")
    FigureCanvasAgg(few)
    named = [t.get_text() for t in few.axes[0].texts if t.get_text().startswith("syn")]
    assert named and all(len(part) == 9 for t in named for part in t.split(", ")), named  # syn000001, not "syn"
    legend = _legend_texts(few)
    assert rtl.label(charts.t("dated_text", "en")) in legend and rtl.label(charts.t("dated_published", "en")) in legend
    many = charts.troop_levels(sized[2000], lang="en")
    FigureCanvasAgg(many)
    assert not [t for t in many.axes[0].texts if t.get_text().startswith("syn")]
    assert any(text.endswith("figures") for text in _legend_texts(many)), "a legend for the sizes"


def test_statements_are_on_a_time_axis(sized):
    import matplotlib.dates as mdates
    fig = charts.statements_over_time(sized[50], lang="en")
    ax = fig.axes[0]
    lo, hi = ax.get_xlim()
    published = sized[50].articles["published"]
    assert mdates.num2date(lo).date() <= published.min().date() and mdates.num2date(hi).date() >= published.max().date()
    offsets = [c.get_offsets()[:, 0] for c in ax.collections if len(c.get_offsets())]
    assert offsets and all(lo <= x <= hi for xs in offsets for x in xs)
    assert any("quotation" in text for text in _legend_texts(fig))


def test_talk_rounds_count_the_articles_that_mention_a_round(seeds):
    fig = charts.talk_rounds(seeds, lang="en")
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert any("1 mention in the texts; reported by 1 article" in t for t in texts), texts  # round 2: article 002


def test_facts_without_a_date_are_counted_on_the_chart_and_in_problems(tmp_path):
    import json

    import analysis
    rows = [{"id": "dated", "published": "2021-05-02", "text": "قال الوزير: \"لن نتراجع عن قرارنا هذا أبداً\".\n"},
            {"id": "undated", "text": "قال الوزير: \"سنواصل العمل مع الشركاء في كل الملفات\".\n\n"
                                      "وأضاف أن نحو 2500 جندي أمريكي ما زالوا في العراق.\n"}]
    path = tmp_path / "two.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    corpus = analysis.load_corpus(path)
    said = corpus.statements[corpus.statements["kind"] == "statement"]  # the two quotations (and one indirect)
    assert said["speaker"].notna().sum() == 2
    left = charts.left_out(corpus)
    assert list(left["path"]) == [f"{path}:2"] and "article undated has no publication date" in left["reason"][0]
    assert "2 statements (statements over time)" in left["reason"][0]
    note = charts.statements_over_time(corpus, lang="en")._supxlabel.get_text()
    assert "Left out for want of a date: 2 statements (1 article without a publication date)" in note
    note = charts.statements_over_time(corpus, lang="ar")._supxlabel.get_text()
    assert rtl.label("تصريحان") in note


# ---------------------------------------------------------------- SVG and PDF a report editor can use
CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser") if shutil.which(n)), None)
needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                   reason="pdftoppm is not installed (Debian: poppler-utils; .ci/run installs it)")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: chromium; .ci/run "
                                                             "installs it)")
LINES = ["جولات الحوار الاستراتيجي بين العراق والولايات المتحدة", "الجولة الرابعة في واشنطن 26 يوليو 2021"]


def _exported_line(text: str, folder: Path) -> list[Path]:
    from matplotlib.figure import Figure
    with matplotlib.rc_context({"font.family": [rtl.arabic_family(), rtl.FALLBACK_FAMILY]}):
        fig = Figure(figsize=(12, 1.2))
        fig.text(0.98, 0.5, rtl.label(text), ha="right", va="center", fontsize=26)
    return export.save_figure(fig, folder, "line", formats=("svg", "pdf"))


def _dark_pixels(png: Path) -> int:
    from PIL import Image
    return int((np.asarray(Image.open(png).convert("L")) < 128).sum())


def _svg_in_chromium(svg: Path, png: Path) -> None:
    """Render the SVG inline in a page that provides the font it names (as a report editor's machine
    with the font installed would), and screenshot it."""
    markup = svg.read_text(encoding="utf-8")
    page = svg.with_suffix(".html")
    page.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>@font-face {{font-family: '
                    f'"Noto Sans Arabic"; src: url("{rtl.arabic_font_path().as_uri()}");}} body {{margin: 0; '
                    f'background: white}} svg {{width: 1200px; height: 120px}}</style></head><body>'
                    f'{markup[markup.index("<svg"):]}</body></html>', encoding="utf-8")
    profile = svg.parent / "profile"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={profile}", "--hide-scrollbars", "--window-size=1200,300",
                    "--virtual-time-budget=3000", f"--screenshot={png}", page.as_uri()],
                   capture_output=True, timeout=120, check=True)


def test_svg_keeps_text_where_matplotlib_shapes_and_pdf_embeds_truetype(tmp_path):
    svg, pdf = _exported_line(LINES[0], tmp_path)
    markup = svg.read_text(encoding="utf-8")
    if rtl.matplotlib_shapes():
        assert f">{LINES[0]}</text>" in markup and "font-family: 'Noto Sans Arabic'" in markup
        assert "direction: rtl" in markup
    else:  # visual-order presentation forms would be reordered again by a browser: outlines
        assert "<text" not in markup and "<path" in markup
    raw = pdf.read_bytes()
    assert b"/FontFile2" in raw and b"/Type3" not in raw


@needs_tesseract
@needs_chromium
@pytest.mark.parametrize("text", LINES)
def test_svg_reads_back_under_ocr(tmp_path, text):
    svg, _ = _exported_line(text, tmp_path)
    _svg_in_chromium(svg, tmp_path / "svg.png")
    assert _dark_pixels(tmp_path / "svg.png") > 2000, "nothing was drawn"
    read = _ocr(tmp_path / "svg.png")
    assert _similarity(read, text) > 0.85, read


@needs_tesseract
@needs_poppler
@pytest.mark.parametrize("text", LINES)
def test_pdf_reads_back_under_ocr(tmp_path, text):
    _, pdf = _exported_line(text, tmp_path)
    subprocess.run(["pdftoppm", "-png", "-r", "100", "-singlefile", str(pdf), str(tmp_path / "pdf")], check=True)
    read = _ocr(tmp_path / "pdf.png")
    assert _similarity(read, text) > 0.85, read


@needs_tesseract
@needs_chromium
def test_legacy_strings_kept_as_svg_text_would_read_wrong(tmp_path, monkeypatch):
    """Why matplotlib < 3.11 keeps outlines: its labels are visual-order presentation forms, which a
    browser reorders a second time. (On 3.11 the same strings are not what matplotlib draws.)"""
    from matplotlib.figure import Figure
    visual = rtl._visual(LINES[0])
    with matplotlib.rc_context({"font.family": [rtl.arabic_family(), rtl.FALLBACK_FAMILY], "svg.fonttype": "none"}):
        fig = Figure(figsize=(12, 1.2))
        fig.text(0.98, 0.5, visual, ha="right", va="center", fontsize=26)
        fig.savefig(tmp_path / "legacy.svg")
    _svg_in_chromium(tmp_path / "legacy.svg", tmp_path / "legacy.png")
    assert _dark_pixels(tmp_path / "legacy.png") > 2000, "nothing was drawn"
    assert _similarity(_ocr(tmp_path / "legacy.png"), LINES[0]) < 0.6
