"""Bad input and faults never lose or garble good articles (issue 11): one test per way a load used to
fail, random damage to the bytes of each kind of input, a cache write killed at every step, and three
processes sharing one cache."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import multiprocessing as mp
import os
import shutil
import tempfile
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import analysis
from analysis import cache as cache_mod, corpus as corpus_mod, export
from analysis.cache import CacheWarning

FRAMES = ("articles", "sentences", "dates", "troops", "rounds", "statements", "themes")
# never valid anywhere in UTF-8, so a byte replaced by one of these is always damage a reader can see
NEVER_UTF8 = [0xC0, 0xC1, *range(0xF5, 0x100)]


def sentence(i: int) -> str:
    cities = ["بغداد", "أربيل", "البصرة", "الموصل", "النجف"]
    return (f"أعلنت وزارة التخطيط في {cities[i % 5]} أن المشروع رقم {i + 1} سيكتمل خلال عامين.\n"
            f"وقال مدير المشروع إن \"العمل يسير وفق الخطة المرسومة\" مضيفاً أن الكلفة بلغت {10 + i} ملايين دولار.\n")


def records(n: int = 12) -> list[dict]:
    start = dt.date(2021, 3, 1)
    return [{"id": f"a{i:02d}", "title": f"مشروع رقم {i + 1}", "published": (start + dt.timedelta(days=i)).isoformat(),
             "text": f"مشروع رقم {i + 1}\n\n" + sentence(i) + sentence(i + 7)} for i in range(n)]


def jsonl_bytes(rows: list[dict], encoding: str = "utf-8") -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode(encoding)


def csv_bytes(rows: list[dict]) -> tuple[bytes, list[tuple[int, int]]]:
    """The CSV and the byte range of each record (so a test knows which bytes belong to which row)."""
    out, ranges = io.BytesIO(), []
    for i, row in enumerate([dict.fromkeys(rows[0], None), *rows]):
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(list(row) if i == 0 else list(row.values()))
        start = out.tell()
        out.write(buffer.getvalue().encode("utf-8"))
        if i:
            ranges.append((start, out.tell()))
    return out.getvalue(), ranges


def load(path, **kw) -> analysis.Corpus:
    kw.setdefault("cache", False)
    return analysis.load_corpus(path, **kw)


def by_article(corpus: analysis.Corpus) -> dict[str, dict[str, pd.DataFrame]]:
    """Every frame's rows of each article (index reset), to compare article by article."""
    out: dict[str, dict[str, pd.DataFrame]] = {aid: {} for aid in corpus.articles["article_id"]}
    for name in FRAMES:
        for aid, rows in getattr(corpus, name).groupby("article_id", sort=False):
            out[aid][name] = rows.reset_index(drop=True)
    return out


def assert_same_article(left: dict, right: dict, skip=()) -> None:
    for name in FRAMES:
        a, b = left.get(name), right.get(name)
        if a is None or b is None:
            assert a is None and b is None, name
            continue
        cols = [c for c in a.columns if c not in skip]
        pd.testing.assert_frame_equal(a[cols], b[cols], check_dtype=False, obj=name)


def same_corpus(a: analysis.Corpus, b: analysis.Corpus, skip=()) -> None:
    for name in (*FRAMES, "problems"):
        left, right = getattr(a, name), getattr(b, name)
        cols = [c for c in left.columns if c not in skip]
        pd.testing.assert_frame_equal(left[cols].reset_index(drop=True), right[cols].reset_index(drop=True),
                                      check_dtype=False, obj=name)


def reasons(corpus, row=None) -> list[str]:
    """The reasons of the input's problems (not the info notes of articles whose relative dates stay
    unresolved for want of a publication date: the test texts hold such dates)."""
    p = corpus.problems[corpus.problems["severity"] != "info"]
    return list(p["reason"] if row is None else p[p["row"] == row]["reason"])


@pytest.fixture(scope="module")
def rows():
    return records()


@pytest.fixture()
def jsonl(rows, tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_bytes(jsonl_bytes(rows))
    return path


# ------------------------------------------------------------------ 1. a bad byte costs its row, not the file
def test_jsonl_cut_mid_character_loses_only_the_last_row(jsonl):
    clean = load(jsonl)
    data = jsonl.read_bytes()
    cut = data.rfind("دولار".encode()) + 1  # inside the last line, in the middle of a two-byte letter
    jsonl.write_bytes(data[:cut])
    damaged = load(jsonl)
    assert damaged.articles["encoding"].eq("utf-8").all()
    assert damaged.articles["text"].tolist() == clean.articles["text"].tolist()[:-1]
    last = reasons(damaged, row=12)
    assert any(f"1 undecodable byte sequence(s) replaced by U+FFFD at byte offset(s) {cut - 1}" in r for r in last)
    assert "not a JSON object" in last


def test_one_invalid_byte_in_a_jsonl_row_is_replaced_there_and_named(rows, jsonl):
    clean = by_article(load(jsonl))
    data = jsonl.read_bytes()
    line = data.split(b"\n")[6]
    value = line.index(b'"text": "') + len(b'"text": "')
    at = data.index(line) + line.index(b" ", value)
    jsonl.write_bytes(data[:at] + b"\xff" + data[at:])
    damaged = load(jsonl)
    got = by_article(damaged)
    for aid in clean:
        if aid != "a06":
            assert_same_article(clean[aid], got[aid])
    text = rows[6]["text"]
    space = text.index(" ")
    assert damaged.articles.set_index("article_id").loc["a06", "text"] == text[:space] + "\ufffd" + text[space:]
    assert reasons(damaged) == [f"1 undecodable byte sequence(s) replaced by U+FFFD at byte offset(s) {at} of the file"]
    assert damaged.problems["row"].tolist() == [7] and damaged.problems["severity"].tolist() == ["warning"]


def test_one_invalid_byte_in_a_csv_record_is_replaced_there_and_named(rows, tmp_path):
    data, ranges = csv_bytes(rows)
    path = tmp_path / "news.csv"
    path.write_bytes(data)
    clean = by_article(load(path))
    start, end = ranges[3]
    at = data.index("المشروع".encode(), start)
    path.write_bytes(data[:at] + b"\xfe" + data[at:])
    damaged = load(path)
    got = by_article(damaged)
    assert all(damaged.articles["encoding"] == "utf-8")
    for aid in clean:
        if aid != "a03":
            assert_same_article(clean[aid], got[aid])
    assert "\ufffdالمشروع" in damaged.articles.set_index("article_id").loc["a03", "text"]
    assert damaged.problems["row"].tolist() == [4]
    assert reasons(damaged) == [f"1 undecodable byte sequence(s) replaced by U+FFFD at byte offset(s) {at} of the file"]


def test_txt_file_cut_mid_character_keeps_its_text_and_says_where(rows, tmp_path):
    for r in rows[:3]:
        (tmp_path / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    clean = by_article(load(tmp_path))
    data = (tmp_path / "a01.txt").read_bytes()
    assert rows[1]["text"].endswith("ر.\n")
    (tmp_path / "a01.txt").write_bytes(data[:-3])  # the final newline, the full stop and half of the last letter
    damaged = load(tmp_path)
    a = damaged.articles.set_index("article_id")
    assert a.loc["a01", "text"] == rows[1]["text"][:-3] + "\ufffd" and a.loc["a01", "encoding"] == "utf-8"
    assert_same_article(clean["a00"], by_article(damaged)["a00"])
    assert reasons(damaged) == [f"1 undecodable byte sequence(s) replaced by U+FFFD at byte offset(s) {len(data) - 4} "
                                "of the file"]


def cp1256_rows() -> list[dict]:
    return [{"id": f"w{i}", "text": f"قال الوزير في مؤتمر صحفي إن الحكومة ستفتتح {i + 2} مدارس جديدة قبل نهاية العام.\n"
                                    "وأكد أن التمويل مؤمن بالكامل."} for i in range(4)]


@pytest.mark.parametrize("kind", ["jsonl", "csv", "txt"])
def test_a_whole_windows_1256_file_is_decoded_and_said_so(kind, tmp_path):
    rows = cp1256_rows()
    if kind == "jsonl":
        path = tmp_path / "legacy.jsonl"
        path.write_bytes(jsonl_bytes(rows, "cp1256"))
    elif kind == "csv":
        path = tmp_path / "legacy.csv"
        path.write_bytes(pd.DataFrame(rows).to_csv(index=False).encode("cp1256"))
    else:
        path = tmp_path / "txt"
        path.mkdir()
        (path / "w0.txt").write_bytes(rows[0]["text"].encode("cp1256"))
        rows = rows[:1]
    corpus = load(path)
    assert corpus.articles["text"].tolist() == [r["text"] for r in rows]
    assert corpus.articles["encoding"].eq("cp1256").all()
    assert len(reasons(corpus)) == 1 and reasons(corpus)[0].startswith("not UTF-8: decoded as Windows-1256")


@pytest.mark.parametrize("kind", ["jsonl", "csv"])
def test_utf16_tables_say_so_in_problems_and_encoding(kind, rows, tmp_path):
    path = tmp_path / f"wide.{kind}"
    frame = pd.DataFrame(rows[:3])
    data = jsonl_bytes(rows[:3]).decode() if kind == "jsonl" else frame.to_csv(index=False)
    path.write_bytes(data.encode("utf-16"))
    corpus = load(path)
    assert corpus.articles["text"].tolist() == [r["text"] for r in rows[:3]]
    assert corpus.articles["encoding"].eq("utf-16").all()
    assert reasons(corpus) == ["decoded as UTF-16 (byte order mark)"]


def test_latin1_is_still_undecodable_and_mostly_utf8_is_not_windows_1256(tmp_path):
    (tmp_path / "fr.txt").write_bytes("Résumé du café à Bordeaux, élevé".encode("latin-1"))
    text = "خبر عاجل من العاصمة عن افتتاح جسر جديد فوق النهر.\n"
    (tmp_path / "ar.txt").write_bytes(text.encode() + b"\xd8")  # a truncated letter at the end
    corpus = load(tmp_path)
    assert corpus.articles["text"].tolist() == [text + "\ufffd"]
    got = dict(zip(corpus.problems["path"].map(lambda p: Path(p).name), corpus.problems["reason"]))
    assert got["fr.txt"].startswith("undecodable: not UTF-8") and "U+FFFD" in got["ar.txt"]


# ------------------------------------------------------------------ 2. an interrupted cache write
def _killed_at(step: int, path, folder, counter=None) -> None:
    """In a child process: load with the cache, and die (os._exit, no clean-up) at its `step`-th write."""
    calls = [0]

    def wrap(real):
        def wrapped(*args, **kw):
            calls[0] += 1
            if calls[0] == step:
                os._exit(3)
            return real(*args, **kw)
        return wrapped
    pd.DataFrame.to_parquet = wrap(pd.DataFrame.to_parquet)
    for name in ("rename", "replace", "mkdir"):
        setattr(os, name, wrap(getattr(os, name)))
    Path.write_text = wrap(Path.write_text)
    shutil.rmtree = wrap(shutil.rmtree)
    analysis.load_corpus(path, cache=folder, progress=False)
    if counter is not None:
        Path(counter).write_text(str(calls[0]))
    os._exit(0)


def in_child(target, *args) -> int:
    child = mp.get_context("fork").Process(target=target, args=args)
    child.start()
    child.join(120)
    return child.exitcode


def test_a_write_killed_after_the_first_frame_loses_nothing(rows, tmp_path):
    folder = tmp_path / "txt"
    folder.mkdir()
    for r in rows[:6]:
        (folder / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    cache = tmp_path / "cache"
    load(folder, cache=cache)
    (folder / "a02.txt").write_text(rows[2]["text"] + "وأضاف المدير أن \"المرحلة الثانية تبدأ في الربيع\".\n", encoding="utf-8")
    # killed at the 4th step: directory made, articles frame written (and, in the layout of one file per
    # frame that this replaced, renamed into place), the sentences frame not yet
    assert in_child(_killed_at, 4, folder, cache) == 3
    same_corpus(load(folder, cache=cache), load(folder))


def test_fault_injection_a_write_killed_at_any_step_then_a_fresh_parse(rows, tmp_path):
    """Kill the cache write at each of its steps (with an older entry in place); the next load must equal
    a parse without the cache, every time."""
    folder = tmp_path / "txt"
    folder.mkdir()
    for r in rows[:5]:
        (folder / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    cache = tmp_path / "cache"
    for i in range(3):  # older entries, so that tidying them up is a step too
        (folder / "a00.txt").write_text(rows[0]["text"] + f"وقال المدير إن \"الدفعة {i + 1} وصلت\".\n", encoding="utf-8")
        load(folder, cache=cache)
    (folder / "a00.txt").write_text(rows[0]["text"] + "وقال المدير إن \"المشروع تأخر شهراً\".\n", encoding="utf-8")
    counter, before = tmp_path / "steps", tmp_path / "before"
    shutil.copytree(cache, before)
    assert in_child(_killed_at, 0, folder, cache, counter) == 0  # a write that is not killed: count its steps
    steps = int(counter.read_text())
    assert steps >= 12
    fresh = load(folder)
    for step in range(1, steps + 1):
        shutil.rmtree(cache)
        shutil.copytree(before, cache)
        assert in_child(_killed_at, step, folder, cache) == 3, step
        same_corpus(load(folder, cache=cache), fresh)
        same_corpus(load(folder, cache=cache), fresh)  # and what that load wrote reads back the same


def test_an_entry_whose_frames_disagree_is_not_trusted(rows, tmp_path):
    folder = tmp_path / "txt"
    folder.mkdir()
    for r in rows[:4]:
        (folder / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    cache = tmp_path / "cache"
    load(folder, cache=cache)
    (folder / "a03.txt").write_text(rows[3]["text"] + "خبر إضافي.\n", encoding="utf-8")
    load(folder, cache=cache)
    new, old = sorted(cache.rglob("entry-*"), reverse=True)[:2]
    shutil.copy(old / "sentences.parquet", new / "sentences.parquet")  # frames of two different writes
    (old / "manifest.json").unlink()
    same_corpus(load(folder, cache=cache), load(folder))


# ------------------------------------------------------------------ 3. unreadable files with the default cache
def test_unreadable_files_are_problems_with_the_default_cache(rows, tmp_path, monkeypatch):
    monkeypatch.setenv("ARABIC_NEWS_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "txt"
    folder.mkdir()
    (folder / "good.txt").write_text(rows[0]["text"], encoding="utf-8")
    (folder / "locked.txt").write_text(rows[1]["text"], encoding="utf-8")
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink("nowhere", folder / "broken.txt")
    (folder / "folder.txt").mkdir()
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                        if p.name == "locked.txt" else real(p))
    for cache in (None, True, False):
        corpus = analysis.load_corpus(folder, cache=cache)
        assert corpus.articles["article_id"].tolist() == ["good"]
        found = corpus.problems[corpus.problems["severity"] != "info"]  # good.txt has no publication date
        got = dict(zip(found["path"].map(lambda p: Path(p).name), found["reason"]))
        assert got == {"broken.txt": "unreadable: No such file or directory", "folder.txt": "unreadable: a folder, not a file",
                       "locked.txt": "unreadable: Permission denied", "loop.txt": "unreadable: Too many levels of symbolic links"}


# ------------------------------------------------------------------ 4. a JSON array, a broken first line
def test_a_json_array_in_a_jsonl_file_reads_as_the_same_rows(rows, jsonl, tmp_path):
    array = tmp_path / "array.jsonl"
    array.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    same_corpus(load(array), load(jsonl), skip=("path",))
    broken = tmp_path / "broken.jsonl"
    broken.write_text(json.dumps(rows, ensure_ascii=False)[:-30], encoding="utf-8")
    corpus = load(broken)
    assert corpus.articles.empty
    assert reasons(corpus)[0].startswith("unreadable jsonl file: a JSON array (not JSON Lines) that is not valid JSON")


def test_a_broken_first_line_costs_that_row_only(rows, jsonl):
    data = jsonl.read_bytes()
    jsonl.write_bytes(b'{"id": "x", "text": "cut' + b"\n" + data)
    corpus = load(jsonl)
    assert corpus.articles["article_id"].tolist() == [r["id"] for r in rows]
    assert corpus.problems[["row", "reason"]].values.tolist() == [[1, "not a JSON object"]]
    jsonl.write_text("id,text\n1,نص\n", encoding="utf-8")
    assert reasons(load(jsonl))[0].startswith("unreadable jsonl file: no line is a JSON object")


# ------------------------------------------------------------------ 5. dates pandas cannot hold
DATELESS = "قال المتحدث إن الاجتماع كان مثمراً وإن الطرفين اتفقا على مواصلة الحوار."


@pytest.mark.parametrize("how", [{}, {"workers": 2}, {"strict": True}, {"cache": "folder"}])
def test_input_dates_out_of_pandas_range_are_problems_and_nat(how, tmp_path):
    how = {**how, "cache": tmp_path / "cache"} if how.get("cache") else how
    lines = [{"id": "ok", "text": DATELESS, "published": "2021-04-07"},
             {"id": "year1", "text": DATELESS, "published": "0001-01-01"},
             {"id": "far", "text": DATELESS, "published": "9999-12-31"},
             {"id": "edge", "text": DATELESS, "published": "1677-09-21"}]
    path = tmp_path / "dates.jsonl"
    path.write_bytes(jsonl_bytes(lines))
    corpus = load(path, **how)
    published = corpus.articles.set_index("article_id")["published"]
    assert published["ok"] == pd.Timestamp("2021-04-07") and published[["year1", "far", "edge"]].isna().all()
    assert corpus.problems["row"].tolist() == [2, 3, 4]
    assert corpus.problems["severity"].eq("warning").all()
    assert reasons(corpus, 2) == ["date 0001-01-01 is outside the range pandas can hold (1677-09-22 to 2262-04-11): "
                                  "taken from the text where it states one"]


def test_a_parsed_date_past_pandas_range_is_left_empty_with_a_warning(tmp_path):
    """A relative date resolved past 2262-04-11 (الشهر المقبل on 2262-04-05) cannot be held: its date
    columns are left empty, each with a warning naming the row, the expression and its characters."""
    text = "قال المتحدث إن الانسحاب يكتمل الشهر المقبل بعد اجتماع اليوم."
    path = tmp_path / "edge.jsonl"
    path.write_bytes(jsonl_bytes([{"id": "edge", "text": text, "published": "2262-04-05"}]))
    corpus = load(path)
    dates = corpus.dates.set_index("text")
    assert dates.loc["الشهر المقبل", ["date", "period_start", "period_end"]].isna().all()
    assert dates.loc["اليوم", "date"] == pd.Timestamp("2262-04-05")
    start = text.index("الشهر المقبل")
    assert corpus.problems[["row", "severity"]].values.tolist() == [[1, "warning"]] * 3
    assert reasons(corpus) == [f'parsed dates.{column} of "الشهر المقبل" (characters {start}-{start + 12}): date '
                               f'{value} is outside the range pandas can hold (1677-09-22 to 2262-04-11): left empty'
                               for column, value in [("date", "2262-05-01"), ("period_start", "2262-05-01"),
                                                     ("period_end", "2262-05-31")]]


def test_a_catalog_date_of_year_one_names_the_catalog_row(tmp_path):
    (tmp_path / "a.txt").write_text(DATELESS, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DATELESS, encoding="utf-8")
    (tmp_path / "catalog.csv").write_text("article_id,outlet,published\na,منفذ,0001-01-01\nb,منفذ,2021-04-07\n",
                                          encoding="utf-8")
    corpus = load(tmp_path)
    a = corpus.articles.set_index("article_id")
    assert pd.isna(a.loc["a", "published"]) and a.loc["a", "outlet"] == "منفذ"
    assert a.loc["b", "published"] == pd.Timestamp("2021-04-07")
    assert reasons(corpus) == ["catalog row 2 (a): date 0001-01-01 is outside the range pandas can hold (1677-09-22 to "
                               "2262-04-11): the article is read without it"]
    with pytest.raises(analysis.CorpusError, match="catalog row 2"):
        load(tmp_path, strict=True)


@pytest.mark.parametrize("workers", [1, 2])
def test_parsed_dates_out_of_range_are_cleared_with_a_warning(workers, tmp_path):
    lines = [{"id": "early", "text": "وصل 3000 جندي إلى القاعدة الشهر الماضي.", "published": "1677-10-01"},
             {"id": "late", "text": "قال الوزير إن القوات ستغادر غداً.", "published": "2262-04-11"},
             {"id": "ok", "text": "قال الوزير إن القوات ستغادر في العام المقبل.", "published": "2021-04-01"}]
    path = tmp_path / "rel.jsonl"
    path.write_bytes(jsonl_bytes(lines))
    corpus = load(path, workers=workers)
    d = corpus.dates.set_index("article_id")["date"]
    assert pd.isna(d["early"]) and pd.isna(d["late"]) and d["ok"] == pd.Timestamp("2022-01-01")
    assert pd.isna(corpus.troops.set_index("article_id").loc["early", "as_of"])
    p = corpus.problems
    assert set(p["row"]) == {1, 2} and p["severity"].eq("warning").all() and p["path"].eq(str(path)).all()
    start = lines[0]["text"].index("الشهر الماضي")
    assert reasons(corpus, 1)[0].startswith(f'parsed dates.date of "الشهر الماضي" (characters {start}-{start + 12}): '
                                            "date 1677-09-01 is outside the range pandas can hold")


# ------------------------------------------------------------------ 6. one article's parse fails
def _fail_on_a03(real):
    def parse(article):
        if article.article_id == "a03":
            raise RecursionError("maximum recursion depth exceeded")
        return real(article)
    return parse


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failed_parse_is_a_problem_and_the_others_load(workers, rows, jsonl, monkeypatch):
    clean = by_article(load(jsonl))
    monkeypatch.setattr(corpus_mod, "parse_article", _fail_on_a03(corpus_mod.parse_article))
    corpus = load(jsonl, workers=workers)
    assert corpus.articles["article_id"].tolist() == [r["id"] for r in rows]
    got = by_article(corpus)
    for aid in clean:
        if aid != "a03":
            assert_same_article(clean[aid], got[aid])
    a03 = corpus.articles.set_index("article_id").loc["a03"]
    assert a03["text"] == rows[3]["text"] and a03["published"] == pd.Timestamp(rows[3]["published"])
    assert set(got["a03"]) == {"articles"}
    assert corpus.problems.values.tolist() == [[str(jsonl), 4, "error",
                                                "parse failed: RecursionError: maximum recursion depth exceeded"]]
    with pytest.raises(analysis.CorpusError, match="news.jsonl row 4: parse failed: RecursionError"):
        load(jsonl, strict=True)


def test_a_failed_parse_is_not_cached(rows, jsonl, tmp_path, monkeypatch):
    real = corpus_mod.parse_article
    monkeypatch.setattr(corpus_mod, "parse_article", _fail_on_a03(real))
    first = load(jsonl, cache=tmp_path / "cache")
    assert len(first.problems) == 1
    monkeypatch.setattr(corpus_mod, "parse_article", real)  # the fault is gone (a fixed bug, memory again)
    again = load(jsonl, cache=tmp_path / "cache")
    same_corpus(again, load(jsonl))


# ------------------------------------------------------------------ 7. a long CSV cell
def test_a_csv_cell_over_the_csv_module_limit_loads(rows, tmp_path):
    long = dict(rows[1], text=rows[1]["text"] + "وتابع المتحدث حديثه عن تفاصيل المشروع. " * 5000)
    assert len(long["text"]) > 131072
    path = tmp_path / "long.csv"
    pd.DataFrame([rows[0], long, rows[2]]).to_csv(path, index=False)
    corpus = load(path)
    assert corpus.articles["text"].tolist() == [rows[0]["text"], long["text"], rows[2]["text"]] and corpus.problems.empty


# ------------------------------------------------------------------ 8. a stray NUL byte
def test_a_stray_nul_is_dropped_with_a_caveat(rows, jsonl, tmp_path):
    folder = tmp_path / "txt"
    folder.mkdir()
    data = rows[0]["text"].encode()
    at = data.index(b" ")
    (folder / "nul.txt").write_bytes(data[:at] + b"\x00" + data[at:])
    (folder / "png.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" * 40)
    corpus = load(folder)
    assert corpus.articles["text"].tolist() == [rows[0]["text"]]
    assert reasons(corpus) == [f"1 NUL byte(s) dropped at byte offset(s) {at} of the file", "binary file: contains NUL bytes"]
    clean = load(jsonl)
    raw = jsonl.read_bytes()
    at = raw.index(b" ", raw.index(b'"a05"'))
    jsonl.write_bytes(raw[:at] + b"\x00" + raw[at:])
    with_nul = load(jsonl)
    assert all(by_article(with_nul)[aid].keys() == by_article(clean)[aid].keys() for aid in by_article(clean))
    for name in FRAMES:  # all 12 load, and the same
        pd.testing.assert_frame_equal(getattr(with_nul, name), getattr(clean, name), obj=name)
    assert with_nul.problems[["row", "reason"]].values.tolist() == [
        [6, f"1 NUL byte(s) dropped at byte offset(s) {at} of the file"]]


# ------------------------------------------------------------------ 9. a cache that cannot be written
def test_a_cache_that_cannot_be_written_is_a_warning(rows, jsonl, tmp_path, monkeypatch):
    clean = load(jsonl)
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv("ARABIC_NEWS_CACHE", str(tmp_path / "a-file"))
    with pytest.warns(CacheWarning, match="parse cache not written"):
        same_corpus(load(jsonl, cache=True), clean)
    real = pd.DataFrame.to_parquet
    gone = tmp_path / "gone"

    def remove_then_write(frame, path, *a, **kw):
        shutil.rmtree(gone, ignore_errors=True)  # the folder removed during the write
        return real(frame, path, *a, **kw)
    monkeypatch.setattr(pd.DataFrame, "to_parquet", remove_then_write)
    with pytest.warns(CacheWarning):
        same_corpus(load(jsonl, cache=gone), clean)

    def read_only(frame, path, *a, **kw):
        raise PermissionError(13, "Permission denied", str(path))
    monkeypatch.setattr(pd.DataFrame, "to_parquet", read_only)
    with pytest.warns(CacheWarning, match="Permission denied"):
        same_corpus(load(jsonl, cache=tmp_path / "ro"), clean)
    assert not list((tmp_path / "ro").rglob("*.parquet")) and not list((tmp_path / "ro").rglob(".tmp-*"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_cache_folder_is_a_warning(jsonl, tmp_path):
    (tmp_path / "ro").mkdir(mode=0o500)
    with pytest.warns(CacheWarning):
        same_corpus(load(jsonl, cache=tmp_path / "ro"), load(jsonl))


# ------------------------------------------------------------------ 10. processes sharing a cache
def _share(barrier, queue, path, folder) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", CacheWarning)
            barrier.wait(30)
            corpus = analysis.load_corpus(path, cache=folder, progress=False)
        queue.put({name: pd.util.hash_pandas_object(getattr(corpus, name)).sum() for name in (*FRAMES, "problems")})
    except BaseException as err:  # report it to the parent
        queue.put(f"{type(err).__name__}: {err}")


def test_three_processes_on_one_cache(rows, tmp_path):
    path = tmp_path / "news.jsonl"
    cache = tmp_path / "cache"
    ctx = mp.get_context("fork")
    for round_ in range(3):
        changed = [dict(r, text=r["text"] + f"ملحق {round_}.\n") if i == round_ else r for i, r in enumerate(rows)]
        path.write_bytes(jsonl_bytes(changed))
        fresh = load(path)
        expect = {name: pd.util.hash_pandas_object(getattr(fresh, name)).sum() for name in (*FRAMES, "problems")}
        barrier, queue = ctx.Barrier(3), ctx.Queue()
        children = [ctx.Process(target=_share, args=(barrier, queue, path, cache)) for _ in range(3)]
        for c in children:
            c.start()
        results = [queue.get(timeout=120) for _ in children]
        for c in children:
            c.join(30)
        assert results == [expect] * 3, results
        same_corpus(load(path, cache=cache), fresh)


# ------------------------------------------------------------------ 11. file names that are not UTF-8
@pytest.mark.parametrize("cache", [False, True])
def test_a_file_name_that_is_not_utf8_is_kept_escaped(cache, rows, tmp_path, monkeypatch):
    warnings.simplefilter("error", CacheWarning)
    monkeypatch.setenv("ARABIC_NEWS_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "zip"
    folder.mkdir()
    name = "خبر".encode("cp1256") + b".txt"  # as a Windows zip stores an Arabic name
    with open(os.path.join(os.fsencode(folder), name), "wb") as f:
        f.write(rows[0]["text"].encode())
    (folder / "ok.txt").write_text(rows[1]["text"], encoding="utf-8")
    table = os.path.join(os.fsencode(tmp_path), b"\xe3.jsonl")
    with open(table, "wb") as f:
        f.write(jsonl_bytes(rows[:2]))
    corpus = analysis.load_corpus(folder, cache=cache)
    a = corpus.articles
    assert a["article_id"].tolist() == ["ok", "\\xce\\xc8\\xd1"] and a["path"][1].endswith("zip/\\xce\\xc8\\xd1.txt")
    assert reasons(corpus) == ["file name is not valid UTF-8: read as \\xce\\xc8\\xd1.txt"]
    export.save_frames(corpus, tmp_path / "out")
    from_table = analysis.load_corpus(Path(os.fsdecode(table)), cache=cache)
    assert from_table.articles["path"].str.endswith("\\xe3.jsonl:1").sum() == 1


# ------------------------------------------------------------------ 12. formulas through list cells
def test_list_cells_are_joined_before_the_formula_check():
    frame = pd.DataFrame({"articles": [["=cmd|\"/c calc\"!A1", "x"], ("@SUM(1)",), ["ok"]],
                          "kind": pd.Categorical(["=1+1", "a", "a"])})
    safe = export.excel_safe(frame)
    assert safe["articles"].tolist() == ["'=cmd|\"/c calc\"!A1; x", "'@SUM(1)", "ok"]
    assert safe["kind"].tolist() == ["'=1+1", "a", "a"]


def test_the_round_timeline_csv_escapes_an_article_id_formula(tmp_path):
    rows = [{"id": "=HYPERLINK(\"http://x\")", "published": "2021-04-07",
             "text": "انطلقت الجولة الثالثة من الحوار الاستراتيجي بين العراق والولايات المتحدة اليوم."}]
    path = tmp_path / "r.jsonl"
    path.write_bytes(jsonl_bytes(rows))
    corpus = load(path)
    export.save_frames(corpus, tmp_path / "out")
    raw = (tmp_path / "out" / "round_timeline.csv").read_text(encoding="utf-8-sig")
    assert "=HYPERLINK" in raw and ",=HYPERLINK" not in raw and "\"'=HYPERLINK" in raw


# ------------------------------------------------------------------ 13. the smaller ones
def test_parquet_text_cells_that_are_not_strings(rows, tmp_path):
    frame = pd.DataFrame({"id": ["a", "b", "c"], "text": [["قطعة", "أخرى"], None, ["نص"]]})
    frame.to_parquet(tmp_path / "lists.parquet")  # a column of lists of strings
    corpus = load(tmp_path / "lists.parquet")
    assert corpus.articles.empty
    assert reasons(corpus) == ["text is a list (['قطعة', 'أخرى']), not a string", "missing text",
                               "text is a list (['نص']), not a string"]
    pd.DataFrame({"id": ["x", "y"], "text": [rows[0]["text"].encode(), b"\x00\x00\x00\x01"]}).to_parquet(tmp_path / "b.parquet")
    corpus = load(tmp_path / "b.parquet")
    assert corpus.articles["text"].tolist() == [rows[0]["text"]]  # bytes are decoded as a file's would be
    assert reasons(corpus) == ["text cell of 4 bytes: binary file: contains NUL bytes"]
    path = tmp_path / "n.jsonl"
    path.write_text('{"id": 0, "text": 42}\n{"id": 0, "text": "نص الخبر هنا."}\n', encoding="utf-8")
    corpus = load(path)
    assert corpus.articles["article_id"].tolist() == ["0"]  # an id of 0 is an id
    assert reasons(corpus) == ["text is int (42), not a string"]


def test_upper_case_txt_is_read_and_subfolders_are_named_once(rows, tmp_path):
    (tmp_path / "A.TXT").write_text(rows[0]["text"], encoding="utf-8")
    (tmp_path / "b.txt").write_text(rows[1]["text"], encoding="utf-8")
    (tmp_path / "a.txt").write_text(rows[2]["text"], encoding="utf-8")
    for sub in ("2021", "2022", ".ipynb_checkpoints"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "c.txt").write_text(rows[3]["text"], encoding="utf-8")
    corpus = load(tmp_path)
    assert corpus.articles["article_id"].tolist() == ["A", "a", "b"]
    assert reasons(corpus) == ["2 subfolder(s) not read (only the .txt files directly in the folder are): 2021, 2022"]


def test_byte_order_marks(rows, tmp_path):
    (tmp_path / "two.txt").write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf")
    (tmp_path / "bom2.txt").write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + rows[0]["text"].encode())
    (tmp_path / "wide.txt").write_bytes("\ufeff\ufeff".encode("utf-16") + rows[1]["text"].encode("utf-16-le"))
    corpus = load(tmp_path)
    assert corpus.articles["text"].tolist() == [rows[0]["text"], rows[1]["text"]]
    assert reasons(corpus) == ["empty file", "decoded as UTF-16 (byte order mark)"]
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + jsonl_bytes(rows[:2]))
    assert load(path).articles["text"].tolist() == [rows[0]["text"], rows[1]["text"]]


def test_a_cached_path_has_the_spelling_of_each_call(rows, tmp_path, monkeypatch):
    folder = tmp_path / "txt"
    folder.mkdir()
    (folder / "a.txt").write_text(rows[0]["text"], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "cache"
    for spelling in ("txt", str(folder), "txt", "./txt/"):
        corpus = analysis.load_corpus(spelling, cache=cache)
        assert corpus.articles["path"].tolist() == [str(Path(spelling) / "a.txt")], spelling


def test_exported_offsets_index_the_text_without_the_escaping_quote(tmp_path):
    rows = [{"id": "dash", "text": "- قال الوزير إن \"الاتفاق سيوقع الأسبوع المقبل\".\n'=نص يبدأ بعلامة."},
            {"id": "quote", "text": "'اقتباس' في أول السطر. قال المتحدث إن \"الموعد لم يتحدد بعد\"."}]
    path = tmp_path / "x.jsonl"
    path.write_bytes(jsonl_bytes(rows))
    corpus = load(path)
    export.save_frames(corpus, tmp_path / "out")
    texts = pd.read_csv(tmp_path / "out" / "articles.csv", encoding="utf-8-sig").set_index("article_id")["text"]
    texts = texts.map(lambda t: t[1:] if t.startswith("'") else t)  # what the README says to do
    sentences = pd.read_csv(tmp_path / "out" / "sentences.csv", encoding="utf-8-sig")
    sentences["text"] = sentences["text"].map(lambda t: t[1:] if t.startswith("'") else t)
    assert len(sentences) >= 3
    for s in sentences.itertuples():
        assert texts[s.article_id][s.start:s.end] == s.text


def test_a_foreign_parquet_in_the_cache_is_ignored(rows, jsonl, tmp_path):
    cache = tmp_path / "cache"
    load(jsonl, cache=cache)
    entry = next(cache.rglob("entry-*"))
    pd.DataFrame({"x": [1, 2]}).to_parquet(entry / "articles.parquet")
    same_corpus(load(jsonl, cache=cache), load(jsonl))
    for p in cache.rglob("entry-*"):
        (p / "manifest.json").unlink()
    pd.DataFrame({"x": [1]}).to_parquet(entry.parent / "articles.parquet")  # where the old layout kept it
    same_corpus(load(jsonl, cache=cache), load(jsonl))


def test_old_fingerprint_folders_are_cleaned_up_but_nothing_else(jsonl, tmp_path):
    cache = tmp_path / "cache"
    for i in range(6):
        old = cache / f"0.0.{i}-{i:016x}"
        old.mkdir(parents=True)
        (old / "fingerprint.json").write_text("{}")
        os.utime(old / "fingerprint.json", (1_600_000_000 + i, 1_600_000_000 + i))
    (cache / "0.0.9-notours00000000").mkdir()  # no marker: not a cache folder of ours
    (cache / "notes").mkdir()
    load(jsonl, cache=cache)
    left = sorted(p.name for p in cache.iterdir())
    assert left == sorted([cache_mod.fingerprint(), "0.0.5-0000000000000005", "0.0.4-0000000000000004",
                           "0.0.9-notours00000000", "notes"])


# ------------------------------------------------------------------ random damage to every kind of input
def _corpus_bytes(kind: str, rows: list[dict]) -> tuple[dict[str, bytes], dict[str, tuple[str, int, int]]]:
    """Files of one corpus, and for each article the file and byte range that hold it."""
    if kind == "txt":
        files = {f"{r['id']}.txt": r["text"].encode() for r in rows}
        return files, {r["id"]: (f"{r['id']}.txt", 0, len(files[f"{r['id']}.txt"])) for r in rows}
    if kind == "jsonl":
        data, where, pos = jsonl_bytes(rows), {}, 0
        for r, line in zip(rows, data.split(b"\n")):
            where[r["id"]] = ("news.jsonl", pos, pos + len(line) + 1)
            pos += len(line) + 1
        return {"news.jsonl": data}, where
    data, ranges = csv_bytes(rows)
    return {"news.csv": data}, {r["id"]: ("news.csv", s, e) for r, (s, e) in zip(rows, ranges)}


@pytest.fixture(scope="module")
def clean_loads(rows, tmp_path_factory):
    out = {}
    for kind in ("txt", "jsonl", "csv"):
        files, where = _corpus_bytes(kind, rows[:8])
        folder = tmp_path_factory.mktemp(kind)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        corpus = load(folder if kind == "txt" else folder / next(iter(files)))
        out[kind] = files, where, by_article(corpus)
    return out


@pytest.mark.parametrize("kind", ["txt", "jsonl", "csv"])
@settings(max_examples=10, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_damage_costs_only_the_articles_it_touches(kind, clean_loads, data):
    """Bytes replaced at random (by bytes that are never UTF-8): every article whose bytes were not touched
    comes back exactly as from the clean file; every touched one has a problem row naming it. In the CSV
    only bytes inside Arabic letters are hit: a damaged quote or comma re-splits the records after it, which
    no reader can undo (each record that then fails is a problem, see the field-count check)."""
    files, where, clean = clean_loads[kind]
    damaged = {name: bytearray(b) for name, b in files.items()}
    hits = set()
    for _ in range(data.draw(st.integers(1, 4), label="hits")):
        name = data.draw(st.sampled_from(sorted(damaged)), label="file")
        raw = damaged[name]
        places = [i for i in range(len(raw)) if raw[i] >= 0x80] if kind == "csv" else range(len(raw))
        at = data.draw(st.sampled_from(places), label="offset")
        raw[at] = data.draw(st.sampled_from(NEVER_UTF8), label="byte")
        hits.add((name, at))
    touched = {aid for aid, (name, start, end) in where.items() if any(n == name and start <= at < end for n, at in hits)}
    with tempfile.TemporaryDirectory() as tmp:
        for name, raw in damaged.items():
            Path(tmp, name).write_bytes(bytes(raw))
        corpus = load(Path(tmp) if kind == "txt" else Path(tmp, next(iter(files))))
        got = by_article(corpus)
        for aid in clean:
            if aid not in touched:
                assert aid in got, aid
                assert_same_article(clean[aid], got[aid], skip=("path",))
                assert Path(got[aid]["articles"]["path"][0]).name == Path(clean[aid]["articles"]["path"][0]).name
        named = {(Path(p).name, None if pd.isna(r) else int(r)) for p, r in zip(corpus.problems["path"], corpus.problems["row"])}
        for aid in touched:
            name, start, _ = where[aid]
            number = None if kind == "txt" else sorted(where, key=lambda a: where[a][1]).index(aid) + 1
            assert (name, number) in named, (aid, named)
