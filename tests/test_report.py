"""The report on a corpus of one's own: the notebooks executed on it (not the stored seed runs), their HTML
pages and one self-contained index.html, about that corpus only; and nothing written into the repository."""
from __future__ import annotations

import json
import re
import subprocess

import pytest

nbformat = pytest.importorskip("nbformat", reason="the report needs the notebook tools (not in .venv-legacy)")

from analysis import __main__ as cli  # noqa: E402
from analysis import report  # noqa: E402
from conftest import ROOT  # noqa: E402

# Four short articles written for this test, in the usual shape of Arabic news copy; one has no date.
MINE = [
    {"id": "my-01", "title": "البرلمان يناقش مستقبل القوات الأجنبية", "outlet": "وكالة المثال", "published": "2022-03-14",
     "text": "البرلمان يناقش مستقبل القوات الأجنبية\n\nقال وزير الدفاع في مؤتمر صحفي عقده اليوم: \"لن نسمح بأن تكون "
             "أرضنا ساحة لتصفية الحسابات بين الدول\".\n\nوأضاف أن نحو 1200 جندي من قوات التحالف ما زالوا في البلاد "
             "لأغراض التدريب والمشورة.\n\nوتأتي تصريحاته بعد هجوم بطائرة مسيرة استهدف قاعدة جوية قرب العاصمة.\n"},
    {"id": "my-02", "title": "جولة جديدة من المباحثات", "outlet": "صحيفة النموذج", "published": "2022-05-02",
     "text": "جولة جديدة من المباحثات\n\nانطلقت في بغداد الجولة الخامسة من الحوار الاستراتيجي بين العراق والولايات "
             "المتحدة بحضور وفدين رفيعين.\n\nوقال رئيس الوفد العراقي إن \"المرحلة المقبلة ستركز على التعاون "
             "الاقتصادي والتعليم\".\n\nوأشار إلى أن انسحاب القوات القتالية اكتمل وأن المهمة باتت استشارية.\n"},
    {"id": "my-03", "title": "الحكومة تؤكد رفض التدخل", "outlet": "وكالة المثال",
     "text": "الحكومة تؤكد رفض التدخل\n\nأكد المتحدث باسم الحكومة في بيان أن \"السيادة الوطنية خط أحمر لا يمكن "
             "تجاوزه\".\n\nوأوضح أن الحكومة ستواصل التنسيق مع الشركاء لمواجهة خلايا داعش في المناطق الصحراوية.\n"},
    {"id": "my-04", "title": "خبراء يقرأون نتائج المباحثات", "outlet": "صحيفة النموذج", "published": "2022-05-20",
     "text": "خبراء يقرأون نتائج المباحثات\n\nيرى محللون أن بقاء نحو 2000 جندي أمريكي في العراق يعكس رغبة الطرفين "
             "في استمرار الشراكة.\n\nوقال الباحث في الشؤون الأمنية إن \"الانسحاب الكامل ليس مطروحاً في الوقت الحالي\".\n"},
]
TAGS = re.compile(r"<[^>]+>")


def _repo_state() -> str:
    out = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all", "--ignored"], cwd=ROOT,
                         capture_output=True, text=True)
    return out.stdout if out.returncode == 0 else ""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mine")
    source = folder / "mine.jsonl"
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in MINE), encoding="utf-8")
    out = folder / "r"
    before = _repo_state()
    assert cli.main(["report", str(source), "--out", str(out), "--lang", "ar"]) == 0
    return out, before, _repo_state()


def _seed_only_sentences() -> list[str]:
    """The plain text of every cell the stored notebooks tag seeds-only (the first 60 characters of each line)."""
    out = []
    for path in report.notebook_paths():
        for cell in nbformat.read(path, as_version=4).cells:
            if report.SEEDS_ONLY in cell.metadata.get("tags", []):
                out += [TAGS.sub("", line).strip()[:60] for line in cell.source.splitlines() if len(line.strip()) > 20]
    return out


def test_the_report_holds_executed_notebooks_pages_charts_data_and_index(built):
    out, _, _ = built
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    for stem in (p.stem for p in report.notebook_paths()):
        assert f"notebooks/{stem}.ipynb" in names and f"notebooks/{stem}.html" in names
    assert "index.html" in names and "data/statements.csv" in names and "data/left_out.csv" in names
    assert {f"charts/troop_levels_ar.{fmt}" for fmt in ("png", "svg", "pdf")} <= set(names)


def test_it_is_about_that_corpus_only(built):
    out, _, _ = built
    seeds = [p.stem for p in (ROOT / "seeds").glob("*.txt")]
    seed_titles = [line for p in (ROOT / "seeds").glob("*.txt")
                   for line in p.read_text(encoding="utf-8-sig", errors="replace").splitlines()[:3] if len(line) > 25]
    sentences = _seed_only_sentences()
    assert len(seeds) == 5 and sentences, "the seeds and the seeds-only cells this test looks for"
    files = [*out.glob("notebooks/*.ipynb"), *out.glob("notebooks/*.html"), out / "index.html"]
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".ipynb":
            text = json.dumps(json.loads(text), ensure_ascii=False)
        found = [s for s in seeds + [s[:4] for s in seeds] if s in text]
        assert not found, f"{path.name}: seed ids {found}"
        assert not [t for t in seed_titles if t in text], f"{path.name}: a seed title"
        assert not [s for s in sentences if s in text], f"{path.name}: a seeds-only sentence"
        assert "chrome_shafaq" not in text, f"{path.name}: the fixture pages"
        assert re.search(r"my-0[1-4]", text), f"{path.name}: not about this corpus"


def test_the_notebooks_ran_on_that_corpus_with_its_parameters(built):
    out, _, _ = built
    for path in sorted(out.glob("notebooks/*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        injected = [c for c in nb.cells if report.INJECTED in c.metadata.get("tags", [])]
        assert len(injected) == 1 and "mine.jsonl" in injected[0].source and "chart_lang = 'ar'" in injected[0].source
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        assert not [o for o in outputs if o.output_type == "error"]
        assert any("Corpus(4 articles" in o.get("data", {}).get("text/plain", "") for o in outputs)
    page = (out / "notebooks" / "01_corpus.html").read_text(encoding="utf-8")
    assert "The corpus holds 4 articles from 2 outlets" in page and "1 article has no publication date" in page


def test_the_index_opens_offline_and_shows_summary_problems_charts_tables_links(built):
    out, _, _ = built
    page = (out / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'(src|href)="(https?:)?//', page), "the page loads something from the network"
    assert "<script" not in page and page.count('src="data:image/png;base64,') == 4
    for heading in ("Summary", "Problems", "Charts", "Key tables", "Files"):
        assert f"<h2>{heading}" in page
    assert "article my-03 has no publication date" in page  # its quotation is left out of the statements chart
    assert 'href="notebooks/01_corpus.html"' in page and 'href="data/articles.csv"' in page
    assert 'href="charts/troop_levels_ar.svg"' in page
    for link in re.findall(r'href="([^"#]+)"', page):
        assert (out / link).exists(), link


def test_running_the_report_writes_nothing_into_the_repository(built):
    _, before, after = built
    assert before == after


def test_help_lists_every_input_kind(capsys):
    with pytest.raises(SystemExit):
        cli.main(["report", "--help"])
    text = capsys.readouterr().out
    for kind in ("folder of .txt", ".jsonl", ".csv", ".parquet", "catalog.csv", "--out"):
        assert kind in text, kind


def test_parameters_are_injected_after_the_parameters_cell_and_seed_cells_dropped():
    nb = nbformat.read(report.notebook_paths()[0], as_version=4)
    tagged = [i for i, c in enumerate(nb.cells) if report.SEEDS_ONLY in c.metadata.get("tags", [])]
    assert tagged
    mine = report.parameterise(nb, {"input_path": "/x/mine.jsonl", "output_dir": None, "chart_lang": "en"}, seeds=False)
    at = next(i for i, c in enumerate(mine.cells) if report.PARAMETERS in c.metadata.get("tags", []))
    assert report.INJECTED in mine.cells[at + 1].metadata["tags"]
    assert "input_path = '/x/mine.jsonl'" in mine.cells[at + 1].source
    assert len(mine.cells) == len(nb.cells) - len(tagged) + 1
    assert not [c for c in mine.cells if report.SEEDS_ONLY in c.metadata.get("tags", [])]
    kept = report.parameterise(nb, {"input_path": None}, seeds=True)
    assert len(kept.cells) == len(nb.cells) + 1
    assert report.is_seeds(None) and report.is_seeds(ROOT / "seeds") and not report.is_seeds("/x/mine.jsonl")


def test_the_stored_notebooks_save_nothing_unless_told():
    for path in report.notebook_paths():
        nb = nbformat.read(path, as_version=4)
        params = next(c for c in nb.cells if report.PARAMETERS in c.metadata.get("tags", []))
        assert "output_dir = None" in params.source and "input_path = None" in params.source
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        assert "../report" not in code and not re.search(r"save_figure\((?!fig, output_dir)", code)
