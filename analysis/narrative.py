"""Sentences the notebooks and the report state about a corpus, each computed from its frames.

A notebook shows these instead of prose written for one corpus, so the same notebook tells the truth
about any input. Each function returns `display.Prose` (HTML paragraphs with their direction, and plain
text for nbval).
"""
from __future__ import annotations

import pandas as pd

from .display import FSI, PDI, Prose


def _n(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def _value(name) -> str:
    """A name as one isolated run (FSI … PDI), so "كوردستان 24" keeps its number in an English sentence."""
    return f"{FSI}{name}{PDI}"


def _names(values, limit: int = 5) -> str:
    values = list(values)
    shown = ", ".join(map(str, values[:limit]))
    return shown + (f" and {len(values) - limit:,} more" if len(values) > limit else "")


def overview(corpus) -> Prose:
    """How many articles, from which outlets, over which span."""
    a = corpus.articles
    published = a["published"].dropna()
    outlets = a["outlet"].dropna().value_counts().sort_index().sort_values(ascending=False, kind="stable")
    first = f"The corpus holds {_n(len(a), 'article')}"
    if len(outlets):
        first += f" from {_n(len(outlets), 'outlet')} ({_names(f'{_value(o)} ({n:,})' for o, n in outlets.items())})"
    if len(published):
        first += f", published between {published.min():%Y-%m-%d} and {published.max():%Y-%m-%d}"
    first += "."
    undated = len(a) - len(published)
    unknown = int(a["outlet"].isna().sum())
    second = []
    if undated:
        second.append(f"{_n(undated, 'article')} {'has' if undated == 1 else 'have'} no publication date")
    if unknown:
        second.append(f"{_n(unknown, 'article')} {'names' if unknown == 1 else 'name'} no outlet the lexicon knows")
    return Prose([first, "; ".join(second).capitalize() + "." if second else ""])


def dating(corpus) -> Prose:
    """On what each publication date rests: the text, an inference recorded in the catalog, the input's
    own column, or nothing."""
    basis = corpus.articles["published_basis"].fillna("")
    kinds = {
        "stated in the text": basis.str.contains("stated in the text"),
        "inferred from what the text reports (catalog)": basis.str.contains("inferred"),
        "given by the input's date column": basis.str.startswith("input"),
    }
    parts = [f"{_n(int(mask.sum()), 'article')}: {name}" for name, mask in kinds.items() if mask.any()]
    missing = int(corpus.articles["published"].isna().sum())
    if missing:
        parts.append(f"{_n(missing, 'article')}: no date found")
    return Prose(["How each publication date is known: " + "; ".join(parts) + "." if parts else
                  "The corpus has no articles."])


def problems(corpus, left_out: pd.DataFrame | None = None) -> Prose:
    """What could not be read, and what the charts leave out."""
    p = corpus.problems
    out = []
    if len(p):
        by = ", ".join(f"{n:,} {s}" for s, n in p["severity"].value_counts().sort_index().items())
        out.append(f"{_n(len(p), 'problem')} reading the input ({by}); each names its file, row and reason.")
    else:
        out.append("Every file and row of the input was read without a problem.")
    if left_out is not None and len(left_out):
        out.append(f"{_n(len(left_out), 'article')} without a publication date {'has' if len(left_out) == 1 else 'have'} "
                   "facts the charts leave out; they are listed with the problems.")
    return Prose(out)


def troop_comparison(comparison: pd.DataFrame, figures: pd.DataFrame) -> Prose:
    """How the reported counts of US troops compare with the reference level in force at their date;
    `comparison` is `troops.compare_with_reference`, `figures` the troops frame."""
    out = []
    if len(comparison):
        same = comparison[comparison["difference"] == 0]
        articles = comparison["article_id"].nunique()
        first = (f"{_n(len(comparison), 'count')} of US troops in Iraq, from {_n(articles, 'article')}: "
                 f"{len(same):,} equal{'s' if len(same) == 1 else ''} the reference level in force at {'its' if len(comparison) == 1 else 'their'} date")
        off = comparison[comparison["difference"] != 0]
        if len(off):
            first += (f"; {len(off):,} differ{'s' if len(off) == 1 else ''} from it, by "
                      f"{off['difference'].abs().min():,.0f} to {off['difference'].abs().max():,.0f} troops")
        out.append(first + ".")
    else:
        out.append("No article gives a dated count of US troops in Iraq to compare with the reference level.")
    others = figures[(figures["unit"] != "troops") | (figures["force"] != "US")]
    if len(others):
        percent = int((others["unit"] == "percent").sum())
        counts = len(others) - percent
        pieces = [p for p in (_n(counts, 'count') + " of other or unspecified forces" if counts else "",
                              _n(percent, 'percentage') if percent else "") if p]
        out.append(f"{' and '.join(pieces).capitalize()} {'has' if len(others) == 1 else 'have'} no reference line here.")
    return Prose(out)


def round_coverage(timeline: pd.DataFrame) -> Prose:
    """Which rounds of the reference table the texts mention, and how often."""
    referenced = timeline[timeline["reference_date"].notna()]
    mentioned = referenced[referenced["n_mentions"] > 0]
    out = [f"The texts mention {len(mentioned):,} of the {len(referenced):,} rounds of the reference table"
           + (f" ({', '.join(f'round {r}: ' + _n(int(n), 'mention') for r, n in zip(mentioned['round'], mentioned['n_mentions']))})"
              if len(mentioned) else "") + "."]
    extra = timeline[timeline["reference_date"].isna() & (timeline["n_mentions"] > 0)]
    if len(extra):
        out.append(f"Rounds mentioned that the reference table does not hold: {_names(extra['round'])}.")
    return Prose(out)


def speakers(statements: pd.DataFrame) -> Prose:
    """How many quotations, by how many speakers, and who is quoted most."""
    st = statements[statements["speaker"].notna()]
    if not len(st):
        return Prose(["No quotation in the corpus is attributed to a speaker."])
    top = st["speaker"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
    return Prose([f"{_n(len(st), 'quotation')} attributed to {_n(len(top), 'speaker')}; the most quoted: "
                  f"{_names(f'{_value(s)} ({n:,})' for s, n in top.head(3).items())}."])
