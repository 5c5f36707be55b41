"""The report on any corpus: the numbered notebooks executed on it, their HTML pages, and one
self-contained `index.html` (summary, problems, every chart embedded, key tables, links).

The notebooks are templates. Each has a cell tagged `parameters` (`input_path`, `output_dir`,
`chart_lang`, papermill's convention); `parameterise` puts a cell tagged `injected-parameters` after it
with the values for this run, as papermill does, so the stored notebooks also run under papermill. Cells
tagged `seeds-only` say what is true only of the seed articles: they are dropped unless the input is
the seeds. Notebooks are executed with nbclient (already a dependency) in the report's own folder, so
a relative path in a notebook never writes into the repository.
"""
from __future__ import annotations

import base64
import html
import io
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd

from . import charts, display, export, narrative, quotes, troops
from .paths import NOTEBOOKS, SEEDS

PARAMETERS, INJECTED, SEEDS_ONLY = "parameters", "injected-parameters", "seeds-only"
INPUT_KINDS = """\
INPUT is one of:
  a folder of .txt articles (UTF-8 or Windows-1256), with an optional catalog.csv beside them
  a .jsonl or .ndjson file: one JSON object per line
  a .csv file: one article per row
  a .parquet file: one article per row
Tables need a text column (text, content, body, article or article_text) and may have id, title,
outlet, url and published (ISO date). Without INPUT: the five seed articles in seeds/."""


def notebook_paths() -> list[Path]:
    """The numbered notebooks, in reading order."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def is_seeds(source) -> bool:
    """True when `source` is the seed articles (no input, or the seeds folder itself)."""
    return source is None or Path(source).resolve() == SEEDS.resolve()


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def parameterise(nb, params: dict, seeds: bool):
    """A copy of notebook `nb` for one run: `seeds-only` cells dropped unless `seeds`, and a cell tagged
    `injected-parameters` with `params` after the cell tagged `parameters`."""
    import copy

    import nbformat
    nb = copy.deepcopy(nb)
    if not seeds:
        nb.cells = [c for c in nb.cells if SEEDS_ONLY not in _tags(c)]
    at = next((i for i, c in enumerate(nb.cells) if PARAMETERS in _tags(c)), None)
    if at is None:
        raise ValueError("the notebook has no cell tagged 'parameters'")
    source = "# Parameters of this run (python -m analysis report)\n" + "".join(
        f"{name} = {value!r}\n" for name, value in params.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": [INJECTED]})
    if (nb.nbformat, nb.nbformat_minor) < (4, 5):
        cell.pop("id", None)  # cell ids came with nbformat 4.5
    nb.cells.insert(at + 1, cell)
    return nb


def execute(nb, workdir: Path, timeout: int = 1800):
    """Run `nb` top to bottom in a fresh kernel whose working folder is `workdir`; volatile metadata dropped."""
    from nbclient import NotebookClient
    NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}).execute()
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
    return nb


def to_html(nb) -> str:
    """A notebook as an HTML page (nbconvert's lab template) with the right-to-left rules in its head."""
    from nbconvert import HTMLExporter
    page, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    style = f'<style class="arabic-news-style">\n{display.css()}</style>\n'
    return page.replace("</head>", style + "</head>", 1)


def run_notebooks(source, out: Path, lang: str = "ar", workers: int = 2) -> list[Path]:
    """Execute every numbered notebook on `source` into out/ (NAME.ipynb and NAME.html); the paths written."""
    import nbformat
    out.mkdir(parents=True, exist_ok=True)
    seeds = is_seeds(source)
    params = {"input_path": None if source is None else str(Path(source).resolve()), "output_dir": None,
              "chart_lang": lang}

    def one(path: Path) -> list[Path]:
        nb = execute(parameterise(nbformat.read(path, as_version=4), params, seeds), out)
        target = out / path.name
        nbformat.write(nb, target)
        page = out / f"{path.stem}.html"
        page.write_text(to_html(nb), encoding="utf-8")
        return [target, page]

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return [p for paths in pool.map(one, notebook_paths()) for p in paths]


def execute_in_place(timeout: int = 600) -> list[Path]:
    """Re-execute the stored notebooks on the seeds with their own parameters, in notebooks/ (developers,
    after a change: `make notebooks`). Nothing is written but the notebooks: their output_dir is None."""
    import nbformat
    done = []
    for path in notebook_paths():
        nb = execute(nbformat.read(path, as_version=4), NOTEBOOKS, timeout)
        nbformat.write(nb, path)
        done.append(path)
    return done


# ------------------------------------------------------------------ index.html
def _png(fig, dpi: int = 110) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _section(title: str, body: str, title_ar: str = "") -> str:
    ar = f' · <span dir="rtl" lang="ar">{html.escape(title_ar)}</span>' if title_ar else ""
    return f'<section><h2>{html.escape(title)}{ar}</h2>\n{body}\n</section>\n'


def _links(paths: list[Path], base: Path) -> str:
    items = "".join(f'<li><a href="{html.escape(p.relative_to(base).as_posix())}">'
                    f"{html.escape(p.relative_to(base).as_posix())}</a></li>" for p in sorted(paths))
    return f"<ul class=\"files\">{items}</ul>"


PAGE_CSS = """
body { font-family: "Noto Sans Arabic", "DejaVu Sans", "Segoe UI", sans-serif; margin: 2em auto; max-width: 1180px;
       padding: 0 1em; color: #222; line-height: 1.5; }
h1, h2 { font-weight: 600; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; margin: .6em 0; font-size: 14px; }
td, th { border-bottom: 1px solid #eee; padding: .25em .6em; }
figure { margin: 1.2em 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { font-size: 13px; color: #555; }
ul.files { columns: 3; font-size: 13px; }
.note { color: #555; font-size: 13px; }
"""


def write_index(corpus, out: Path, source, figures: dict, written: list[Path]) -> Path:
    """out/index.html: one page that opens offline, about this corpus only."""
    left = charts.left_out(corpus)
    problems = pd.concat([corpus.problems, left], ignore_index=True) if len(left) else corpus.problems
    name = "the seed articles (seeds/)" if is_seeds(source) else Path(source).name
    counts = pd.DataFrame({"frame": [*display.FRAME_NOTES], "rows": [len(getattr(corpus, f)) for f in display.FRAME_NOTES],
                           "holds": list(display.FRAME_NOTES.values())})
    prose = [narrative.overview(corpus), narrative.dating(corpus), narrative.problems(corpus, left)]
    summary = "".join(p._repr_html_() for p in prose) + display.table(counts)._repr_html_()
    if len(problems):
        shown = display.table(problems, max_rows=200)._repr_html_()
        trouble = shown + '<p class="note">All of them: data/problems.csv (reading) and data/left_out.csv (charts).</p>'
    else:
        trouble = "<p>None: every file and row was read, and every fact with a date is on the charts.</p>"
    chart_html = []
    for (chart, lang), fig in figures.items():
        stem = f"{chart}_{lang}"
        files = " · ".join(f'<a href="charts/{stem}.{fmt}">{fmt.upper()}</a>' for fmt in export.FORMATS)
        chart_html.append(f'<figure><img alt="{html.escape(chart)} ({lang})" src="data:image/png;base64,{_png(fig)}">'
                          f"<figcaption>{html.escape(chart.replace('_', ' '))} ({lang}): {files}</figcaption></figure>")
    statements = corpus.statements[corpus.statements["kind"] == "statement"]
    by_speaker = (statements.groupby("speaker").agg(quotations=("quote", "size"), articles=("article_id", "nunique"))
                  .sort_values("quotations", ascending=False, kind="stable").reset_index())
    comparison = troops.compare_with_reference(corpus.troops, corpus.articles)
    tables = [
        ("Articles", "المقالات", display.table(corpus.summary(), max_rows=50, max_chars=70)),
        ("Troop counts against the reference", "أعداد القوات", display.table(
            comparison, ["article_id", "text", "date", "dated_by", "value", "reference", "difference"], max_rows=50)),
        ("Rounds of the dialogue", "جولات الحوار", display.table(
            corpus.round_timeline(), ["round", "date", "reference_date", "place", "n_mentions", "n_articles"])),
        ("Speakers", "المتحدثون", display.table(by_speaker, max_rows=25)),
        ("Key quotes", "اقتباسات رئيسية", display.table(quotes.key_quotes(corpus.statements), max_chars=300)),
    ]
    key = "".join(f'<h3>{html.escape(t)} · <span dir="rtl" lang="ar">{html.escape(ar)}</span></h3>{tb._repr_html_()}'
                  for t, ar, tb in tables)
    pages = [p for p in written if p.parent.name == "notebooks"]
    data = [p for p in written if p.parent.name == "data"]
    chart_files = [p for p in written if p.parent.name == "charts"]
    links = ("<h3>Notebook pages</h3>" + _links(pages, out) + "<h3>Data</h3>" + _links(data, out)
             + "<h3>Charts (PNG 300 dpi, SVG with text, PDF with TrueType)</h3>" + _links(chart_files, out))
    body = (f"<h1>Arabic news analysis: {html.escape(name)}</h1>\n"
            f'<p dir="rtl" lang="ar" style="text-align:right">تقرير عن مدوّنة المقالات: الملخص والمشكلات والمخططات والجداول الرئيسية.</p>\n'
            + _section("Summary", summary, "الملخص") + _section("Problems", trouble, "المشكلات")
            + _section("Charts", "".join(chart_html), "المخططات") + _section("Key tables", key, "الجداول الرئيسية")
            + _section("Files", links, "الملفات")
            + '<p class="note">Written by <code>python -m analysis report</code>.</p>')
    page = (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>Arabic news analysis: {html.escape(name)}</title>\n"
            f"<style>{PAGE_CSS}\n{display.css()}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def build(source, out: Path, langs: list[str], notebooks: bool = True, log=print) -> list[Path]:
    """The whole report: summary printed, charts (PNG, SVG, PDF), frames (CSV, Parquet), the notebooks
    executed on `source` with their HTML pages, and index.html. The paths written."""
    import analysis
    corpus = analysis.load_corpus(source)
    with pd.option_context("display.width", 160, "display.max_colwidth", 60, "display.unicode.east_asian_width", False):
        log(corpus)
        log(corpus.summary().drop(columns=["n_words"]).head(40).to_string(index=False, max_colwidth=48))
        if len(corpus.problems):
            log("\nProblems:")
            log(corpus.problems.to_string(index=False))
    from tqdm import tqdm
    written, figures = [], {}
    for name, lang in tqdm([(n, g) for g in langs for n in charts.CHARTS], desc="charts", unit="chart", disable=None):
        figures[(name, lang)] = fig = charts.CHARTS[name](corpus, lang=lang)
        written += export.save_figure(fig, out / "charts", f"{name}_{lang}")
    written += export.save_frames(corpus, out / "data")
    written += export.save_frame(charts.left_out(corpus), out / "data", "left_out")
    if notebooks:
        log("executing the notebooks on this corpus …")
        written += run_notebooks(source, out / "notebooks", lang=langs[0])
    written.append(write_index(corpus, out, source, figures, written))
    return written
