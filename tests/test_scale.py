"""Real corpora: tabular inputs, bad rows, parallel parsing, the Parquet cache, Dask."""
from __future__ import annotations

import gc
import json

import pandas as pd
import pytest

import analysis
from analysis import corpus as corpus_mod, synthetic

FRAMES = ("articles", "sentences", "dates", "troops", "rounds", "statements", "themes")


def same(a, b, skip=()):
    for name in FRAMES:
        left, right = getattr(a, name), getattr(b, name)
        cols = [c for c in left.columns if c not in skip]
        pd.testing.assert_frame_equal(left[cols].reset_index(drop=True), right[cols].reset_index(drop=True),
                                      check_dtype=False, obj=name)


@pytest.fixture(scope="module")
def records():
    return synthetic.articles(40, seed=3)


@pytest.fixture(scope="module")
def jsonl(records, tmp_path_factory):
    return synthetic.write_jsonl(records, tmp_path_factory.mktemp("jsonl") / "articles.jsonl")


def test_synthetic_corpus_is_deterministic():
    assert synthetic.articles(5, seed=1) == synthetic.articles(5, seed=1)
    assert synthetic.articles(5, seed=1) != synthetic.articles(5, seed=2)


def test_jsonl_csv_and_parquet_give_the_same_frames(records, jsonl, tmp_path):
    from_jsonl = analysis.load_corpus(jsonl, cache=False)
    frame = pd.DataFrame(records)
    frame.to_csv(tmp_path / "articles.csv", index=False)
    frame.to_parquet(tmp_path / "articles.parquet", index=False)
    for path in (tmp_path / "articles.csv", tmp_path / "articles.parquet"):
        other = analysis.load_corpus(path, cache=False)
        same(from_jsonl, other, skip=("path",))
    a = from_jsonl.articles
    assert len(a) == 40 and a["article_id"].iloc[0] == "syn000000" and from_jsonl.problems.empty
    assert a["published_basis"].eq("input: published column").all()
    assert a["published"].iloc[0] == pd.Timestamp(records[0]["published"])


def test_text_column_aliases_and_generated_ids(tmp_path):
    path = tmp_path / "scrape.jsonl"
    path.write_text(json.dumps({"content": "قال الكاظمي إن \"الحوار مستمر مع واشنطن اليوم\".", "date": "2021-04-07"},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    corpus = analysis.load_corpus(path)
    assert corpus.articles["article_id"].tolist() == ["scrape-1"]
    assert corpus.statements["speaker"].tolist() == ["مصطفى الكاظمي"]


def test_bad_rows_are_problems_with_their_row_number(tmp_path):
    good = {"id": "a", "text": "نص الخبر الأول.", "published": "2021-04-07"}
    lines = [json.dumps(good, ensure_ascii=False), json.dumps({"id": "b", "text": ""}), "{not json",
             json.dumps({"id": "a", "text": "نص مكرر."}, ensure_ascii=False),
             json.dumps({"id": "c", "text": "نص ثالث.", "published": "قبل فترة"}, ensure_ascii=False),
             json.dumps({"id": "d", "text": "نص رابع.", "published": "7 نيسان 2021"}, ensure_ascii=False)]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = analysis.load_corpus(path)
    assert corpus.articles["article_id"].tolist() == ["a", "c", "d"]
    got = {(int(r.row), r.severity, r.reason.split(":")[0]) for r in corpus.problems.itertuples()}
    assert got == {(2, "error", "missing text"), (3, "error", "not a JSON object"),
                   (4, "error", "duplicate id a"), (5, "warning", "unparseable date 'قبل فترة'")}
    assert corpus.articles.set_index("article_id").loc["d", "published"] == pd.Timestamp("2021-04-07")
    with pytest.raises(analysis.CorpusError, match="rows.jsonl row 2: missing text"):
        analysis.load_corpus(path, strict=True)


def test_unreadable_table_and_missing_text_column(tmp_path):
    (tmp_path / "x.parquet").write_bytes(b"not parquet")
    assert "unreadable parquet" in analysis.load_corpus(tmp_path / "x.parquet").problems["reason"].iloc[0]
    pd.DataFrame({"headline": ["عنوان"]}).to_csv(tmp_path / "y.csv", index=False)
    assert "no text column" in analysis.load_corpus(tmp_path / "y.csv").problems["reason"].iloc[0]
    (tmp_path / "z.docx").write_text("x")
    with pytest.raises(ValueError, match="expected a folder of .txt articles or a .jsonl"):
        analysis.load_corpus(tmp_path / "z.docx")


def test_parsing_leaves_no_reference_cycles(jsonl):
    """parse_many pauses the cyclic garbage collector: that is only safe while parsing makes no cycles."""
    from analysis.corpus import parse_article
    from analysis.inputs import read_input
    articles, _ = read_input(jsonl)
    parse_article(articles[0])
    gc.collect()
    gc.disable()
    try:
        parsed = [parse_article(a) for a in articles]
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert len(parsed) == 40


def test_two_workers_give_the_same_frames(jsonl):
    serial = analysis.load_corpus(jsonl, cache=False, workers=1)
    parallel = analysis.load_corpus(jsonl, cache=False, workers=2)
    same(serial, parallel)


def test_cache_parses_only_what_changed(records, tmp_path, monkeypatch):
    folder = synthetic.write_folder(records[:12], tmp_path / "txt")
    cache_dir = tmp_path / "cache"
    calls = []
    real = corpus_mod.parse_article
    monkeypatch.setattr(corpus_mod, "parse_article", lambda a: calls.append(a.article_id) or real(a))
    first = analysis.load_corpus(folder, cache=cache_dir)
    assert len(calls) == 12
    calls.clear()
    second = analysis.load_corpus(folder, cache=cache_dir)
    assert calls == []
    same(first, second)
    (folder / "syn000004.txt").write_text(records[4]["text"] + "\nوقال بايدن إن \"المهمة انتهت في العراق\".\n",
                                          encoding="utf-8")
    third = analysis.load_corpus(folder, cache=cache_dir)
    assert calls == ["syn000004"]
    same(third, analysis.load_corpus(folder, cache=False))
    (folder / "syn000099.txt").write_text(records[20]["text"], encoding="utf-8")  # a new file: parsed alone
    calls.clear()
    fourth = analysis.load_corpus(folder, cache=cache_dir)
    assert calls == ["syn000099"] and len(fourth.articles) == 13
    files = sorted(p for p in cache_dir.rglob("*") if p.is_file())
    assert files and all(p.suffix in (".parquet", ".json") for p in files)  # data only: no pickle anywhere
    assert all(isinstance(json.loads(p.read_text()), dict) for p in files if p.suffix == ".json")
    assert all(p.read_bytes()[:4] == b"PAR1" for p in cache_dir.rglob("*.parquet"))


def test_large_inputs_use_the_cache_by_default(tmp_path, monkeypatch):
    monkeypatch.setenv("ARABIC_NEWS_CACHE", str(tmp_path / "cache"))
    path = synthetic.write_jsonl(synthetic.articles(200, seed=5), tmp_path / "big.jsonl")
    analysis.load_corpus(path, progress=False)
    assert list((tmp_path / "cache").rglob("articles.parquet"))


def test_dask_local_cluster_gives_the_same_frames(jsonl, records, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    from analysis.distributed import load_corpus_dask
    folder = synthetic.write_folder(records[:10], tmp_path / "txt")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        on_dask = load_corpus_dask(jsonl)
        folder_on_dask = load_corpus_dask(folder)
    same(analysis.load_corpus(jsonl, cache=False), on_dask, skip=("path",))
    same(analysis.load_corpus(folder, cache=False), folder_on_dask)


def test_dask_keeps_the_rules_for_bad_bytes_and_failed_parses(records, tmp_path, monkeypatch):
    """A bad byte costs the row a U+FFFD and a warning, and a failed parse is a problem, on Dask as in
    load_corpus (run on Dask's synchronous scheduler: the rules, not the cluster, are tested here)."""
    dask = pytest.importorskip("dask")
    from analysis.distributed import load_corpus_dask
    path = synthetic.write_jsonl(records[:6], tmp_path / "bad.jsonl")
    data = path.read_bytes()
    at = data.index(" ".encode(), data.index(b'"text": "', data.index(b"syn000002")) + 9)
    path.write_bytes(data[:at] + b"\xff" + data[at:])
    real = corpus_mod.parse_article
    monkeypatch.setattr(corpus_mod, "parse_article",
                        lambda a: (_ for _ in ()).throw(MemoryError("no room")) if a.article_id == "syn000004" else real(a))
    with dask.config.set(scheduler="sync"):
        on_dask = load_corpus_dask(path)
    local = analysis.load_corpus(path, cache=False)
    same(local, on_dask)
    assert "\ufffd" in on_dask.articles["text"][2]
    got = on_dask.problems[["row", "severity", "reason"]].values.tolist()
    assert got == [[3, "warning", "1 undecodable byte sequence(s) replaced by U+FFFD at byte offset(s) "
                    f"{at - data.rfind(b'{', 0, at)} of the line"],
                   [5, "error", "parse failed: MemoryError: no room"]]
    assert local.problems["reason"].tolist()[1] == got[1][2]


# ------------------------------------------------------------------ benchmarks/instructions.py
def _instructions_script():
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "instructions.py"
    spec = importlib.util.spec_from_file_location("instructions", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("step", ["load", "segment", "statements"])
def test_the_instruction_count_child_runs_every_kind_of_step(step, jsonl):
    """The script valgrind runs (warm-up, then the measured work) runs as plain Python on a small corpus,
    for the whole load and for single steps: a broken child would only show under valgrind."""
    import subprocess
    import sys
    script = _instructions_script()
    for measured in ("0", "1"):
        run = subprocess.run([sys.executable, "-c", script.CHILD, str(jsonl), step, measured],
                             capture_output=True, text=True, cwd=script.ROOT)
        assert run.returncode == 0, run.stderr[-2000:]
