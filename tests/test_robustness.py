"""Random and adversarial text through every extractor: no exception, no span outside the text, and no
catastrophic backtracking (a generous alarm fails the test instead of hanging CI; speed itself is
measured by benchmarks/scale.py)."""
from __future__ import annotations

import datetime as dt
import random
import signal
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from analysis.corpus import Article, parse_article

NASTY = list("«»“”\"„'()[]:،,.؛;!?؟%٪/-—…\n\t ") + list("ابتجحدرسصطعفقكلمنهوىيةأإآئؤء") + \
    list("0123456789٠١٢٣٤٥٦٧٨٩") + ["\u064b", "\u0651", "\u0640", "\u200e", "\u200f", "\u202b", "\u202e", "\u2066",
                                  "\u2069", "\u200c", "\x00", "\x07", "\x1b", "ﷲ", "ﻻ", "🇮", "🇶", "a", "Z", "中"]
WORDS = ["قال", "وأضاف", "الكاظمي", "2500", "جندي", "أمريكي", "الجولة", "الثالثة", "الحوار", "الاستراتيجي",
         "يونيو/حزيران", "الماضي", "كانون", "الثاني", "نحو", "آلاف", "ألفين", "وخمسمئة", "اقرأ", "أيضاً:", "«", "»",
         '"', "في", "بيان", "مشترك", "نقلت", "عن", "قوله", "إن", "%", "٪", "الخميس", "(Getty)", "\n", "،", "."]


@contextmanager
def alarm(seconds: int):
    def fail(*_):
        raise TimeoutError(f"took over {seconds} s: catastrophic backtracking?")
    old = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def check(text: str, published=dt.date(2021, 4, 7), seconds: int = 20) -> dict:
    with alarm(seconds):
        parsed = parse_article(Article("x", text, published=published))
    for name, rows in parsed.items():
        for row in rows:
            if "start" in row:
                assert 0 <= row["start"] <= row["end"] <= len(text), (name, row)
                assert text[row["start"]:row["end"]] == row["text"], (name, row)
    return parsed


@given(st.text(alphabet=st.sampled_from(NASTY), max_size=2000))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_adversarial_characters(text):
    check(text)


@given(st.lists(st.sampled_from(WORDS), max_size=400).map(" ".join))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_news_words_in_any_order(text):
    check(text)


@pytest.mark.parametrize("seed", range(5))
def test_long_lines(seed):
    rng = random.Random(seed)
    check("".join(rng.choice(NASTY + WORDS) for _ in range(rng.randint(20000, 60000))).replace("\n", " "))


@pytest.mark.parametrize("pattern", [
    '"' * 50000,                                  # unbalanced straight quotes
    "«" * 30000 + "»" * 10,                       # openers that never close
    "قال " * 30000,                               # a cue with no subject, again and again
    "2500 " * 30000,                              # numbers with no noun
    "يونيو/حزيران " * 20000,                       # month pairs with nothing else
    "الجولة " * 30000,                            # round nouns without ordinals
    "\u202b\u200f" * 50000,                        # bidi controls only
])
def test_pathological_repetitions(pattern):
    check(pattern)


def test_ten_megabyte_article(seeds):
    text = "\n".join(seeds.articles["text"]) + "\n"
    big = text * (10_000_000 // len(text.encode("utf-8")))
    parsed = check(big, seconds=300)
    assert len(parsed["statements"]) > 20000 and len(parsed["troops"]) > 2000


@given(st.text(alphabet=st.sampled_from(NASTY), max_size=300), st.lists(st.tuples(st.integers(0, 10_000),
       st.sampled_from([0xC0, 0xC1, 0xF5, 0xFE, 0xFF])), min_size=1, max_size=4))
@settings(max_examples=200, deadline=None)
def test_bad_bytes_become_one_replacement_each_where_they_were(text, inserts):
    """Bytes that are never UTF-8, put between the characters of mostly-Arabic text: decoding gives the text
    back with one U+FFFD at each place, and says at which byte offsets (nothing else changes)."""
    from analysis.decoding import decode_bytes
    text = "قال المتحدث إن الاجتماع انتهى مساء أمس. " + text.replace("\x00", "")
    chars = sorted({min(i, len(text)) for i, _ in inserts})
    data, expect, offsets, last = b"", "", [], 0
    for at, (_, byte) in zip(chars, inserts):
        data += text[last:at].encode()
        expect += text[last:at] + "\ufffd"
        offsets.append(len(data))
        data += bytes([byte])
        last = at
    data += text[last:].encode()
    expect += text[last:]
    try:
        decoded = decode_bytes(data)
    except ValueError as err:  # random control characters can make it binary; nothing else may fail
        assert str(err).startswith("binary file: too many control characters"), err
        return
    assert decoded.encoding == "utf-8" and decoded.text == expect
    assert [d.byte for d in decoded.damage] == offsets and {d.kind for d in decoded.damage} == {"undecodable"}
    assert [decoded.text[d.char] for d in decoded.damage] == ["\ufffd"] * len(offsets)


@given(st.binary(max_size=3000))
@example(b"\xef\x80\x80")  # starts with a byte of the BOM: bytes.lstrip(BOM) would strip it
@example(b"\xef\xbb\xbf\xef\xbb\xbfabc")  # two byte order marks
@settings(max_examples=300, deadline=None)
def test_any_bytes_decode_or_say_why(data):
    from analysis.decoding import decode
    try:
        text, encoding, caveat = decode(data)
    except ValueError as err:
        assert str(err).split(":")[0] in ("empty file", "binary file", "undecodable"), err
        return
    assert encoding in ("utf-8", "cp1256", "utf-16") and "\x00" not in text and "\r" not in text
    expected = data.decode("utf-8").lstrip("\ufeff") if caveat is None else None  # leading byte order marks go
    assert caveat is not None or expected.replace("\r\n", "\n").replace("\r", "\n") == text
