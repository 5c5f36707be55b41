"""Loading a folder: seeds, catalog, metadata from the text, bad input, strict mode, coverage."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import analysis
from analysis.corpus import Article, decode, parse_article

from conftest import ROOT

ARTICLE = "بغداد 7 أبريل 2021 (شينخوا) قال وزير الخارجية العراقي فؤاد حسين إن \"الحوار مستمر مع واشنطن\".\n"


def test_seeds_are_byte_copies_of_shared():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.exists():
        pytest.skip("shared/seeds is not beside the repo")
    for path in sorted(shared.glob("*.txt")):
        assert (ROOT / "seeds" / path.name).read_bytes() == path.read_bytes()


def test_seed_articles(seeds):
    a = seeds.articles.set_index("article_id")
    assert len(a) == 5 and seeds.problems.empty
    assert a.loc["003_a90dff76a33d4385", "published"] == pd.Timestamp("2021-07-25")
    assert a.loc["001_d7a56448554c3a94", "outlet"] == "كوردستان 24"
    assert a.loc["000_354b99a63ca37356", "title"] == "واشنطن: سنقلص قواتنا في العراق ولا نسعى لوجود دائم"
    assert a["published_basis"].str.startswith("catalog: ").all()
    assert a["published"].dtype == "datetime64[ns]" and str(a["round"].dtype) == "Int64"
    assert list(a["round"]) == [1, 1, 3, 4, 3]


def test_every_span_indexes_the_article_text(seeds):
    texts = seeds.articles.set_index("article_id")["text"]
    for name in ("sentences", "dates", "troops", "rounds", "statements"):
        frame = getattr(seeds, name)
        assert len(frame), name
        for row in frame.itertuples():
            assert texts[row.article_id][row.start:row.end] == row.text, (name, row)


def test_no_presentation_forms_in_any_frame(seeds):
    shaped = r"[\ufb50-\ufdff\ufe70-\ufeff]"
    for name in ("articles", "sentences", "dates", "troops", "rounds", "statements"):
        frame = getattr(seeds, name)
        for col in frame.select_dtypes(include=["object", "string"]).columns:
            assert not frame[col].astype(str).str.contains(shaped).any(), (name, col)


def test_boilerplate_is_flagged_not_deleted(seeds):
    s = seeds.sentences
    flagged = s[s.boilerplate]
    assert set(flagged["boilerplate_kind"]) >= {"read_also", "url", "caption", "byline", "tweet", "dateline"}
    assert "kurdistan24.net" in set(flagged["text"])


def test_folder_without_catalog_reads_dates_from_the_text(pages):
    a = pages.articles.set_index("article_id")
    assert a.loc["chrome_shafaq", "published"] == pd.Timestamp("2020-08-17")  # not the crawl stamp 2023-05-01
    assert "نشر في" in a.loc["chrome_shafaq", "published_basis"]
    assert a.loc["xinhua", "published"] == pd.Timestamp("2021-04-07")
    assert a.loc["xinhua", "outlet"] == "شينخوا"
    assert a.loc["dw", "published"] == pd.Timestamp("2021-07-27")
    assert a.loc["iso", "published"] == pd.Timestamp("2021-07-26")
    assert a.loc["chrome_shafaq", "title"] == "واشنطن تعلن خفض قواتها في العراق إلى 3 آلاف جندي"


def test_catalog_wins_over_the_text(tmp_path):
    (tmp_path / "a.txt").write_text("2021-07-26\nعنوان\nنص الخبر.", encoding="utf-8")
    (tmp_path / "catalog.csv").write_text("article_id,outlet,published,published_basis,round,notes\n"
                                          "a,منفذ,2021-07-27,stated by the editor,4,\n", encoding="utf-8")
    a = analysis.load_corpus(tmp_path).articles.iloc[0]
    assert a["published"] == pd.Timestamp("2021-07-27") and a["published_basis"] == "catalog: stated by the editor"
    assert a["outlet"] == "منفذ" and a["round"] == 4


def write_bad_folder(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    (folder / "crlf.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8") * 2)
    (folder / "legacy.txt").write_bytes(ARTICLE.encode("cp1256"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\n ")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "latin1.txt").write_bytes("Résumé du café à Bordeaux, élevé".encode("latin-1"))
    (folder / "catalog.csv").write_text(
        "article_id,outlet,published,published_basis,round,notes\n"
        "good,شينخوا,2021-04-07,stated,3,\n"
        "bom,x,not-a-date,,,\n"
        "crlf,x,2021-04-07,,three,\n"
        "legacy,x,2021-04-07,,3,extra,fields\n"
        "missing,x,2021-04-07,,3,\n", encoding="utf-8")


def test_bad_files_each_give_a_clear_problem_and_the_rest_load(tmp_path):
    write_bad_folder(tmp_path)
    corpus = analysis.load_corpus(tmp_path)
    loaded = set(corpus.articles["article_id"])
    assert loaded == {"good", "bom", "crlf", "legacy"}
    reasons = {Path(p).name + ": " + r for p, r in zip(corpus.problems["path"], corpus.problems["reason"])}
    expect = ["empty.txt: empty file", "blank.txt: empty file", "binary.txt: binary file",
              "latin1.txt: undecodable", "legacy.txt: not UTF-8: decoded as Windows-1256",
              "catalog.csv: catalog row 3 (bom): Invalid isoformat", "catalog.csv: catalog row 4 (crlf)",
              "catalog.csv: catalog row 5: 7 fields, expected 6", "catalog.csv: catalog lists missing"]
    for e in expect:
        assert any(r.startswith(e) for r in reasons), (e, reasons)
    texts = corpus.articles.set_index("article_id")["text"]
    assert texts["bom"] == texts["good"] == texts["legacy"]  # BOM dropped, cp1256 decoded
    assert "\r" not in texts["crlf"] and texts["crlf"] == texts["good"] * 2
    assert (corpus.statements["speaker"] == "فؤاد حسين").sum() == 5


def test_strict_raises_one_error_listing_every_problem(tmp_path):
    write_bad_folder(tmp_path)
    with pytest.raises(analysis.CorpusError) as err:
        analysis.load_corpus(tmp_path, strict=True)
    message = str(err.value)
    for name in ("empty.txt", "blank.txt", "binary.txt", "latin1.txt", "catalog.csv"):
        assert name in message


def test_strict_passes_a_clean_folder(seeds):
    assert len(analysis.load_corpus(strict=True).articles) == 5


def test_missing_folder_and_empty_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such folder"):
        analysis.load_corpus(tmp_path / "nope")
    corpus = analysis.load_corpus(tmp_path)
    assert corpus.articles.empty and "no .txt files" in corpus.problems["reason"].iloc[0]


def test_decode_utf16_with_bom():
    text, enc, caveat = decode("نص عربي".encode("utf-16"))
    assert text == "نص عربي" and enc == "utf-16" and "UTF-16" in caveat


def test_words_are_counted_with_their_harakat_and_tatweel():
    """A shadda or a tanween inside a word does not split it (\\w does not match combining marks)."""
    art = Article("x", "أَكَّدَ الرئيسُ الأمريكيّ أنّ القــوات باقيةٌ. 2500 جندي", published=None)
    assert parse_article(art)["articles"][0]["n_words"] == 8


def test_parse_article_is_pure():
    art = Article("x", ARTICLE * 3, published=None)
    assert parse_article(art) == parse_article(art)


@given(st.text(max_size=400))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_random_text_never_crashes_and_sentences_cover_it(text):
    parsed = parse_article(Article("r", text))
    covered = set()
    for row in parsed["sentences"]:
        assert text[row["start"]:row["end"]] == row["text"]
        covered.update(range(row["start"], row["end"]))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)
    for name in ("dates", "troops", "rounds", "statements"):
        for row in parsed[name]:
            assert 0 <= row["start"] <= row["end"] <= len(text)
            assert text[row["start"]:row["end"]] == row["text"]


@given(st.text(alphabet=st.sampled_from(list("قال الكاظمي «» \"“” ، . 2500 جندي أمريكي يونيو/حزيران الماضي الجولة الثالثة\n")),
               max_size=300))
@settings(max_examples=200, deadline=None)
def test_arabic_news_like_noise_never_crashes(text):
    import datetime as dt
    parsed = parse_article(Article("r", text, published=dt.date(2021, 4, 7)))
    for name in ("dates", "troops", "rounds", "statements"):
        for row in parsed[name]:
            assert text[row["start"]:row["end"]] == row["text"]


def test_load_corpus_on_a_copy_of_the_seeds_without_catalog(tmp_path):
    for p in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    a = analysis.load_corpus(tmp_path).articles.set_index("article_id")
    assert a.loc["003_a90dff76a33d4385", "published"] == pd.Timestamp("2021-07-25")
    assert a["published"].isna().sum() == 4  # the others state no date: nothing is guessed
    assert a.loc["003_a90dff76a33d4385", "outlet"] == "الترا عراق"
