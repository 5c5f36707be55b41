"""Theme mentions: the one-pass prefilter finds exactly what each theme's own pattern finds."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from analysis import lexicons, themes
from analysis.text import normalize, normalize_spans

TABLE = lexicons.table("themes")
WORDS = [w for p in TABLE["pattern"] for w in p.split("|")]
PIECES = WORDS + [p + w for w in WORDS[:12] for p in "وفبلك"] + \
    ["قال", "العراق", "القوات", "في", "و", " ", "  ", "\n", "،", ".", "«", "»", "2021", "ـ", "\u064e", "x"]


def naive(text: str) -> list[tuple[int, int, str]]:
    """Each theme's pattern over the whole folded text, the definition extract must keep."""
    norm = normalize_spans(text)
    out = []
    for theme, pattern in zip(TABLE["theme"], TABLE["pattern"]):
        for m in re.finditer(rf"(?<!\w)[وفبل]?(?:{normalize(pattern)})(?!\w)", norm.text):
            out.append((*norm.span(*m.span()), theme))
    return sorted(out)


@given(st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join) | st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
@settings(max_examples=400, deadline=None)
def test_extract_equals_each_theme_pattern_run_alone(text):
    whole = [{"sentence_id": 0, "start": 0, "end": len(text)}]
    got = sorted((r["start"], r["end"], r["theme"]) for r in themes.rows("a", text, whole))
    assert got == naive(text)


def test_mentions_outside_content_sentences_are_dropped():
    text = "اقرأ أيضاً: انسحاب القوات\nبدأ انسحاب القوات من قاعدة عين الأسد."
    content = [{"sentence_id": 1, "start": text.index("بدأ"), "end": len(text)}]
    rows = themes.rows("a", text, content)
    assert [(r["text"], r["theme"]) for r in rows] == [("انسحاب", "withdrawal"), ("قاعدة", "bases"),
                                                        ("عين الأسد", "bases")]
    assert all(r["start"] >= content[0]["start"] for r in rows)
