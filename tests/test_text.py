"""Normalisation for matching, offsets back to the original, sentence splitting, boilerplate."""
from __future__ import annotations

import re
import string
import sys

import pytest
from hypothesis import given, settings, strategies as st

from analysis.text import (_FOLD_PAIRS, _TERMINATOR, _TERMINATOR_FIRST, WordPatterns, alternatives, boilerplate_lines, line_kind, lowered, normalize, normalize_spans, paragraph_spans,
                           split_sentences, terminators, to_ascii_digits, words_of)


def test_normalize_folds_letters_digits_and_marks():
    assert normalize("أَكَّدَ") == "اكد"
    assert normalize("إبريل") == normalize("ابريل") == "ابريل"
    assert normalize("آذار") == "اذار"
    assert normalize("مدينة") == "مدينه"
    assert normalize("على") == "علي"
    assert normalize("الإستراتيجيّ") == normalize("الاستراتيجي")
    assert normalize("مـــرحبا") == "مرحبا"  # tatweel
    assert normalize("٢٠٢١") == "2021" and normalize("۲۰۲۱") == "2021"
    assert normalize("٦٠٪") == "60%"
    assert normalize("٢٬٥٠٠") == "2,500"


def test_folds_are_one_pass():
    """normalize applies the folds one str.replace at a time: that equals one simultaneous pass only while
    no fold's result is itself folded."""
    assert not set(_FOLD_PAIRS.values()) & set(_FOLD_PAIRS)
    every = "".join(_FOLD_PAIRS)
    assert normalize(every) == every.translate(str.maketrans(_FOLD_PAIRS))


def test_lowered_pattern_on_lowered_text_is_ignorecase():
    pattern = r"(?P<Site>AlArabiya|Read\s+Also)\S*\W\B|(?P=Site)x|العربيه\.نت"
    assert lowered(pattern) == r"(?P<Site>alarabiya|read\s+also)\S*\W\B|(?P=Site)x|العربيه\.نت"
    for text in ("ALARABIYA.net ", "alArabiya: ", "READ  also, ", "موقع العربيه.نت", "AlArabiyax", "Read AlsoS"):
        a = re.search(pattern, text, re.IGNORECASE)
        b = re.search(lowered(pattern), text.lower())
        assert (a and a.span()) == (b and b.span()), text


def test_to_ascii_digits_changes_only_digits():
    assert to_ascii_digits("في ٢٢ مارس ٢٠٢١ بنسبة ٦٠٪") == "في 22 مارس 2021 بنسبة 60%"
    assert to_ascii_digits("أَكَّدَ") == "أَكَّدَ"


def test_normalize_spans_maps_back_to_original():
    text = "وقال الكاظميّ: «كفى حروباً» اليوم"
    norm = normalize_spans(text)
    i = norm.text.index("حروبا")
    s, e = norm.span(i, i + len("حروبا"))
    assert text[s:e] == "حروباً"  # the tanween belongs to the word
    j = norm.text.index("الكاظمي")
    s, e = norm.span(j, j + len("الكاظمي"))
    assert text[s:e] == "الكاظميّ"


@given(st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي أإآىة" + "\u064b\u064e\u0651\u0640\u200f٠١٢" + string.digits + ".،"))))
@settings(max_examples=300, deadline=None)
def test_normalize_spans_roundtrip(text):
    norm = normalize_spans(text)
    assert norm.text == normalize(text)
    for i in range(len(norm.text)):
        s, e = norm.span(i, i + 1)
        assert 0 <= s < e <= len(text)
        assert normalize(text[s:e]) == norm.text[i]


def test_split_sentences_on_arabic_punctuation():
    text = "هل انتهى الحوار؟ لا. بل بدأ للتو! وسيستمر؛ كما قال."
    parts = [text[s:e] for s, e in split_sentences(text)]
    assert parts == ["هل انتهى الحوار؟", "لا.", "بل بدأ للتو!", "وسيستمر؛", "كما قال."]


def test_split_sentences_on_seed_dot_comma_joins():
    text = 'أن الولايات المتحدة "ستُواصل تقليص" وجودها "خلال الأشهر المقبلة"., وقالت حكومتا البلدين في البيان.'
    parts = [text[s:e] for s, e in split_sentences(text)]
    assert parts[0].endswith('"خلال الأشهر المقبلة".,')
    assert parts[1].startswith("وقالت")


def test_split_sentences_keeps_abbreviations_and_numbers():
    text = "التقى د. فؤاد حسين بالسفير في 08.04.2021 وقدّر النسبة بـ 3.5 بالمئة. ثم غادر."
    parts = [text[s:e] for s, e in split_sentences(text)]
    assert len(parts) == 2 and parts[1] == "ثم غادر."


def test_split_sentences_paragraphs_are_boundaries():
    text = "العنوان بلا نقطة\n\nالفقرة الأولى. والثانية\r"
    assert [text[s:e] for s, e in split_sentences(text)] == ["العنوان بلا نقطة", "الفقرة الأولى.", "والثانية"]


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_sentences_cover_every_non_space_character(text):
    covered = set()
    for s, e in split_sentences(text):
        assert text[s:e] == text[s:e].strip() and s < e
        covered.update(range(s, e))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


def test_line_kinds_of_page_chrome():
    assert line_kind("اقرأ أيضاً:") == "read_also"
    assert line_kind("إقرأ ايضاً:") == "read_also"
    assert line_kind("اقرأ/ي أيضًا: الحوار الاستراتيجي مع الولايات المتحدة") == "read_also"
    assert line_kind("الأكثر قراءة") == "most_read"
    assert line_kind("شارك فيسبوك تويتر واتساب") == "share"
    assert line_kind("يرجح أن تشهد الجولة تحديد موعد نهائي لانسحاب القوات الأمريكية (Getty)") == "caption"
    assert line_kind("جنود في قاعدة عين الأسد (أ ف ب)") == "caption"
    assert line_kind("2023-05-01 12:33:45") == "timestamp"
    assert line_kind("آخر تحديث: 18 أغسطس 2020") == "timestamp"
    assert line_kind("نشر في: الإثنين 17 أغسطس 2020") == "dateline"
    assert line_kind("kurdistan24.net") == "url"
    assert line_kind("الترا عراق - فريق التحرير") == "byline"
    assert line_kind("— المكتب الإعلامي لرئيس الوزراء (@IraqiPMO) April 7, 2021") == "tweet"
    assert line_kind("الرئيسية | أخبار | سياسة | اقتصاد") == "menu"
    assert line_kind("جميع الحقوق محفوظة © 2021") == "copyright"


def test_line_kind_leaves_content_alone():
    for line in ("وقال الكاظمي إن الحوار مستمر.", "وتابع \"جرى تأكيد الانسحاب\".",
                 "تصريحات الكاظمي", "نشر الجيش الأمريكي قواته في المنطقة."):
        assert line_kind(line) is None, line


def test_read_also_link_list_and_tweet_body():
    text = ("وقال الوزير إن الحوار مستمر.\nنص التغريدة هنا\n— الوزير (@minister) April 7, 2021\n"
            "اقرأ أيضاً:\nعنوان مقال أول\nعنوان مقال ثان\n")
    spans = paragraph_spans(text)
    assert boilerplate_lines(text, spans) == [None, "tweet", "tweet", "read_also", "read_also", "read_also"]


SENTENCE_TEXT = st.text(alphabet=st.sampled_from(list("ابتمنهوي 0123456789\n\t.!?؟؛;…\"'»”’)]،,«(xد")))


@given(SENTENCE_TEXT)
@settings(max_examples=400, deadline=None)
def test_terminator_pattern_is_the_plain_one(text):
    """_TERMINATOR (its first class written out, so re can skip ahead) finds what the plain pattern finds."""
    plain = re.compile(r"[.!?؟؛;…]+[\"'»”’)\]]*[.,،]?(?=\s|$)")
    assert [m.span() for m in _TERMINATOR.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in terminators(text)] == [m.span() for m in plain.finditer(text)]
    assert _TERMINATOR.pattern.startswith(f"[{_TERMINATOR_FIRST}]")  # (terminators tries it where these stand)


@given(st.text() | st.text(alphabet=st.sampled_from(list("ابتمنهوي_ x1٢\n\t\u00a0\u2003\u200f\u0651.،«»-"))))
@settings(max_examples=400, deadline=None)
def test_words_of_is_findall_of_word_runs(text):
    assert words_of(text) == re.findall(r"\w+", text)


def test_words_of_rests_on_white_space_never_being_a_word_character():
    """What words_of assumes, over every code point: str.split cuts only at characters \\w does not match,
    and \\w matches what str.isalnum says and "_"."""
    word = re.compile(r"\w")
    for c in map(chr, range(sys.maxunicode + 1)):
        assert (word.match(c) is not None) == (c.isalnum() or c == "_"), hex(ord(c))
        assert not (c.isspace() and c.isalnum()), hex(ord(c))


TAGGED = [("US", r"(ال)?(امريك|اميرك)\w*"), ("US", "الولايات المتحده"), ("Iraq", r"العراق|بغداد|عراقي\w*"),
          ("coalition", "التحالف|قوات التحالف الدولي"), ("word", "قوات"), ("word", "ال")]
PIECES = ["الامريكي", "والاميركيه", "امريكا", "الولايات", "المتحده", "العراق", "بالعراق", "عراقيين", "بغداد",
          "التحالف", "قوات التحالف الدولي", "الدولي", "قوات", "ال", "لقوات", "و", " ", "  ", "\n", "،", ".", "x", "_"]


@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.integers(0, 40), st.integers(0, 200))
@settings(max_examples=400, deadline=None)
def test_word_patterns_find_what_each_pattern_finds(text, start, end):
    """WordPatterns (a one-pass prefilter) against each pattern's own finditer, within bounds."""
    wp = WordPatterns(TAGGED, "وبل")
    expected = sorted((m.start(), i, m.end()) for i, (tag, p) in enumerate(TAGGED)
                      for m in re.compile(rf"(?<!\w)[وبل]?(?:{p})(?!\w)").finditer(text, start, end))
    got = [(m.start(), [t for t, _ in TAGGED].index(tag), m.end()) for tag, m in wp.finditer(text, start, end)]
    # patterns sharing a tag: compare spans per tag
    assert sorted((s, TAGGED[i][0], e) for s, i, e in expected) == sorted((s, TAGGED[i][0], e) for s, i, e in got)
    assert [s for s, _, _ in got] == sorted(s for s, _, _ in got)
    first = min(expected, default=None)
    assert wp.first(text, start, end) == (TAGGED[first[1]][0] if first else None)


@pytest.mark.parametrize("pattern, parts", [
    ("a|bc", ["a", "bc"]), ("(?:a|b)|c", ["(?:a|b)", "c"]), (r"\||y", [r"\|", "y"]), ("[|]|x", ["[|]", "x"]),
    ("[]|]|z", ["[]|]", "z"]), ("[^]|]|w", ["[^]|]", "w"]), (r"[\]|]|v", [r"[\]|]", "v"]), ("abc", ["abc"]),
    (r"كوردستان\s*24|kurdistan24", [r"كوردستان\s*24", "kurdistan24"]), ("a||b", ["a", "", "b"]),
])
def test_alternatives_split_only_at_the_top_level(pattern, parts):
    assert alternatives(pattern) == parts
    for text in ("a", "bc", "|", "y", "]", "x", "kurdistan24", "zz", "v", "^"):
        assert bool(re.search(pattern, text)) == any(re.search(p, text) for p in parts), text
