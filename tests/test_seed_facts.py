"""The five seeds: every troop figure, round mention and direct statement a careful reader finds, listed
by hand in tests/fixtures/seed_*.csv with its source, and nothing else."""
from __future__ import annotations

import pandas as pd

from conftest import FIXTURES


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(FIXTURES / name, dtype=str, keep_default_na=False)


def test_troop_figures_exactly(seeds):
    want = read("seed_troops.csv")
    got = seeds.troops
    assert len(got) == len(want), got[["article_id", "text"]]
    for w, g in zip(want.itertuples(), got.itertuples()):
        assert (g.article_id, g.text, g.value, g.unit, g.force, g.approximate) == \
               (w.article_id, w.text, float(w.value), w.unit, w.force, w.approximate == "True"), w.source
        assert (pd.isna(g.as_of) and not w.as_of) or g.as_of == pd.Timestamp(w.as_of), w.source
        assert g.country == "Iraq"


def test_round_mentions_exactly(seeds):
    want = read("seed_rounds.csv")
    got = seeds.rounds
    assert len(got) == len(want), got[["article_id", "text"]]
    for w, g in zip(want.itertuples(), got.itertuples()):
        assert (g.article_id, g.text, g.round) == (w.article_id, w.text, int(w.round)), w.source
        assert (pd.isna(g.date) and not w.date) or g.date == pd.Timestamp(w.date), w.source


def test_statements_exactly_with_speakers(seeds):
    want = read("seed_statements.csv")
    got = seeds.statements[seeds.statements["kind"] == "statement"]
    assert len(got) == len(want), got[["article_id", "quote"]]
    for w, g in zip(want.itertuples(), got.itertuples()):
        assert g.article_id == w.article_id and g.quote.startswith(w.quote_begins), (w.source, g.quote)
        assert g.speaker == w.speaker, (w.source, g.speaker)


def test_scare_quotes_and_outlet_names_are_terms(seeds):
    terms = set(seeds.statements.loc[seeds.statements["kind"] == "term", "quote"])
    for t in ("العربية", "نيويورك تايمز", "أسوشيتد برس", "تويتر", "حوار استراتيجي", "الورق فقط", "تقليص"):
        assert t in terms
    assert seeds.statements.loc[seeds.statements["kind"] == "term", "speaker"].isna().all()


def test_round_timeline(seeds):
    tl = seeds.round_timeline().set_index("round")
    assert list(tl.index) == [1, 2, 3, 4]
    assert tl.loc[1, "n_mentions"] == 4 and tl.loc[3, "n_articles"] == 2
    assert tl.loc[2, "date"] == pd.Timestamp("2020-08-01") and tl.loc[2, "precision"] == "month"
    assert tl.loc[4, "reported_by"] == ["003_a90dff76a33d4385"]
    assert tl.loc[3, "reference_date"] == pd.Timestamp("2021-04-07") and tl.loc[3, "place"] == "virtual"
    assert tl["source"].str.len().gt(20).all()


def test_dates_exactly(seeds):
    want = read("seed_dates.csv")
    got = seeds.dates
    assert len(got) == len(want), got[["article_id", "text"]]
    for w, g in zip(want.itertuples(), got.itertuples()):
        assert (g.article_id, g.text, g.precision) == (w.article_id, w.text, w.precision), w.source
        assert g.date == pd.Timestamp(w.date), w.source
