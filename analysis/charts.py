"""Charts of the corpus: troop levels, talk rounds, statements over time, themes.

Each function takes a `Corpus` and returns a matplotlib Figure; it never reads or saves files. Every
string drawn passes through `rtl.label` at that moment, so data stays in logical order. Arabic labels by
default (titles right-aligned, month names in Arabic, tick labels on the right where a reader starts);
`lang="en"` gives English ones.
"""
from __future__ import annotations

from contextlib import contextmanager

import matplotlib
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from . import lexicons, rounds, themes
from .rtl import FALLBACK_FAMILY, arabic_family, label, labels, line_spacing

COLORS = {"US": "#1f4e79", "coalition": "#c55a11", "other": "#7f7f7f", "unknown": "#7f7f7f"}
MARKERS = {"US": "o", "coalition": "s", "other": "D", "unknown": "D"}

TEXT = {
    "troops_title": {"ar": "القوات الأمريكية في العراق: المستوى المرجعي والأرقام التي أوردتها المقالات",
                     "en": "US troops in Iraq: reference level and the figures the articles report"},
    "troops_y": {"ar": "عدد الجنود", "en": "troops"},
    "reference": {"ar": "المستوى المرجعي للقوات الأمريكية", "en": "US troop level (reference)"},
    "announcement": {"ar": "إعلان خفض القوات", "en": "drawdown announced"},
    "reported": {"ar": "رقم ورد في مقالة ({force})", "en": "figure in an article ({force})"},
    "force_US": {"ar": "أمريكية", "en": "US"},
    "force_coalition": {"ar": "التحالف", "en": "coalition"},
    "force_other": {"ar": "أخرى", "en": "other"},
    "force_unknown": {"ar": "غير محددة", "en": "unspecified"},
    "round": {"ar": "الجولة {n}", "en": "round {n}"},
    "troops_note": {"ar": "المصادر: data/troop_levels.csv (المستوى المرجعي)؛ المقالات (النقاط، مع رقم المقالة). "
                          "النقطة المفرغة مؤرخة بتاريخ النشر.",
                    "en": "Sources: data/troop_levels.csv (reference); the articles (points, labelled with the "
                          "article number). Hollow points are dated by publication."},
    "rounds_title": {"ar": "جولات الحوار الاستراتيجي بين العراق والولايات المتحدة",
                     "en": "Rounds of the US–Iraq strategic dialogue"},
    "rounds_detail": {"ar": "{place}\n{n} في النصوص؛ تغطيها: {r}",
                      "en": "{place}\n{n} in the texts; reported by {r}"},
    "rounds_note": {"ar": "التواريخ والأماكن: data/rounds_reference.csv. حجم الدائرة بعدد المقالات التي تغطي الجولة.",
                    "en": "Dates and places: data/rounds_reference.csv. Marker size: articles reporting the round."},
    "statements_title": {"ar": "من قال ماذا ومتى: الاقتباسات المباشرة حسب المتحدث وتاريخ النشر",
                         "en": "Who is quoted when: direct quotations by speaker and publication date"},
    "statements_note": {"ar": "الرقم عدد الاقتباسات المباشرة في مقالات ذلك اليوم.",
                        "en": "Numbers: direct quotations in that day's articles."},
    "themes_title": {"ar": "الموضوعات في كل مقالة: عدد الإشارات", "en": "Themes in each article: mentions"},
    "themes_note": {"ar": "المعجم: data/themes.csv. المقالات مرتبة حسب تاريخ النشر.",
                    "en": "Lexicon: data/themes.csv. Articles in publication order."},
    "article": {"ar": "مقالة {id}", "en": "article {id}"},
}
COUNT_WORDS = {"mention": ("إشارة", "إشارتان", "إشارات", "mention"), "article": ("مقالة", "مقالتان", "مقالات", "article")}
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def t(key: str, lang: str, **kw) -> str:
    """A chart string in `lang`, logical order (not yet shaped)."""
    return TEXT[key][lang].format(**kw)


def count(n: int, noun: str, lang: str) -> str:
    """A number with its noun in the right Arabic form: مقالة واحدة، مقالتان، 3 مقالات، 11 مقالة."""
    one, two, few, en = COUNT_WORDS[noun]
    if lang == "en":
        return f"{n} {en}{'' if n == 1 else 's'}"
    if n == 0:
        return f"لا {few}"
    if n == 1:
        return f"{one} واحدة"
    if n == 2:
        return two
    return f"{n} {few if 3 <= n % 100 <= 10 else one}"


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


@contextmanager
def _style():
    families = [arabic_family(), FALLBACK_FAMILY]
    with matplotlib.rc_context({"font.family": families, "axes.spines.top": False, "axes.spines.right": False,
                                "axes.titlesize": 14, "font.size": 10,
                                "svg.fonttype": "path", "pdf.fonttype": 42}):
        yield


def _date_axis(ax, lang: str, interval: int = 3) -> None:
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=range(1, 13, interval)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: label(format_date(mdates.num2date(x), lang, day=False))))


def _title(ax, text: str, lang: str) -> None:
    ax.set_title(label(text), loc="right" if lang == "ar" else "left", pad=14)


def _note(fig: Figure, text: str, lang: str) -> None:
    """A source note under the axes (a supxlabel, so constrained layout keeps it clear of the ticks)."""
    x, ha = (0.99, "right") if lang == "ar" else (0.01, "left")
    fig.supxlabel(label(text), x=x, ha=ha, fontsize=8, color="#555555")


def _legend(ax, lang: str, **kw) -> None:
    if lang == "ar":
        kw.update(markerfirst=False, alignment="right")
    ax.legend(frameon=False, **kw)


def _check_lang(lang: str) -> None:
    if lang not in ("ar", "en"):
        raise ValueError(f"lang must be 'ar' or 'en', not {lang!r}")


def _span(corpus) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The x range: from the earliest reference point to a month after the last round or article."""
    points = [pd.Timestamp(d) for d in lexicons.table("troop_levels")["date"]]
    points += list(rounds.reference()["date"]) + list(corpus.articles["published"].dropna())
    return min(points) - pd.Timedelta(days=20), max(points) + pd.Timedelta(days=45)


# ------------------------------------------------------------------ troop levels
def troop_levels(corpus, lang: str = "ar") -> Figure:
    """The reference US troop level as a step line, the figures the articles report as points labelled
    with the article, and the dialogue rounds as vertical lines."""
    _check_lang(lang)
    ref = lexicons.table("troop_levels").assign(date=lambda f: pd.to_datetime(f["date"]),
                                                value=lambda f: f["value"].astype(float))
    levels = ref[ref["kind"] == "level"]
    announced = ref[ref["kind"] == "announcement"]
    lo, hi = _span(corpus)
    with _style():
        fig = Figure(figsize=(11, 6.2), layout="constrained")
        ax = fig.add_subplot()
        x = list(levels["date"]) + [hi]
        y = list(levels["value"]) + [levels["value"].iloc[-1]]
        ax.step(x, y, where="post", color=COLORS["US"], lw=2.2, label=label(t("reference", lang)))
        ax.plot(announced["date"], announced["value"], "v", color=COLORS["US"], ms=8, mfc="white",
                label=label(t("announcement", lang)))
        figures = _reported(corpus)
        for force, group in figures.groupby("force", sort=False):
            name = t(f"force_{force}", lang)
            ax.scatter(group["x"], group["value"], marker=MARKERS[force], s=70, zorder=3,
                       facecolors=[COLORS[force] if d else "white" for d in group["dated"]],
                       edgecolors=COLORS[force], linewidths=1.6, label=label(t("reported", lang, force=name)))
        for (xv, yv), group in figures.groupby(["x", "value"]):
            ids = "، ".join(group["article_id"].str[:3]) if lang == "ar" else ", ".join(group["article_id"].str[:3])
            ax.annotate(label(ids), (xv, yv), xytext=(0, 9), textcoords="offset points", ha="center",
                        fontsize=8, color="#333333")
        top = max([*y, *figures["value"]]) * 1.18
        for r in rounds.reference().itertuples():
            ax.axvline(r.date, color="#999999", lw=0.9, ls="--", zorder=0)
            ax.text(r.date, top * 0.985, label(t("round", lang, n=r.round)), ha="center", va="top", fontsize=9,
                    color="#555555", bbox={"fc": "white", "ec": "none", "pad": 1})
        ax.set_xlim(lo, hi)
        ax.set_ylim(0, top)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.set_ylabel(label(t("troops_y", lang)))
        if lang == "ar":
            ax.yaxis.tick_right(); ax.yaxis.set_label_position("right")
            ax.spines["right"].set_visible(True); ax.spines["left"].set_visible(False)
        _date_axis(ax, lang)
        ax.grid(axis="y", color="#eeeeee")
        _title(ax, t("troops_title", lang), lang)
        _legend(ax, lang, loc="lower left" if lang == "ar" else "lower right", fontsize=9)
        _note(fig, t("troops_note", lang), lang)
    return fig


def _reported(corpus) -> pd.DataFrame:
    """Troop counts (not percentages) for Iraq, dated by as_of or else by publication: levels and targets
    with one value (not a reduction, deployment or withdrawal, not a range or vague amount), of the forces
    the chart has a marker for (NATO's mission is not drawn as US troops)."""
    tr = corpus.troops
    tr = tr[(tr["unit"] == "troops") & (tr["country"].isna() | (tr["country"] == "Iraq"))
            & tr["kind"].isin(["level", "target"]) & tr["value_max"].isna() & tr["force"].isin(list(MARKERS))]
    published = corpus.articles.set_index("article_id")["published"]
    out = tr.assign(x=tr["as_of"].fillna(tr["article_id"].map(published)), dated=tr["as_of"].notna())
    return out.dropna(subset=["x"])[["article_id", "x", "value", "force", "dated"]]


# ------------------------------------------------------------------ talk rounds
def talk_rounds(corpus, lang: str = "ar") -> Figure:
    """Rounds 1–4 on a time line: date, place, and how many mentions and articles attest each."""
    _check_lang(lang)
    tl = corpus.round_timeline()
    tl = tl[tl["reference_date"].notna()]
    lo, hi = tl["reference_date"].min() - pd.Timedelta(days=75), tl["reference_date"].max() + pd.Timedelta(days=75)
    ordinals = lexicons.table("ordinals")
    fem = ordinals[ordinals["form"] == "feminine"].set_index("value")["word"]
    with _style():
        fig = Figure(figsize=(11, 5.2), layout="constrained")
        ax = fig.add_subplot()
        ax.axhline(0, color="#444444", lw=1.5, zorder=1)
        for i, r in enumerate(tl.itertuples()):
            n_reporting = len(r.reported_by)
            ax.scatter([r.reference_date], [0], s=140 + 160 * n_reporting, zorder=3,
                       color=COLORS["US"] if r.mode == "in person" else "white", edgecolors=COLORS["US"], lw=2)
            name = f"الجولة {fem.get(str(r.round), r.round)}" if lang == "ar" else f"Round {r.round}"
            place = r.place_ar if lang == "ar" else r.place
            up = i % 2 == 0
            main = ax.annotate(label(f"{name}\n{format_date(r.reference_date, lang)}"), (r.reference_date, 0),
                               xytext=(0, 24 if up else -24), textcoords="offset points", ha="center",
                               va="bottom" if up else "top", fontsize=11, linespacing=line_spacing())
            detail = t("rounds_detail", lang, place=place, n=count(r.n_mentions, "mention", lang),
                       r=count(n_reporting, "article", lang))
            ax.annotate(label(detail), (0.5, 1 if up else 0), xycoords=main, xytext=(0, 6 if up else -6),
                        textcoords="offset points", ha="center", va="bottom" if up else "top", fontsize=9,
                        color="#444444", linespacing=line_spacing())
        ax.set_xlim(lo, hi)
        ax.set_ylim(-1, 1)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        _date_axis(ax, lang, interval=2)
        _title(ax, t("rounds_title", lang), lang)
        _note(fig, t("rounds_note", lang), lang)
    return fig


# ------------------------------------------------------------------ statements
def statements_over_time(corpus, lang: str = "ar", top: int = 8) -> Figure:
    """Speakers (rows) by publication date (columns): how many direct quotations each has that day."""
    _check_lang(lang)
    st = corpus.statements
    st = st[(st["kind"] == "statement") & st["speaker"].notna()]
    published = corpus.articles.set_index("article_id")["published"]
    st = st.assign(date=st["article_id"].map(published)).dropna(subset=["date"])
    order = st["speaker"].value_counts().sort_index().sort_values(ascending=False, kind="stable").index[:top]
    st = st[st["speaker"].isin(order)]
    grid = st.groupby(["speaker", "date"]).size().reset_index(name="n")
    dates = sorted(grid["date"].unique())
    with _style():
        fig = Figure(figsize=(11, 1.6 + 0.55 * len(order)), layout="constrained")
        ax = fig.add_subplot()
        ypos = {s: i for i, s in enumerate(reversed(list(order)))}
        xpos = {d: i for i, d in enumerate(dates)}  # time runs left to right, as on every chart here
        ax.scatter(grid["date"].map(xpos), grid["speaker"].map(ypos), s=grid["n"] * 160, color=COLORS["US"],
                   alpha=0.85, zorder=3)
        for g in grid.itertuples():
            ax.text(xpos[g.date], ypos[g.speaker], str(g.n), ha="center", va="center", color="white",
                    fontsize=9, zorder=4)
        ax.set_yticks(list(ypos.values()), labels(ypos.keys()))
        ax.set_xticks(list(xpos.values()), labels(format_date(d, lang) for d in xpos))
        ax.set_xlim(-0.6, len(dates) - 0.4)
        ax.set_ylim(-0.7, len(order) - 0.3)
        if lang == "ar":
            ax.yaxis.tick_right()
            ax.spines["right"].set_visible(True); ax.spines["left"].set_visible(False)
        ax.grid(color="#eeeeee", zorder=0)
        _title(ax, t("statements_title", lang), lang)
        _note(fig, t("statements_note", lang), lang)
    return fig


# ------------------------------------------------------------------ themes
def themes_heatmap(corpus, lang: str = "ar") -> Figure:
    """How often each article (columns, by publication date) speaks of each theme (rows)."""
    _check_lang(lang)
    counts = corpus.theme_counts()
    lex = themes.themes().set_index("theme")
    articles = corpus.articles.set_index("article_id")
    cols = list(counts.index)  # publication order, left to right as on the other charts
    data = counts.loc[cols].T.to_numpy()
    with _style():
        fig = Figure(figsize=(11, 5.2), layout="constrained")
        ax = fig.add_subplot()
        ax.imshow(data, cmap="Blues", aspect="auto", vmin=0)
        peak = data.max() if data.size else 0
        for (i, j), v in np.ndenumerate(data):
            ax.text(j, i, str(v), ha="center", va="center", fontsize=10,
                    color="white" if peak and v > peak * 0.6 else "#222222")
        names = lex.loc[counts.columns, "theme_ar" if lang == "ar" else "theme_en"]
        ax.set_yticks(range(len(names)), labels(names))
        xt = []
        for a in cols:
            pub = articles.loc[a, "published"]
            when = format_date(pub, lang) if pd.notna(pub) else "—"
            outlet = articles.loc[a, "outlet"]
            outlet = outlet if isinstance(outlet, str) else ""
            xt.append(f"{t('article', lang, id=a[:3])}\n{when}\n{outlet}".rstrip())
        ax.set_xticks(range(len(cols)), labels(xt), linespacing=line_spacing())
        ax.tick_params(length=0)
        if lang == "ar":
            ax.yaxis.tick_right()
        for side in ("left", "right", "top", "bottom"):
            ax.spines[side].set_visible(False)
        _title(ax, t("themes_title", lang), lang)
        _note(fig, t("themes_note", lang), lang)
    return fig


CHARTS = {"troop_levels": troop_levels, "talk_rounds": talk_rounds,
          "statements_over_time": statements_over_time, "themes": themes_heatmap}
