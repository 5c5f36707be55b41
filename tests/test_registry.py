"""The extractor registry and the frame schemas: declared once, run in order, typed from the declaration."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import analysis
from analysis import corpus, registry, schema

KIND_DTYPES = {"int": ("int64", "Int64"), "Int64": ("Int64",), "bool": ("bool",), "date": ("datetime64[ns]",),
               "float": ("float64",), "string": ("string",)}


def test_every_frame_is_typed_from_its_schema(seeds):
    schemas = {**registry.frame_schemas(), "problems": schema.PROBLEMS}
    for name, columns in schemas.items():
        frame = getattr(seeds, name)
        assert list(frame.columns) == schema.names(columns), name
        for col, kind in columns:
            if kind in KIND_DTYPES:
                assert str(frame[col].dtype) in KIND_DTYPES[kind], (name, col, frame[col].dtype)


def test_parse_article_gives_one_list_per_registered_frame():
    parsed = analysis.parse_article(analysis.Article("x", "قال الوزير يوم الخميس 3 حزيران 2021: «لن ننسحب من المدينة».\n"))
    assert tuple(k for k in parsed if k != "problems") == corpus.FRAMES == registry.frames()
    assert parsed["problems"] == []  # the problems of this one article
    assert parsed["dates"] and parsed["statements"]


def test_steps_run_in_the_declared_order():
    steps = [name for name, _ in corpus.parse_steps(analysis.Article("x", "نص قصير عن اجتماع أمس."))]
    assert steps == ["segment", *(e.frame for e in registry.extractors())]
    order = [e.frame for e in registry.extractors()]
    assert order.index("dates") < order.index("troops") and order.index("dates") < order.index("rounds")


def test_a_need_that_does_not_run_first_is_an_error(monkeypatch):
    fake = dict(registry._DECLARED)
    fake["zzz"] = registry.Extractor("zzz", lambda article, facts: [], schema.schema(("article_id", "str")), ("nothing",))
    monkeypatch.setattr(registry, "_DECLARED", fake)
    registry.extractors.cache_clear()
    try:
        with pytest.raises(ValueError, match="needs \\['nothing'\\]"):
            registry.extractors()
    finally:
        monkeypatch.undo()
        registry.extractors.cache_clear()
    assert "zzz" not in registry.frames()


def test_a_second_extractor_for_a_frame_is_refused():
    with pytest.raises(ValueError, match="two extractors"):
        registry.extractor("dates", schema.schema(("article_id", "str")))(lambda article, facts: [])


def test_unknown_column_kind_is_refused_at_declaration():
    with pytest.raises(ValueError, match="unknown kind"):
        schema.schema(("x", "datetime"))


def test_typed_keeps_missing_ints_nullable_and_dates_as_nat():
    columns = schema.schema(("a", "int"), ("d", "date"), ("b", "bool"))
    frame = schema.typed([{"a": 1, "d": None, "b": 0}, {"a": None, "d": pd.Timestamp("2021-01-02").date(), "b": 1}], columns)
    assert str(frame["a"].dtype) == "Int64" and frame["d"].isna().tolist() == [True, False]
    assert frame["b"].tolist() == [False, True]
    assert list(schema.typed([], columns).columns) == ["a", "d", "b"]


@pytest.mark.parametrize("module", ["analysis.cache", "analysis.registry", "analysis.export", "analysis.corpus"])
def test_each_module_imports_first_without_a_cycle(module):
    subprocess.run([sys.executable, "-c", f"import {module}"], check=True)


def test_an_article_without_a_publication_date_says_its_relative_dates_stay_unresolved(tmp_path):
    import json
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (
        {"id": "undated", "text": "وصل الوفد أمس إلى بغداد، على أن يغادرها الأسبوع المقبل."},
        {"id": "dated", "text": "وصل الوفد أمس إلى بغداد.", "published": "2021-04-07"})), encoding="utf-8")
    corpus = analysis.load_corpus(path, cache=False)
    info = corpus.problems[corpus.problems["severity"] == "info"]
    assert info["row"].tolist() == [1] and info["path"].tolist() == [str(path)]
    assert info["reason"].iloc[0].endswith("2 relative date(s) stay unresolved")
    assert corpus.dates.set_index("article_id")["date"].isna().to_dict() == {"undated": True, "dated": False}
