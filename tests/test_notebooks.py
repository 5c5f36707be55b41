"""The notebooks are stored executed, top to bottom, cleanly: nbval alone passes a notebook that never ran."""
from __future__ import annotations

import ast
import json
import re

import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SHAPED = re.compile(r"[\ufb50-\ufdff\ufe70-\ufeff]")


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_four_numbered_notebooks_exist():
    assert [p.name for p in NOTEBOOKS] == ["01_corpus.ipynb", "02_troop_levels.ipynb", "03_talk_rounds.ipynb",
                                          "04_statements.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_executed_once_top_to_bottom_without_errors(path):
    cells = [c for c in load(path)["cells"] if c["cell_type"] == "code"]
    counts = [c.get("execution_count") for c in cells]
    assert None not in counts, "a code cell was never executed"
    assert counts == list(range(1, len(cells) + 1)), "cells were not executed once, in order, from a fresh kernel"
    for cell in cells:
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", "".join(out.get("traceback", []))
            assert out.get("name") != "stderr", "stored stderr (a warning?)"
            assert not SHAPED.search(json.dumps(out, ensure_ascii=False)), "shaped Arabic in an output"
            text = json.dumps(out.get("data", {}).get("text/plain", ""))
            assert not re.search(r"0x[0-9a-f]{6,}", text), "a memory address in an output"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_cells_call_the_package_and_hold_no_helper_code(path):
    nb = load(path)
    code = [("".join(c["source"])) for c in nb["cells"] if c["cell_type"] == "code"]
    assert "import analysis" in code[0]
    for source in code:
        tree = ast.parse("\n".join(line for line in source.splitlines() if not line.startswith("%")))
        assert not [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Lambda))]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_opens_with_an_arabic_and_english_note(path):
    first = "".join(load(path)["cells"][0]["source"])
    assert first.startswith("# ") and '<div dir="rtl"' in first
    assert re.search(r"[\u0600-\u06ff]", first) and re.search(r"\*\*[A-Z][a-z]", first)


@pytest.mark.parametrize("path", NOTEBOOKS[1:], ids=lambda p: p.name)
def test_charts_are_shown_inline(path):
    outputs = [o for c in load(path)["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]
    assert any("image/png" in o.get("data", {}) for o in outputs)
