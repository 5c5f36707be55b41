"""Export: Excel-safe CSV with BOM, Parquet round trip, and the report command end to end."""
from __future__ import annotations

import pandas as pd

from analysis import __main__ as cli
from analysis import export


def test_excel_safe_cells():
    frame = pd.DataFrame({"a": ["=SUM(A1)", "+1", "-2", "@x", "نص", None], "n": [1, 2, 3, 4, 5, 6],
                          "l": [["a", "b"], [], ["ج"], ["x"], ["y"], ["z"]]})
    safe = export.excel_safe(frame)
    assert list(safe["a"][:5]) == ["'=SUM(A1)", "'+1", "'-2", "'@x", "نص"]
    assert safe["n"].tolist() == frame["n"].tolist() and safe["l"][0] == "a; b"


def test_frames_write_csv_with_bom_and_parquet(seeds, tmp_path):
    paths = export.save_frame(seeds.troops, tmp_path, "troops")
    raw = paths[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "جندي".encode() in raw
    back = pd.read_parquet(paths[1])
    assert back["text"].tolist() == seeds.troops["text"].tolist()
    assert str(back["as_of"].dtype).startswith("datetime64")


def test_report_command_writes_everything(tmp_path, capsys):
    assert cli.main(["report", "--out", str(tmp_path), "--lang", "ar"]) == 0
    out = capsys.readouterr().out
    assert "Corpus(5 articles" in out and "كوردستان 24" in out
    charts = sorted(p.name for p in (tmp_path / "charts").iterdir())
    assert len(charts) == 12 and "troop_levels_ar.pdf" in charts
    assert (tmp_path / "data" / "statements.parquet").exists() and (tmp_path / "data" / "round_timeline.csv").exists()
    assert sorted(p.name for p in (tmp_path / "notebooks").iterdir()) == sorted(
        f"{stem}.{ext}" for stem in ("01_corpus", "02_troop_levels", "03_talk_rounds", "04_statements")
        for ext in ("html", "ipynb"))
    assert (tmp_path / "index.html").exists()
    # on the seeds, the notes about the seeds stay (tests/test_report.py: they go for any other input)
    assert "<bdi>25-يوليو-2021</bdi>" in (tmp_path / "notebooks" / "01_corpus.html").read_text(encoding="utf-8")
