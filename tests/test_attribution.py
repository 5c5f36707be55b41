"""How Arabic news attributes speech, construction by construction (issue 14), in sentences written here:
subject before its verb, names in quotation marks, particles before cues, participles, speech inside
documents, and collective speakers. Each case says who speaks and how the speaker was found."""
from __future__ import annotations

import datetime as dt

import pytest

from analysis.corpus import Article, parse_article

PUB = dt.date(2021, 4, 7)


def parsed(text: str, published=PUB) -> list[dict]:
    return parse_article(Article("t", text, published=published))["statements"]


def said(text: str, published=PUB, kinds=("statement", "indirect")) -> list[tuple[str, str, str]]:
    """(kind, speaker, attribution) of each statement, quoted or reported."""
    return [(r["kind"], r["speaker"], r["attribution"]) for r in parsed(text, published) if r["kind"] in kinds]


# ------------------------------------------------------------------ subject before its verb
@pytest.mark.parametrize("text, speaker", [
    ("مستشار الأمن القومي الأميركي، جيك سوليفان، قال في تغريدة: «الحوار مع بغداد يسير في الاتجاه الصحيح».",
     "جيك سوليفان"),
    ("والحكومة العراقية أكدت في بيانها أن «القواعد ستبقى تحت سيطرة القوات العراقية وحدها».", "الحكومة العراقية"),
    ("من جهتها، السفيرة ألينا رومانوسكي قالت إن «بلادها ملتزمة بدعم القوات العراقية».", "ألينا رومانوسكي"),
    ("وكان الكاظمي قد قال في مقابلة تلفزيونية إن «العراق لا يحتاج إلى قوات قتالية أجنبية».", "مصطفى الكاظمي"),
    ("وكانت مصادر مطلعة لـ«الصباح» أفادت بأن «الوفد العراقي سيحمل ملف الانسحاب إلى واشنطن».", "مصادر مطلعة"),
    ("الرئيس العراقي برهم صالح، من جهته، شدد على أن «السيادة خط أحمر لا يمكن تجاوزه».", "برهم صالح"),
])
def test_subject_before_its_verb(text, speaker):
    assert said(text, kinds=("statement",)) == [("statement", speaker, "subject-first")]


def test_a_title_before_its_verb_refers_back():
    text = ("وصل وزير الخارجية العراقي فؤاد حسين إلى واشنطن أمس على رأس وفد رفيع.\n"
            "الوزير أكد أن «الانسحاب سيكتمل قبل نهاية العام الحالي».")
    assert said(text, kinds=("statement",)) == [("statement", "فؤاد حسين", "anaphora")]


@pytest.mark.parametrize("text", [
    "وقال الكاظمي إن بغداد وواشنطن أكدتا «التزامهما بالجدول الزمني المتفق عليه بين البلدين».",
    "وأضاف الكاظمي أن الحكومة، بكل مؤسساتها، أكدت «التزامها بحماية البعثات الدبلوماسية في بغداد».",
    "وأوضح الكاظمي أن العراق، الذي عانى طويلا، أكد «رفضه أن يكون ساحة لتصفية الحسابات الإقليمية».",
])
def test_a_verb_inside_reported_speech_keeps_the_speaker(text):
    assert said(text, kinds=("statement",)) == [("statement", "مصطفى الكاظمي", "cue")]


# ------------------------------------------------------------------ names in quotation marks
@pytest.mark.parametrize("text, speaker", [
    ('وقال "أبو علي العسكري" إن الفصائل "لن تقبل بأي وجود أجنبي على أرض العراق".', "أبو علي العسكري"),
    ('فيما أشار "أبو فدك" إلى أن "المقاومة ستواصل عملياتها حتى خروج آخر جندي".', "أبو فدك"),
    ('وقال «أبو آلاء الولائي» إن «الهدنة مع القوات الأجنبية انتهت منذ أسابيع».', "أبو آلاء الولائي"),
])
def test_a_name_in_quotation_marks_is_a_name(text, speaker):
    rows = parsed(text)
    assert [(r["kind"], r["speaker"]) for r in rows if r["kind"] != "indirect"] == [("term", None), ("statement", speaker)]
    assert rows[0]["quote"] == speaker


def test_a_name_in_quotation_marks_speaks_indirectly_too():
    rows = parsed('وقال "أبو آلاء الولائي" إن الهدنة مع القوات الأجنبية انتهت.')
    assert [(r["kind"], r["speaker"], r["text"]) for r in rows] == [
        ("term", None, '"أبو آلاء الولائي"'), ("indirect", "أبو آلاء الولائي", "إن الهدنة مع القوات الأجنبية انتهت")]


def test_a_long_quotation_after_the_cue_is_what_was_said():
    rows = parsed('وقال الكاظمي "إن الحوار مع واشنطن سيستمر حتى تحقيق أهدافه".')
    assert [(r["kind"], r["speaker"]) for r in rows] == [("statement", "مصطفى الكاظمي")]


# ------------------------------------------------------------------ particles before cues
@pytest.mark.parametrize("lead", ["كما", "فيما", "إذ", "بينما", "من جانبه،", "من جهته،", "بدوره،", "وقد", "لكن"])
def test_a_particle_before_a_cue(lead):
    text = f'وانتهى الاجتماع بعد ساعتين، {lead} قال الكاظمي إن "الحوار حقق أهدافه كاملة في هذه الجولة".'
    assert said(text, kinds=("statement",)) == [("statement", "مصطفى الكاظمي", "cue")]


@pytest.mark.parametrize("cue", ["كما أضاف:", "وأضاف:", "فيما تابع:", "وتابع قائلا:"])
def test_a_cue_before_a_colon_is_not_a_name(cue):
    alone = said(f'{cue} "لن نسمح بأن يكون العراق ساحة لتصفية الحسابات".', kinds=("statement",))
    assert all(speaker is None for _, speaker, _ in alone)
    text = f'وقال فؤاد حسين إن الحوار مستمر.\n{cue} "لن نسمح بأن يكون العراق ساحة لتصفية الحسابات".'
    assert said(text, kinds=("statement",)) == [("statement", "فؤاد حسين", "carried")]


# ------------------------------------------------------------------ participles
@pytest.mark.parametrize("text, speaker", [
    ('تحدث رئيس الوزراء العراقي مصطفى الكاظمي في مؤتمر صحفي اليوم الأربعاء عن ذلك قائلاً: '
     '"العراق لن يكون منطلقا للاعتداء على أحد".', "مصطفى الكاظمي"),
    ('واستقبل الرئيس العراقي برهم صالح الوفد الأميركي في بغداد، مؤكداً أن "العراق حريص على علاقات متوازنة".',
     "برهم صالح"),
    ('والتقى وزير الخارجية الأميركي أنتوني بلينكن نظيره العراقي في واشنطن، مشيراً إلى أن "الشراكة أعمق من الملف '
     'الأمني".', "أنتوني بلينكن"),
])
def test_a_participle_takes_its_sentences_subject(text, speaker):
    assert said(text, kinds=("statement",)) == [("statement", speaker, "participle")]


def test_a_participle_after_a_cue_in_its_sentence():
    text = "وأوضح فؤاد حسين أن الحوار مستمر، مشيراً إلى أن الجولة المقبلة ستعقد في واشنطن."
    got = parsed(text)
    assert [(r["speaker"], r["attribution"], r["text"]) for r in got] == [
        ("فؤاد حسين", "cue", "أن الحوار مستمر"),
        ("فؤاد حسين", "participle", "أن الجولة المقبلة ستعقد في واشنطن")]


def test_a_participle_alone_carries_the_previous_speaker():
    text = 'وقال فؤاد حسين إن الحوار مستمر.\nوانتهت الجلسة مساء، مضيفاً أن "الجولة المقبلة ستعقد في بغداد قريبا".'
    assert said(text, kinds=("statement",)) == [("statement", "فؤاد حسين", "carried")]


# ------------------------------------------------------------------ speech inside a document
@pytest.mark.parametrize("text, speaker", [
    ("وألقى الكاظمي كلمة أمام البرلمان جاء فيها أن «العراق يرفض أن يكون ساحة للصراعات الإقليمية».",
     "مصطفى الكاظمي"),
    ("وأصدرت وزارة الخارجية العراقية بياناً مساء أمس.\n"
     'وجاء في البيان أن "الحكومة ماضية في تنفيذ التزاماتها الدولية كاملة".', "وزارة الخارجية العراقية"),
    ("وجاء في بيان صادر عن وزارة الدفاع البريطانية أن «القوات نفذت ضربات جوية على مواقع التنظيم».",
     "وزارة الدفاع البريطانية"),
    ("وجاء ذلك في بيان لوزارة الخارجية العراقية أكدت فيه أن «الحكومة ترفض أي اعتداء على البعثات».",
     "وزارة الخارجية العراقية"),
])
def test_speech_inside_a_document(text, speaker):
    assert said(text, kinds=("statement",)) == [("statement", speaker, "document")]


def test_speech_inside_a_document_reported_indirectly():
    text = "وألقى الكاظمي كلمة أمام البرلمان جاء فيها أن العراق يرفض أن يكون ساحة للصراعات الإقليمية."
    got = parsed(text)
    assert [(r["kind"], r["speaker"], r["attribution"], r["text"]) for r in got] == [
        ("indirect", "مصطفى الكاظمي", "document", "أن العراق يرفض أن يكون ساحة للصراعات الإقليمية")]


def test_a_document_word_ends_the_subject():
    got = parsed("وأصدرت وزارة الدفاع البريطانية بياناً أكدت فيه أن «قواتها لن تغادر العراق قبل نهاية المهمة».")
    assert [(r["speaker"], r["speaker_mention"]) for r in got] == [("وزارة الدفاع البريطانية", "وزارة الدفاع البريطانية")]


def test_according_to_the_statement_is_its_issuer():
    text = ("وأصدرت السفارة الأميركية في بغداد بياناً أمس.\n"
            "وبحسب البيان، فإن الجانبين اتفقا على عقد جولة جديدة في الخريف.")
    got = parsed(text)
    assert [(r["kind"], r["speaker"], r["attribution"]) for r in got] == [
        ("indirect", "السفارة الأمريكية", "document")]


@pytest.mark.parametrize("text, speaker, attribution", [
    ("ووفق ما نقلته وكالة الأنباء العراقية، فإن اللجان الفنية ستجتمع الأسبوع المقبل.", "وكالة الأنباء العراقية",
     "reported"),
    ("وبحسب ما أفادت وزارة الخارجية العراقية، فإن الجولة المقبلة ستعقد في بغداد.", "وزارة الخارجية العراقية", "cue"),
    ("ونقلت الوكالة عن فؤاد حسين قوله إن الحوار سيتواصل حتى تحقيق أهدافه.", "فؤاد حسين", "reported"),
])
def test_reported_through_an_agency(text, speaker, attribution):
    assert said(text) == [("indirect", speaker, attribution)]


def test_a_tweet_and_an_interview():
    tweet = 'وكتب بلينكن في تغريدة: "سعدت بلقاء نظيري العراقي اليوم في واشنطن".'
    assert said(tweet) == [("statement", "أنتوني بلينكن", "cue")]
    interview = 'وقال الكاظمي في مقابلة مع قناة "الحرة" إن "القرار بيد العراقيين وحدهم دون سواهم".'
    rows = parsed(interview)
    assert [(r["kind"], r["speaker"]) for r in rows] == [("term", None), ("statement", "مصطفى الكاظمي")]


# ------------------------------------------------------------------ collective speakers
@pytest.mark.parametrize("text", [
    'وأكد البلدان أن "الحوار الاستراتيجي سيتواصل في الأشهر المقبلة".',
    "واتفق الجانبان على أن تعقد الجولة المقبلة في بغداد.",
    "وأقر الطرفان بأن الطريق إلى اتفاق نهائي ما زال طويلا.",
    "وأكدت واشنطن وبغداد أن المهمة القتالية انتهت.",
    "وذكرت الحكومتان العراقية والأمريكية أن اللجان ستجتمع الشهر المقبل.",
    'وقالت حكومتا البلدين إن "التعاون سيتواصل في مجالات الطاقة والصحة والتعليم".',
    "العاصمتان، في بيان مشترك، أن التعاون الأمني سيتواصل.",
])
def test_the_two_parties_speak_as_the_joint_statement(text):
    got = said(text)
    assert len(got) == 1 and got[0][1:] == ("البيان المشترك", "joint"), got


def test_one_government_is_not_the_joint_statement():
    assert said("وأكدت بغداد أن المهمة القتالية انتهت.") == [("indirect", "الحكومة العراقية", "cue")]


# ------------------------------------------------------------------ a cue with no subject, in a sentence that has one
def test_a_cue_with_no_subject_continues_its_sentences_subject_not_the_previous_speaker():
    text = ('وقال وزير النقل سليم الحداد إن "الطريق سيفتح قريباً أمام الشاحنات".\n'
            "واستقبل رئيس الحكومة نادر فارس، أمس، الوفد في مكتبه، وقال في بيان إن الزيارة ناجحة.")
    assert said(text)[-1][1:] == ("نادر فارس", "carried")


@pytest.mark.parametrize("text", [
    "أما رئيس البلدية نادر فارس فقال إن الزيارة ناجحة.",  # أما X فـ…
    "أما المتحدث باسم البلدية، نادر فارس، فكتب في تغريدة أن الزيارة ناجحة.",  # the name in commas, then فـ
])
def test_a_subject_before_a_verb_with_fa(text):
    text = 'وقال وزير النقل سليم الحداد إن "الطريق سيفتح قريباً أمام الشاحنات".\n' + text
    assert said(text)[-1][1] == "نادر فارس"


def test_a_document_with_no_issuer_speaks_as_the_text_names_it():
    text = ("اختتمت القمة أعمالها أمس.\n"
            'وجاء في البيان الختامي: «يؤكد القادة حرصهم على تعزيز التعاون الاقتصادي».\n'
            "كما أشار البيان إلى أن القمة المقبلة ستعقد في الرباط.")
    assert [(s[1], s[2]) for s in said(text)] == [("البيان الختامي", "document"), ("البيان الختامي", "document")]


def test_a_participle_after_a_title_that_opens_the_sentence():
    text = ('وقال قائد الشرطة سامي الراشد إن "الوضع تحت السيطرة تماماً".\n'
            'الرئيس الفنزويلي دافع عن قراره قائلاً في بيان: "لن نتراجع عن هذا القرار أبداً".')
    assert said(text)[-1][1] == "الرئيس الفنزويلي"


def test_a_quoted_name_then_the_document_then_the_clause():
    text = 'وقالت "جماعة الفجر" في بيان إنها ستواصل عملياتها في المنطقة.'
    assert said(text) == [("indirect", "جماعة الفجر", "cue")]


# ------------------------------------------------------------------ session 6: four more constructions
@pytest.mark.parametrize("text, speaker", [
    ('وقال "أبو خالد"، وهو مزارع من ريف حماة، إن الأمطار تأخرت هذا العام.', "أبو خالد"),
    ('وقالت "أم سعيد"، التي فقدت منزلها في الزلزال، إن المساعدات لم تصل بعد.', "أم سعيد"),
])
def test_a_quoted_name_then_a_description_in_commas(text, speaker):
    assert said(text) == [("indirect", speaker, "cue")]


def test_a_quoted_name_then_commas_without_a_clause_after_is_not_a_name():
    text = 'وقال "الطريق مغلق"، وهو يشير إلى الجسر، ثم غادر.'  # no complementizer after the commas
    assert all(s[1] != "الطريق مغلق" for s in said(text, kinds=("statement", "indirect", "term")))


@pytest.mark.parametrize("text, speaker, role", [
    ('وقال رئيس «الحزب الأخضر» النائب سامر حداد إن الحكومة لن تنال الثقة.', "سامر حداد", "رئيس «الحزب الأخضر» النائب"),
    ('وأكد زعيم «تيار النهضة» وليد منصور أن الانتخابات ستجري في موعدها.', "وليد منصور", "زعيم «تيار النهضة»"),
    # the body's name in quotes deeper in the title, after its body noun (with ل or not)
    ('وأكد رئيس المكتب السياسي لحركة "النهضة" وليد منصور أن الانتخابات ستجري في موعدها.', "وليد منصور",
     'رئيس المكتب السياسي لحركة "النهضة"'),
    ('وقال نائب رئيس المجلس التنفيذي لحزب «العمل» رامي خوري إن الحكومة لن تنال الثقة.', "رامي خوري",
     "نائب رئيس المجلس التنفيذي لحزب «العمل»"),
])
def test_a_title_over_a_quoted_body_then_the_name(text, speaker, role):
    got = parsed(text)
    assert [(r["speaker"], r["speaker_role"]) for r in got if r["kind"] == "indirect"] == [(speaker, role)]


@pytest.mark.parametrize("text, speaker", [
    ("وكانت المبادرة التي أطلقها الرئيس الفرنسي جان دوران مطلع أيلول قد تعثرت.\n"
     "وقال الرئيس الفرنسي إن الفرصة ما زالت قائمة.", "جان دوران"),
    ("وكانت الخطة التي أعلنها الوزير سامي الراشد منتصف العام قد أثارت جدلاً.\n"
     "وقال الوزير إن الخطة ستنفذ كاملة.", "سامي الراشد"),
])
def test_a_time_phrase_ends_the_name_of_a_person_introduced(text, speaker):
    assert said(text) == [("indirect", speaker, "anaphora")]  # not «جان دوران مطلع أيلول»


def test_an_informed_source_keeps_its_adjective():
    """مطلع is also «informed»: only before a month or a period noun does it start a time phrase."""
    assert said("وقال مسؤول حكومي مطلع إن الاجتماع تأجل.") == [("indirect", "مسؤول حكومي مطلع", "cue")]


def test_a_title_after_a_continuing_cue_is_the_speaker_before():
    text = ("وألقى سامي الراشد كلمة في المؤتمر جاء فيها أنه سيشكل حكومة كفاءات.\n"
            'وأضاف رئيس الوزراء المكلف: «لن نضيع يوماً واحداً».')
    assert said(text)[-1] == ("statement", "سامي الراشد", "anaphora")
    assert parsed(text)[-1]["speaker_role"] == "رئيس الوزراء المكلف"


def test_a_title_after_a_cue_that_does_not_continue_stays_the_title():
    text = ("وألقى سامي الراشد كلمة في المؤتمر جاء فيها أنه سيشكل حكومة كفاءات.\n"
            'وقال رئيس الوزراء المكلف: «لن نضيع يوماً واحداً».')  # قال opens anyone's words: not resolved
    assert said(text)[-1][1:] == ("رئيس الوزراء المكلف", "title")


def test_a_continuing_cue_does_not_cross_to_another_office():
    text = ('وقال وزير المالية سامي الراشد إن "العجز سينخفض".\n'
            'وأضاف رئيس الوزراء المكلف: «لن نضيع يوماً واحداً».')  # the speaker before held another office
    assert said(text)[-1][1:] == ("رئيس الوزراء المكلف", "title")


@pytest.mark.parametrize("opening", ["من جهته،", "في المقابل،", "بدوره،"])
def test_a_participle_after_an_opening_adverbial_has_its_sentences_subject(opening):
    text = ('وقال وزير النقل سليم الحداد إن "الطريق سيفتح قريباً".\n'
            f'{opening} حمّل رئيس النقابة، نادر فارس، الوزارة مسؤولية التأخير، مؤكداً أن "الشاحنات تنتظر منذ شهر".')
    assert said(text)[-1][1:] == ("نادر فارس", "participle")


@pytest.mark.parametrize("before", [
    "وترأس الوفد وزير الزراعة، سامي الراشد، الذي قال",  # a verb and its object, then the subject
    "ووصل إلى بغداد وزير الزراعة سامي الراشد، الذي قال",  # a verb and a place
    "سامي الراشد، وزير الزراعة، قال",  # the title after the name, in commas
    "وزير الزراعة سامي الراشد، الذي زار المدينة أمس، قال",  # a relative clause between subject and verb
])
def test_a_subject_before_its_verb_past_an_opening_verb_or_a_relative_clause(before):
    text = f'{before} في مؤتمر صحفي: "المحصول هذا العام أفضل من المتوقع".'
    assert said(text) == [("statement", "سامي الراشد", "subject-first")]


def test_a_name_before_a_title_in_one_phrase_stays_the_subject():
    text = 'عزيز الحداد رئيس الحزب قال في مؤتمر صحفي: "المحصول هذا العام أفضل من المتوقع".'
    assert said(text)[0][1] == "عزيز الحداد"


@pytest.mark.parametrize("addressee", ["لرووداو", "لوكالة «الأنباء الوطنية»", "للصحيفة"])
def test_whom_a_source_spoke_to_is_not_the_speaker(addressee):
    text = f'مدير مطار المدينة، نادر فارس، قال {addressee}: "الرحلات ستعود الأسبوع المقبل".'
    assert said(text) == [("statement", "نادر فارس", "subject-first")]


@pytest.mark.parametrize("verb", ["قدمها", "أصدرتها", "نشرتها", "أعدها", "وزعها"])
def test_a_document_and_the_verb_that_names_its_author(verb):
    text = f"وجاء في وثيقة {verb} نقابة المعلمين أن الإضراب سيستمر حتى نهاية الشهر."
    assert said(text) == [("indirect", "نقابة المعلمين", "document")]


@pytest.mark.parametrize("text, speaker, mention", [
    ("وقال بيان للخارجية الأردنية إن الوفد سيزور القاهرة.", "الخارجية الأردنية", "للخارجية الأردنية"),
    ("وذكر تقرير لمنظمة الصحة العالمية أن الإصابات تراجعت.", "منظمة الصحة العالمية", "منظمة الصحة العالمية"),
    ("وأفاد بيان صادر عن نقابة المعلمين بأن الإضراب سيستمر.", "نقابة المعلمين", "نقابة المعلمين"),
    ("وأكدت وثيقة قدمها وفد المعارضة أن الحل سياسي.", "وفد المعارضة", "وفد المعارضة"),
    ('وقالت مذكرة لبنك "النخيل" إن الأسعار سترتفع.', "بنك النخيل", 'بنك "النخيل"'),
])
def test_a_document_as_subject_speaks_for_its_author(text, speaker, mention):
    got = [r for r in parsed(text) if r["kind"] == "indirect"]
    assert [(r["speaker"], r["attribution"], r["speaker_mention"]) for r in got] == [(speaker, "document", mention)]


def test_a_document_with_no_author_named_after_it_speaks_as_the_text_names_it():
    assert said("وقال بيان رسمي إن الوفد سيزور القاهرة.") == [("indirect", "بيان رسمي", "cue")]


def test_a_cue_after_a_name_ends_it_but_a_homograph_may_be_a_name_word():
    text = ('ورئيس البلدية سامي الراشد قال في كلمة: "الطريق سيفتح قريباً أمام الشاحنات".\n'
            "وأشار الأخير إلى أن الأعمال ستنتهي في الصيف.")
    assert [s[1] for s in said(text)] == ["سامي الراشد", "سامي الراشد"]  # not «سامي الراشد قال»
    text = "وقال المتحدث باسم الخارجية الصينية وانغ ون بين إن الزيارة ناجحة."
    assert said(text) == [("indirect", "وانغ ون بين", "cue")]


# ------------------------------------------------------------------ titles and names as other outlets write them
@pytest.mark.parametrize("text, speaker", [
    # a title chain with a place, then the name of who holds the post
    ("وقال المبعوث الخاص لرئيس مفوضية الاتحاد الأفريقي في الصومال عمر حسن نور، في حفل: «غادرنا القواعد».",
     "عمر حسن نور"),
    ("وقال السفير الفرنسي في ليبيا كريم بدر إن «العلاقات في أحسن حالاتها».", "كريم بدر"),  # a known place
    # acting (بالإنابة) is part of the title, not of the name
    ("وقالت الممثلة الخاصة للأمين العام بالإنابة هالة الصافي: «الطريق لا يزال طويلاً».", "هالة الصافي"),
    # a particle inside a foreign name, though folded فان is فإن
    ("وقال رئيس البعثة يان فان دايك في مؤتمر صحافي: «النمو سيتحسن».", "يان فان دايك"),
    ("وقال الوسيط الأممي ستيفانو دي مارتينو إن «المحادثات ستستأنف».", "ستيفانو دي مارتينو"),
    # the object of رحب ب after the name is no name word
    ("ورحب رئيس الحكومة كمال الزين بالقرار، مؤكداً أنه «خطوة مهمة».", "كمال الزين"),
    # an informed source keeps what it is informed of
    ("وقال مصدر دبلوماسي مطلع على المفاوضات إن «الهدنة صامدة».", "مصدر دبلوماسي مطلع على المفاوضات"),
])
def test_titles_and_names_of_other_outlets(text, speaker):
    assert [s for _, s, _ in said(text)] == [speaker]


def test_a_complementizer_after_a_definite_word_is_no_name_particle():
    text = "وحسب وزارة الخارجية العراقية فإن الجولة المقبلة ستعقد في واشنطن."
    assert [s for _, s, _ in said(text)] == ["وزارة الخارجية العراقية"]


@pytest.mark.parametrize("text, speaker", [
    # the antecedent of «، الذي قال» is the last titled name, not the sentence's subject
    ("واستقبل الرئيس ضيفه رئيس الوزراء البلغاري نيكولاي دنكوف، الذي قال في مؤتمر مشترك: «نريد الغاز».",
     "نيكولاي دنكوف"),
    # a nickname in brackets after a name is no part of it
    ("وقال قائد الحركة أحمد سالم (أبو خالد) في تغريدة: «نرحب بالاتفاق».", "أحمد سالم"),
    # a body noun and its one-word name inside a title (لحركة حماس، حزب الأمة)
    ("وقال رئيس المكتب السياسي لجبهة صمود خالد ناصر: «الحوار بداية».", "خالد ناصر"),
])
def test_antecedents_nicknames_and_bodies_in_titles(text, speaker):
    assert [s for _, s, _ in said(text)] == [speaker]


def test_a_second_title_after_an_adjective_refers_back():
    text = ("وقال وزير الدفاع السعودي الأمير فهد بن تركي إن التعاون مستمر.\n"
            "وأوضح الأمير أن المناورات ستجري في تموز.")
    assert [s for _, s, _ in said(text)] == ["فهد بن تركي", "فهد بن تركي"]


def test_a_head_inside_another_title_does_not_refer_back():
    text = "وقال نائب الرئيس الأميركي مايك بنس إن الحوار مستمر.\nوقال الرئيس إن القرار نهائي."
    assert [s for _, s, _ in said(text)][1] != "مايك بنس"


@pytest.mark.parametrize("text, speaker", [
    ("وقال مصدر في وفد إحدى الدول الخليجية لوكالة رويترز إن النقاشات كانت صعبة.", "مصدر في وفد إحدى الدول الخليجية"),
    ("وقال مسؤول في مؤتمر صحفي مشترك إن النقاشات كانت صعبة.", "مسؤول"),  # an occasion, not where he works
])
def test_where_an_unnamed_source_works_in_a_longer_construct(text, speaker):
    assert [s for _, s, _ in said(text)] == [speaker]


@pytest.mark.parametrize("row", list(__import__("analysis.lexicons", fromlist=["table"]).table("places").itertuples()),
                         ids=lambda r: r.word)
def test_every_place_between_a_title_and_a_name(row):
    text = f"وقال السفير الفرنسي في {row.word} كريم بدر إن «العلاقات في أحسن حالاتها»."
    assert [s for _, s, _ in said(text)] == ["كريم بدر"]


def test_a_body_keeps_where_it_is():
    text = "وأعلنت وزارة الصحة العامة في غزة أن المستشفيات تعمل بطاقتها القصوى."
    assert [s for _, s, _ in said(text)] == ["وزارة الصحة العامة في غزة"]


@pytest.mark.parametrize("text, speaker", [
    ("وقال وزير الخارجية في الحكومة الليبية المعترف بها دولياً نجلاء سالم إن الحوار مستمر.", "نجلاء سالم"),
    ("وقال الرئيس المدير العام لمجمع فوسفات كمال بن علي إن «الأسعار سترتفع».", "كمال بن علي"),
])
def test_a_participle_and_its_complement_or_a_group_inside_a_title(text, speaker):
    assert [s for _, s, _ in said(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("ولم يحدد الوزير موعداً، لكن مصادر في وزارة المالية قالت لوكالة رويترز إن الخطة جاهزة.", "مصادر في وزارة المالية"),
    ("لكن مسؤولين في بغداد أكدوا أن الحوار مستمر.", "مسؤولين في بغداد"),
])
def test_an_unnamed_source_and_where_it_works_before_its_verb(text, speaker):
    assert [s for _, s, _ in said(text)] == [speaker]


# ------------------------------------------------------------------ a person noun that refers back
@pytest.mark.parametrize("second, speaker", [
    ("وأضاف المسؤول", "هانس بيترسن"),
    ("وأضاف المسؤول الأممي", "هانس بيترسن"),  # the nisba is in the title the article gave him
    ("وتابع الدبلوماسي الأممي", "هانس بيترسن"),
    ("وأضاف المسؤول الفرنسي", "المسؤول الفرنسي"),  # a nisba his title lacks: someone else, left as written
])
def test_a_person_noun_refers_to_the_latest_person_whose_title_fits(second, speaker):
    text = ("وقال المنسق الأممي للشؤون الإنسانية هانس بيترسن إن المساعدات وصلت إلى المخيمات.\n"
            f"{second} أن «الطريق ما زال مغلقاً أمام القوافل».")
    got = said(text, kinds=("statement",))
    assert [s for _, s, _ in got] == [speaker]


@pytest.mark.parametrize("text, speaker, role", [
    ('وقال النائب في كتلة "التنمية والتحرير" سامر حداد إن الحكومة لن تنال الثقة.', "سامر حداد",
     'النائب في كتلة "التنمية والتحرير"'),
    ('وأكد العضو في «حزب الوسط الديمقراطي» وليد منصور أن الانتخابات ستجري في موعدها.', "وليد منصور",
     "العضو في «حزب الوسط الديمقراطي»"),
])
def test_a_title_then_where_its_holder_sits_in_a_quoted_body_then_the_name(text, speaker, role):
    got = parsed(text)
    assert [(r["speaker"], r["speaker_role"]) for r in got if r["kind"] == "indirect"] == [(speaker, role)]


def test_a_title_then_in_a_body_without_a_name_stays_the_title():
    text = 'وقال النائب في البرلمان إن الحكومة لن تنال الثقة.'
    assert [r["speaker"] for r in parsed(text) if r["kind"] == "indirect"] == ["النائب"]


@pytest.mark.parametrize("text, speaker, role", [
    ("وقال المتحدث باسم قوات غرب ليبيا سالم الدرسي إن القوات ستلتزم بالهدنة.", "سالم الدرسي",
     "المتحدث باسم قوات غرب ليبيا"),  # a place closes the construct chain as a definite word does
    ("وقال وزير خارجية تونس كمال بن سالم إن المحادثات ستستأنف.", "كمال بن سالم", "وزير خارجية تونس"),
    ("وقال سفير إيطاليا لدى الأردن ماركو فيراري إن المحادثات ستستأنف.", "ماركو فيراري",
     "سفير إيطاليا لدى الأردن"),  # لدى + place, like في + place: where the post is
])
def test_a_title_that_names_a_place_then_the_name(text, speaker, role):
    got = parsed(text)
    assert [(r["speaker"], r["speaker_role"]) for r in got if r["kind"] == "indirect"] == [(speaker, role)]


def test_a_joint_statement_in_the_next_sentence_does_not_take_a_speaker():
    text = ("والتقى وزير الطاقة الأردني صالح الخرابشة نظيره المصري أمس.\n"
            "وأوضح الوزير أن الكميات الإضافية ستصل في الربيع. وأكد البلدان في بيان مشترك أنهما سيعملان معاً.")
    assert [s for _, s, _ in said(text)] == ["صالح الخرابشة", "البيان المشترك"]
