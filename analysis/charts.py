"""Charts of the corpus: troop levels, talk rounds, statements over time, themes.

Each function takes a `Corpus` and returns a matplotlib Figure; it never reads or saves files. Every
string drawn passes through `rtl.label` at that moment, so data stays in logical order. Arabic labels by
default (titles right-aligned, month names in Arabic, tick labels on the right where a reader starts);
`lang="en"` gives English ones.

The charts hold up on any corpus, from three articles to thousands: articles are named by a short label
unique in the corpus (`article_labels`), time is a real date axis whose ticks follow the span, many points
are aggregated (bubble sizes, months) rather than overprinted, every encoding (colour, marker, fill, size)
has a legend entry, and facts left out for want of a date are counted in the chart's note and listed by
`left_out` (rows shaped like `corpus.problems`).
"""
from __future__ import annotations

import math
from contextlib import contextmanager

import matplotlib
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from . import lexicons, rounds, themes
from .rtl import FALLBACK_FAMILY, arabic_family, label, labels, line_spacing

COLORS = {"US": "#1f4e79", "coalition": "#c55a11", "other": "#5b8c3a", "unknown": "#7f7f7f"}
MARKERS = {"US": "o", "coalition": "s", "other": "D", "unknown": "^"}
KIND_COLORS = {"statement": "#1f4e79", "indirect": "#c55a11"}
PER_ARTICLE_MAX = 12      # up to this many articles, the themes chart has one column per article
ANNOTATE_MAX = 15         # up to this many points, the troop chart names the articles at each point
TOP_SPEAKERS = 8

TEXT = {
    "troops_title": {"ar": "القوات الأمريكية في العراق: المستوى المرجعي والأرقام التي أوردتها المقالات",
                     "en": "US troops in Iraq: reference level and the figures the articles report"},
    "troops_y": {"ar": "عدد الجنود", "en": "troops"},
    "troops_y_log": {"ar": "عدد الجنود (مقياس لوغاريتمي)", "en": "troops (log scale)"},
    "reference": {"ar": "المستوى المرجعي للقوات الأمريكية", "en": "US troop level (reference)"},
    "announcement": {"ar": "إعلان خفض القوات", "en": "drawdown announced"},
    "reported": {"ar": "رقم ورد في مقالة ({force})", "en": "figure in an article ({force})"},
    "force_US": {"ar": "أمريكية", "en": "US"},
    "force_coalition": {"ar": "التحالف", "en": "coalition"},
    "force_other": {"ar": "أخرى", "en": "other"},
    "force_unknown": {"ar": "غير محددة", "en": "unspecified"},
    "dated_text": {"ar": "ممتلئة: مؤرخة في النص", "en": "filled: dated in the text"},
    "dated_published": {"ar": "مفرغة: مؤرخة بتاريخ النشر", "en": "hollow: dated by publication"},
    "round": {"ar": "الجولة {n}", "en": "round {n}"},
    "troops_note": {"ar": "المصادر: data/troop_levels.csv (المستوى المرجعي)؛ المقالات (النقاط).",
                    "en": "Sources: data/troop_levels.csv (reference); the articles (points)."},
    "troops_named": {"ar": "فوق كل نقطة رمز المقالة.", "en": "Above each point: the article's label."},
    "troops_unnamed": {"ar": "المقالات في جدول troops.", "en": "The articles: see the troops table."},
    "rounds_title": {"ar": "جولات الحوار الاستراتيجي بين العراق والولايات المتحدة",
                     "en": "Rounds of the US–Iraq strategic dialogue"},
    "rounds_detail": {"ar": "{place}\n{n} في النصوص؛ تغطيها: {r}",
                      "en": "{place}\n{n} in the texts; reported by {r}"},
    "rounds_note": {"ar": "التواريخ والأماكن: data/rounds_reference.csv. المقالات التي تغطي الجولة: التي تذكرها أو ينسبها إليها الفهرس.",
                    "en": "Dates and places: data/rounds_reference.csv. Articles reporting a round: those that "
                          "mention it or that the catalog assigns to it."},
    "in_person": {"ar": "ممتلئة: حضورياً", "en": "filled: held in person"},
    "virtual": {"ar": "مفرغة: عبر الاتصال المرئي", "en": "hollow: by video link"},
    "rounds_unreferenced": {"ar": "جولات مذكورة بلا تاريخ مرجعي وليست على المخطط: {r}.",
                            "en": "Rounds mentioned but without a reference date, not on the chart: {r}."},
    "statements_title": {"ar": "من قال ماذا ومتى: الاقتباسات والتصريحات حسب المتحدث وتاريخ النشر",
                         "en": "Who said what when: statements by speaker and publication date"},
    "statements_note": {"ar": "حجم الدائرة: عدد التصريحات في مقالات {period}.",
                        "en": "Bubble size: statements in that {period}'s articles."},
    "period_day": {"ar": "ذلك اليوم", "en": "day"},
    "period_week": {"ar": "ذلك الأسبوع", "en": "week"},
    "period_month": {"ar": "ذلك الشهر", "en": "month"},
    "top_speakers": {"ar": "أكثر {k} متحدثين اقتباساً من {n}.", "en": "The {k} most quoted of {n} speakers."},
    "kind_statement": {"ar": "اقتباس مباشر", "en": "direct quotation"},
    "kind_indirect": {"ar": "كلام منقول (غير مباشر)", "en": "reported speech (indirect)"},
    "themes_title": {"ar": "الموضوعات في كل مقالة: عدد الإشارات", "en": "Themes in each article: mentions"},
    "themes_title_period": {"ar": "الموضوعات عبر الزمن: متوسط الإشارات في المقالة", "en": "Themes over time: mentions per article"},
    "themes_note": {"ar": "المعجم: data/themes.csv. المقالات مرتبة حسب تاريخ النشر.",
                    "en": "Lexicon: data/themes.csv. Articles in publication order."},
    "themes_note_period": {"ar": "المعجم: data/themes.csv. كل عمود {period}، وتحته عدد مقالاته.",
                           "en": "Lexicon: data/themes.csv. One column per {period}; under it, its number of articles."},
    "col_month": {"ar": "شهر", "en": "month"},
    "col_quarter": {"ar": "ربع سنة", "en": "quarter"},
    "col_year": {"ar": "سنة", "en": "year"},
    "mentions": {"ar": "إشارات", "en": "mentions"},
    "per_article": {"ar": "إشارات في المقالة", "en": "mentions per article"},
    "undated": {"ar": "خارج المخطط لغياب التاريخ: {what}.", "en": "Left out for want of a date: {what}."},
    "undated_articles": {"ar": "{n} بلا تاريخ نشر", "en": "{n} without a publication date"},
    "article": {"ar": "مقالة {id}", "en": "article {id}"},
}
# one (with its numeral), two, 3–10, 11 and over, English: Arabic counted nouns change form with the number
COUNT_WORDS = {
    "mention": ("إشارة واحدة", "إشارتان", "إشارات", "إشارة", "mention"),
    "article": ("مقالة واحدة", "مقالتان", "مقالات", "مقالة", "article"),
    "figure": ("رقم واحد", "رقمان", "أرقام", "رقماً", "figure"),
    "statement": ("تصريح واحد", "تصريحان", "تصريحات", "تصريحاً", "statement"),  # a quotation or indirect speech
}
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def t(key: str, lang: str, **kw) -> str:
    """A chart string in `lang`, logical order (not yet shaped)."""
    return TEXT[key][lang].format(**kw)


def count(n: int, noun: str, lang: str) -> str:
    """A number with its noun in the right Arabic form: مقالة واحدة، مقالتان، 3 مقالات، 11 مقالة."""
    one, two, few, many, en = COUNT_WORDS[noun]
    if lang == "en":
        return f"{n:,} {en}{'' if n == 1 else 's'}"
    if n == 0:
        return f"لا {few}"
    if n == 1:
        return one
    if n == 2:
        return two
    return f"{n:,} {few if 3 <= n % 100 <= 10 else many}"


def month_names_ar() -> list[str]:
    """Arabic month names for axes: the first name of each month in the gregorian family of months.csv."""
    m = lexicons.table("months")
    g = m[m["family"] == "gregorian"].drop_duplicates("month")
    return [g.loc[g["month"] == str(i), "name"].iloc[0] for i in range(1, 13)]


def format_date(d, lang: str, day: bool = True) -> str:
    """A date as a reader expects it: "11 يونيو 2020" or "11 Jun 2020"."""
    d = pd.Timestamp(d)
    month = month_names_ar()[d.month - 1] if lang == "ar" else MONTHS_EN[d.month - 1]
    return f"{d.day} {month} {d.year}" if day else f"{month} {d.year}"


def article_labels(articles: pd.DataFrame) -> pd.Series:
    """A short label for each article (indexed by article_id), unique in the corpus: the shortest start of
    its id, at least 3 characters, that no other id shares ("000" for "000_354b…", "my-01"); where that is
    longer than 12 characters, the shortest such end; where that is too, "#n" in publication order."""
    ids = [str(i) for i in articles["article_id"]]
    for chosen in (_unique_starts(ids), [s[::-1] for s in _unique_starts([i[::-1] for i in ids])]):
        if all(len(c) <= 12 for c in chosen) and len(set(chosen)) == len(chosen):
            return pd.Series(chosen, index=articles["article_id"], dtype=object)
    order = articles.sort_values(["published", "article_id"], na_position="last")["article_id"]
    numbers = {a: f"#{k}" for k, a in enumerate(order, 1)}
    return pd.Series([numbers[a] for a in articles["article_id"]], index=articles["article_id"], dtype=object)


def _unique_starts(ids: list[str]) -> list[str]:
    def common(a: str, b: str) -> int:
        n = 0
        while n < min(len(a), len(b)) and a[n] == b[n]:
            n += 1
        return n
    ranked = sorted(range(len(ids)), key=ids.__getitem__)
    out = [""] * len(ids)
    for k, i in enumerate(ranked):
        shared = max([common(ids[i], ids[j]) for j in (ranked[k - 1:k] + ranked[k + 1:k + 2])] or [0])
        out[i] = ids[i][:min(len(ids[i]), max(3, shared + 1))]
    return out


@contextmanager
def _style():
    families = [arabic_family(), FALLBACK_FAMILY]
    with matplotlib.rc_context({"font.family": families, "axes.spines.top": False, "axes.spines.right": False,
                                "axes.titlesize": 14, "font.size": 10}):
        yield


def _date_axis(ax, lang: str, lo, hi) -> None:
    """Date ticks whose step follows the span: days, months (1, 2, 3 or 6) or years; about 4 to 10 ticks."""
    days = (pd.Timestamp(hi) - pd.Timestamp(lo)).days
    if days <= 75:
        ax.xaxis.set_major_locator(mdates.DayLocator(interval=max(1, math.ceil(days / 8))))
        fmt = lambda x, _: label(format_date(mdates.num2date(x), lang))  # noqa: E731
    elif days <= 365 * 5:
        step = next(s for s in (1, 2, 3, 6, 12) if days / 30.4 / s <= 10)
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=range(1, 13, step)))
        fmt = lambda x, _: label(format_date(mdates.num2date(x), lang, day=False))  # noqa: E731
    else:
        ax.xaxis.set_major_locator(mdates.YearLocator(base=max(1, math.ceil(days / 365 / 10))))
        fmt = lambda x, _: str(mdates.num2date(x).year)  # noqa: E731
    ax.xaxis.set_major_formatter(FuncFormatter(fmt))


def _title(ax, text: str, lang: str) -> None:
    ax.set_title(label(text), loc="right" if lang == "ar" else "left", pad=14)


def _note(fig: Figure, parts: list[str], lang: str) -> None:
    """A note under the axes (a supxlabel, so constrained layout keeps it clear of the ticks): sources,
    what is left out. Parts are joined into lines of about 150 characters."""
    lines, line = [], ""
    for part in (p for p in parts if p):
        if line and len(line) + len(part) > 150:
            lines.append(line)
            line = part
        else:
            line = f"{line} {part}".strip()
    lines.append(line)
    x, ha = (0.99, "right") if lang == "ar" else (0.01, "left")
    fig.supxlabel(label("\n".join(lines)), x=x, ha=ha, fontsize=8, color="#555555", linespacing=line_spacing())


def _legend(fig: Figure, handles: list, lang: str) -> None:
    """The legend of every encoding, beside the chart (outside the data): at the left of an Arabic chart,
    whose y ticks are on the right; at the right of an English one."""
    if not handles:
        return
    kw = {"markerfirst": False, "alignment": "right", "loc": "outside left upper"} if lang == "ar" else \
        {"loc": "outside right upper"}
    tallest = max([h.get_markersize() for h in handles if isinstance(h, Line2D)] + [9])
    fig.legend(handles=handles, frameon=False, fontsize=9, labelspacing=1.1, handleheight=max(0.7, tallest / 9),
               handlelength=max(2.0, tallest / 9), **kw)


def _proxy(text: str, **kw) -> Line2D:
    """A legend entry for an encoding not drawn as one artist (a fill, a size)."""
    style = {"marker": "o", "ls": "none", "ms": 9, "color": "#555555", "mfc": "#555555"}
    return Line2D([], [], label=label(text), **{**style, **kw})


def _bubble(n, largest: int, small: float = 60, big: float = 900):
    """Marker area for a count: `small` for 1, `big` for the largest count, by the square root between."""
    n = np.asarray(n, dtype=float)
    if largest <= 1:
        return np.full(n.shape, small)
    return small + (big - small) * (np.sqrt(n) - 1) / (math.sqrt(largest) - 1)


def _size_entries(largest: int, noun: str, lang: str, small: float = 60, big: float = 900) -> list[Line2D]:
    """Legend entries for bubble sizes: 1, a middle value and the largest count."""
    if largest <= 1:
        return []
    values = sorted({1, max(1, round(math.sqrt(largest))), largest}) if largest > 3 else list(range(1, largest + 1))
    return [_proxy(count(v, noun, lang), ms=math.sqrt(float(_bubble([v], largest, small, big)[0])), mfc="white")
            for v in values]


def _check_lang(lang: str) -> None:
    if lang not in ("ar", "en"):
        raise ValueError(f"lang must be 'ar' or 'en', not {lang!r}")


def _right_axis(ax) -> None:
    """Arabic charts: y ticks and their labels on the right, where a reader starts."""
    ax.yaxis.tick_right()
    ax.yaxis.set_label_position("right")
    ax.spines["right"].set_visible(True)
    ax.spines["left"].set_visible(False)


def _undated_note(lang: str, pieces: list[str]) -> str:
    return t("undated", lang, what=("، " if lang == "ar" else ", ").join(pieces)) if pieces else ""


# ------------------------------------------------------------------ what the charts leave out
def left_out(corpus) -> pd.DataFrame:
    """One problem row (path, row, severity, reason) per article whose facts a chart leaves out for want of
    a date: troop figures without an as-of date in an undated article, its quotations, and its themes on
    the themes chart when that chart is by period."""
    from .corpus import PROBLEM_COLUMNS
    articles = corpus.articles
    undated = articles.loc[articles["published"].isna(), ["article_id", "path"]]
    rows = []
    if len(undated):
        figures = _troop_counts(corpus)
        figures = figures[figures["x"].isna()].groupby("article_id").size()
        quoted = _quotations(corpus).groupby("article_id").size()
        by_period = len(articles) > PER_ARTICLE_MAX
        mentions = corpus.themes.groupby("article_id").size()
        for a, path in zip(undated["article_id"], undated["path"]):
            what = []
            if figures.get(a, 0):
                what.append(f"{count(int(figures[a]), 'figure', 'en')} (troop levels)")
            if quoted.get(a, 0):
                what.append(f"{count(int(quoted[a]), 'statement', 'en')} (statements over time)")
            if by_period and mentions.get(a, 0):
                what.append(f"{count(int(mentions[a]), 'mention', 'en')} of themes (themes by period)")
            if what:
                rows.append({"path": path or a, "row": None, "severity": "warning",
                             "reason": f"article {a} has no publication date: left out of the charts: " + "; ".join(what)})
    frame = pd.DataFrame(rows, columns=PROBLEM_COLUMNS)
    frame["row"] = frame["row"].astype("Int64")
    for col in ("path", "severity", "reason"):
        frame[col] = frame[col].astype("string")
    return frame


# ------------------------------------------------------------------ troop levels
def _span(corpus) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The x range: from the earliest reference point or figure to a month after the last round or article."""
    points = [pd.Timestamp(d) for d in lexicons.table("troop_levels")["date"]]
    points += list(rounds.reference()["date"]) + list(corpus.articles["published"].dropna())
    points += list(_troop_counts(corpus)["x"].dropna())
    return min(points) - pd.Timedelta(days=20), max(points) + pd.Timedelta(days=45)


def _troop_counts(corpus) -> pd.DataFrame:
    """Troop counts (not percentages) for Iraq, dated by as_of or else by publication (x; NaT: undated):
    levels and targets with one value (not a reduction, deployment or withdrawal, not a range or vague
    amount), of the forces the chart has a marker for (NATO's mission is not drawn as US troops)."""
    tr = corpus.troops
    tr = tr[(tr["unit"] == "troops") & (tr["country"].isna() | (tr["country"] == "Iraq"))
            & tr["kind"].isin(["level", "target"]) & tr["value_max"].isna() & tr["force"].isin(list(MARKERS))]
    published = corpus.articles.set_index("article_id")["published"]
    out = tr.assign(x=tr["as_of"].fillna(tr["article_id"].map(published)), dated=tr["as_of"].notna())
    return out[["article_id", "x", "value", "force", "dated"]]


def troop_levels(corpus, lang: str = "ar") -> Figure:
    """The reference US troop level as a step line, the figures the articles report as points (one per
    force, day, value and way of dating; its size the number of figures there; named by article when
    there are few), and the dialogue rounds as vertical lines. Log scale when figures span orders of
    magnitude."""
    _check_lang(lang)
    ref = lexicons.table("troop_levels").assign(date=lambda f: pd.to_datetime(f["date"]),
                                                value=lambda f: f["value"].astype(float))
    levels = ref[ref["kind"] == "level"]
    announced = ref[ref["kind"] == "announcement"]
    lo, hi = _span(corpus)
    short = article_labels(corpus.articles)
    figures = _troop_counts(corpus)
    undated = figures[figures["x"].isna()]
    figures = figures.dropna(subset=["x"])
    points = (figures.groupby(["force", "dated", "x", "value"], sort=True)
              .agg(n=("article_id", "size"), articles=("article_id", lambda s: sorted(set(s))))
              .reset_index())
    largest = int(points["n"].max()) if len(points) else 1
    sep = "، " if lang == "ar" else ", "
    with _style():
        fig = Figure(figsize=(11, 6.6), layout="constrained")
        ax = fig.add_subplot()
        x = list(levels["date"]) + [hi]
        y = list(levels["value"]) + [levels["value"].iloc[-1]]
        handles = [ax.step(x, y, where="post", color=COLORS["US"], lw=2.2, label=label(t("reference", lang)))[0],
                   ax.plot(announced["date"], announced["value"], "v", color=COLORS["US"], ms=8, mfc="white",
                           label=label(t("announcement", lang)))[0]]
        for force in [f for f in COLORS if f in set(points["force"])]:
            group = points[points["force"] == force]
            color, marker = COLORS[force], MARKERS[force]
            ax.scatter(group["x"], group["value"], marker=marker, s=_bubble(group["n"], largest, 70, 700), zorder=3,
                       facecolors=[color if d else "white" for d in group["dated"]], edgecolors=color,
                       linewidths=1.6, alpha=0.9 if len(points) > ANNOTATE_MAX else 1)
            handles.append(_proxy(t("reported", lang, force=t(f"force_{force}", lang)), marker=marker, color=color,
                                  mfc=color))
        if len(points):
            handles += [_proxy(t("dated_text", lang)), _proxy(t("dated_published", lang), mfc="white")]
            handles += _size_entries(largest, "figure", lang, 70, 700)
        named = len(points) <= ANNOTATE_MAX
        if named:
            for (xv, yv), group in points.groupby(["x", "value"]):
                ids = [short[a] for a in sorted({a for lst in group["articles"] for a in lst})]
                text = sep.join(ids[:3]) + (f" +{len(ids) - 3}" if len(ids) > 3 else "")
                ax.annotate(label(text), (xv, yv), xytext=(0, 10), textcoords="offset points", ha="center",
                            fontsize=8, color="#333333")
        values = [*y, *points["value"]]
        log = min(values) > 0 and max(values) / min(values) > 100
        if log:
            ax.set_yscale("log")
            ax.set_ylim(min(values) / 2, max(values) * 4)
        else:
            ax.set_ylim(0, max(values) * 1.18)
        for r in rounds.reference().itertuples():
            if lo <= r.date <= hi:
                ax.axvline(r.date, color="#999999", lw=0.9, ls="--", zorder=0)
                ax.text(r.date, 0.985 - 0.045 * (r.round % 2 == 0), label(t("round", lang, n=r.round)), ha="center", va="top", fontsize=9,
                        color="#555555", bbox={"fc": "white", "ec": "none", "pad": 1},
                        transform=ax.get_xaxis_transform())
        ax.set_xlim(lo, hi)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.yaxis.set_minor_formatter(FuncFormatter(lambda v, _: ""))
        ax.set_ylabel(label(t("troops_y_log" if log else "troops_y", lang)))
        if lang == "ar":
            _right_axis(ax)
        _date_axis(ax, lang, lo, hi)
        ax.grid(axis="y", color="#eeeeee")
        _title(ax, t("troops_title", lang), lang)
        _legend(fig, handles, lang)
        left = []
        if len(undated):
            left.append(f"{count(len(undated), 'figure', lang)} ({t('undated_articles', lang, n=count(undated['article_id'].nunique(), 'article', lang))})")
        _note(fig, [t("troops_note", lang), t("troops_named" if named else "troops_unnamed", lang) if len(points) else "",
                    _undated_note(lang, left)], lang)
    return fig


# ------------------------------------------------------------------ talk rounds
def _coverage(timeline: pd.DataFrame) -> list[list[str]]:
    """For each round, the articles that report it: those that mention it and those the catalog assigns to
    it (whichever of these columns the timeline has)."""
    out = []
    for _, row in timeline.iterrows():
        found: set[str] = set()
        for col in ("articles", "reported_by"):
            value = row.get(col)
            if isinstance(value, (list, tuple, np.ndarray)):
                found.update(map(str, value))
        out.append(sorted(found))
    return out


def talk_rounds(corpus, lang: str = "ar") -> Figure:
    """The rounds of the reference table on a time line: date, place, how many mentions and articles
    attest each (marker size: articles), filled when held in person."""
    _check_lang(lang)
    tl = corpus.round_timeline().reset_index(drop=True)
    tl = tl.assign(coverage=_coverage(tl))
    missing = tl[tl["reference_date"].isna() & (tl["n_mentions"] > 0)]
    tl = tl[tl["reference_date"].notna()]
    lo, hi = tl["reference_date"].min() - pd.Timedelta(days=110), tl["reference_date"].max() + pd.Timedelta(days=110)
    ordinals = lexicons.table("ordinals")
    fem = ordinals[ordinals["form"] == "feminine"].set_index("value")["word"]
    reporting = [len(c) for c in tl["coverage"]]
    largest = max(reporting + [1])
    with _style():
        fig = Figure(figsize=(11, 5.6), layout="constrained")
        ax = fig.add_subplot()
        ax.axhline(0, color="#444444", lw=1.5, zorder=1)
        for i, (r, n_reporting) in enumerate(zip(tl.itertuples(), reporting)):
            size = _bubble([n_reporting], largest, 140, 1100) if n_reporting else [60]  # none: smaller than one
            ax.scatter([r.reference_date], [0], s=size, zorder=3,
                       color=COLORS["US"] if r.mode == "in person" else "white", edgecolors=COLORS["US"], lw=2)
            name = f"الجولة {fem.get(str(r.round), r.round)}" if lang == "ar" else f"Round {r.round}"
            place = r.place_ar if lang == "ar" else r.place
            up = i % 2 == 0
            main = ax.annotate(label(f"{name}\n{format_date(r.reference_date, lang)}"), (r.reference_date, 0),
                               xytext=(0, 28 if up else -28), textcoords="offset points", ha="center",
                               va="bottom" if up else "top", fontsize=11, linespacing=line_spacing())
            detail = t("rounds_detail", lang, place=place, n=count(int(r.n_mentions), "mention", lang),
                       r=count(n_reporting, "article", lang))
            ax.annotate(label(detail), (0.5, 1 if up else 0), xycoords=main, xytext=(0, 6 if up else -6),
                        textcoords="offset points", ha="center", va="bottom" if up else "top", fontsize=9,
                        color="#444444", linespacing=line_spacing())
        ax.set_xlim(lo, hi)
        ax.set_ylim(-1, 1)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        _date_axis(ax, lang, lo, hi)
        _title(ax, t("rounds_title", lang), lang)
        handles = [_proxy(t("in_person", lang), mfc=COLORS["US"], color=COLORS["US"]),
                   _proxy(t("virtual", lang), mfc="white", color=COLORS["US"])]
        handles += _size_entries(largest, "article", lang, 140, 1100)
        _legend(fig, handles, lang)
        extra = ""
        if len(missing):
            sep = "، " if lang == "ar" else ", "
            extra = t("rounds_unreferenced", lang, r=sep.join(f"{r.round} ({count(int(r.n_mentions), 'mention', lang)})"
                                                              for r in missing.itertuples()))
        _note(fig, [t("rounds_note", lang), extra], lang)
    return fig


# ------------------------------------------------------------------ statements
def _quotations(corpus) -> pd.DataFrame:
    """Attributed quotations (kind "statement", and "indirect" where the extractor gives it) with the
    publication date of their article (NaT: undated)."""
    st = corpus.statements
    st = st[st["kind"].isin(list(KIND_COLORS)) & st["speaker"].notna()]
    published = corpus.articles.set_index("article_id")["published"]
    return st.assign(date=st["article_id"].map(published))[["article_id", "speaker", "kind", "date"]]


def statements_over_time(corpus, lang: str = "ar", top: int = TOP_SPEAKERS) -> Figure:
    """The most quoted speakers (rows) on a time axis of publication dates: one bubble per speaker, kind
    of quotation and day (week or month over longer spans), its size the number of quotations."""
    _check_lang(lang)
    st = _quotations(corpus)
    undated = st[st["date"].isna()]
    st = st.dropna(subset=["date"])
    speakers = st["speaker"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
    order = list(speakers.index[:top])
    st = st[st["speaker"].isin(order)]
    if len(st):
        first, last = st["date"].min(), st["date"].max()
    else:
        first = last = pd.Timestamp(corpus.articles["published"].min()) if corpus.articles["published"].notna().any() \
            else pd.Timestamp("2020-01-01")
    days = (last - first).days
    period = "day" if days <= 75 or st["date"].nunique() <= 40 else "week" if days <= 400 else "month"
    when = {"day": st["date"].dt.normalize(),
            "week": st["date"].dt.to_period("W").dt.start_time if len(st) else st["date"],
            "month": st["date"].dt.to_period("M").dt.start_time if len(st) else st["date"]}[period]
    grid = st.assign(when=when).groupby(["speaker", "kind", "when"]).size().reset_index(name="n")
    if period == "week":
        grid["when"] = grid["when"] + pd.Timedelta(days=3)
    elif period == "month":
        grid["when"] = grid["when"] + pd.Timedelta(days=14)
    kinds = [k for k in KIND_COLORS if k in set(grid["kind"])]
    largest = int(grid["n"].max()) if len(grid) else 1
    pad = pd.Timedelta(days=max(10, days * 0.04))
    lo, hi = first - pad, last + pad
    numbered = len(grid) <= 40
    with _style():
        row = 0.55 if len(kinds) < 2 else 0.8  # two kinds side by side need room for both numbers
        fig = Figure(figsize=(11, 2.4 + row * max(len(order), 1)), layout="constrained")
        ax = fig.add_subplot()
        ypos = {s: i for i, s in enumerate(reversed(order))}
        for k, kind in enumerate(kinds):
            part = grid[grid["kind"] == kind]
            shift = (k - (len(kinds) - 1) / 2) * 0.34
            ax.scatter(part["when"], part["speaker"].map(ypos) + shift, s=_bubble(part["n"], largest, 170 if numbered else 40, 900),
                       color=KIND_COLORS[kind], alpha=0.85, zorder=3, linewidths=0)
            if numbered:
                for g in part.itertuples():
                    ax.text(g.when, ypos[g.speaker] + shift, str(g.n), ha="center", va="center", color="white",
                            fontsize=8, zorder=4)
        ax.set_yticks(list(ypos.values()), labels(ypos.keys()))
        ax.set_ylim(-0.7, max(len(order), 1) - 0.3)
        ax.set_xlim(lo, hi)
        _date_axis(ax, lang, lo, hi)
        if lang == "ar":
            ax.yaxis.tick_right()
            ax.spines["right"].set_visible(True); ax.spines["left"].set_visible(False)
        ax.grid(color="#eeeeee", zorder=0)
        _title(ax, t("statements_title", lang), lang)
        handles = [_proxy(t(f"kind_{k}", lang), color=KIND_COLORS[k], mfc=KIND_COLORS[k]) for k in kinds]
        handles += _size_entries(largest, "statement", lang, 170 if numbered else 40, 900)
        _legend(fig, handles, lang)
        left = []
        if len(undated):
            left.append(f"{count(len(undated), 'statement', lang)} ({t('undated_articles', lang, n=count(undated['article_id'].nunique(), 'article', lang))})")
        _note(fig, [t("statements_note", lang, period=t(f"period_{period}", lang)),
                    t("top_speakers", lang, k=len(order), n=len(speakers)) if len(speakers) > top else "",
                    _undated_note(lang, left)], lang)
    return fig


# ------------------------------------------------------------------ themes
def themes_heatmap(corpus, lang: str = "ar") -> Figure:
    """How often each theme (rows) is mentioned: per article (columns, by publication date) for a few
    articles, else mentions per article in each month (quarter or year over long spans)."""
    _check_lang(lang)
    counts = corpus.theme_counts()
    lex = themes.themes().set_index("theme")
    articles = corpus.articles.set_index("article_id")
    left = []
    if len(counts) <= PER_ARTICLE_MAX:
        data = counts.T.to_numpy().astype(float)
        short = article_labels(corpus.articles)
        ticks = []
        for a in counts.index:
            pub = articles.loc[a, "published"]
            when = format_date(pub, lang) if pd.notna(pub) else "—"
            outlet = articles.loc[a, "outlet"]
            outlet = outlet if isinstance(outlet, str) else ""
            ticks.append(f"{t('article', lang, id=short[a])}\n{when}\n{outlet}".rstrip())
        title, note, cell = t("themes_title", lang), t("themes_note", lang), "{:.0f}"
    else:
        published = counts.index.map(articles["published"])
        dated = counts[published.notna()]
        undated_n = int(published.isna().sum())
        when = pd.DatetimeIndex(published[published.notna()])
        span_months = (when.max() - when.min()).days / 30.4 if len(when) else 0
        freq, key = ("M", "col_month") if span_months <= 30 else ("Q", "col_quarter") if span_months <= 90 else ("Y", "col_year")
        periods = when.to_period(freq)
        grouped = dated.groupby(periods)
        data = grouped.mean().T.to_numpy()
        sizes = grouped.size()
        ticks = [f"{_period_label(p, freq, lang)}\n{n:,}" for p, n in sizes.items()]
        title, note = t("themes_title_period", lang), t("themes_note_period", lang, period=t(key, lang))
        cell = "{:.1f}"
        if undated_n:
            left.append(t("undated_articles", lang, n=count(undated_n, "article", lang)))
    cols = data.shape[1] if data.ndim == 2 else 0
    with _style():
        fig = Figure(figsize=(11, 5.6), layout="constrained")
        ax = fig.add_subplot()
        image = ax.imshow(data if cols else np.zeros((len(lex), 0)), cmap="Blues", aspect="auto", vmin=0)
        peak = np.nanmax(data) if data.size else 0
        if cols <= 30:
            size = 10 if cols <= 12 else 8 if cols <= 20 else 7
            for (i, j), v in np.ndenumerate(data):
                ax.text(j, i, cell.format(v), ha="center", va="center", fontsize=size,
                        color="white" if peak and v > peak * 0.6 else "#222222")
        names = lex.loc[counts.columns, "theme_ar" if lang == "ar" else "theme_en"]
        ax.set_yticks(range(len(names)), labels(names))
        step = max(1, math.ceil(cols / 14))
        ax.set_xticks(range(0, cols, step), labels(ticks[::step]), linespacing=line_spacing(),
                      fontsize=10 if cols <= 12 else 8)
        ax.tick_params(length=0)
        if lang == "ar":
            ax.yaxis.tick_right()
        for side in ("left", "right", "top", "bottom"):
            ax.spines[side].set_visible(False)
        bar = fig.colorbar(image, ax=ax, location="left" if lang == "ar" else "right", shrink=0.8, pad=0.01)
        bar.set_label(label(t("mentions" if len(counts) <= PER_ARTICLE_MAX else "per_article", lang)))
        _title(ax, title, lang)
        _note(fig, [note, _undated_note(lang, left)], lang)
    return fig


def _period_label(p: pd.Period, freq: str, lang: str) -> str:
    if freq == "M":
        return format_date(p.start_time, lang, day=False).replace(" ", "\n")
    if freq == "Q":
        return f"الربع {p.quarter} {p.year}" if lang == "ar" else f"Q{p.quarter} {p.year}"
    return str(p.year)


CHARTS = {"troop_levels": troop_levels, "talk_rounds": talk_rounds,
          "statements_over_time": statements_over_time, "themes": themes_heatmap}
