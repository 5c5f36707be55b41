"""Redraw the baseline images after an intended change to a chart: python tests/baseline/regenerate.py

Look at every image before committing it: a baseline is only as good as the eyes that checked it.
"""
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import analysis  # noqa: E402
from analysis import charts  # noqa: E402

HERE = Path(__file__).resolve().parent
DPI = 50  # must equal BASELINE_DPI in tests/test_charts.py

if __name__ == "__main__":
    corpus = analysis.load_corpus()
    for name, fn in charts.CHARTS.items():
        for lang in ("ar", "en"):
            fn(corpus, lang=lang).savefig(HERE / f"{name}_{lang}.png", dpi=DPI)
    (HERE / "MATPLOTLIB_VERSION").write_text(matplotlib.__version__ + "\n")
    print(f"baselines written with matplotlib {matplotlib.__version__}")
