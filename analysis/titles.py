"""Title words (`data/titles.csv`: head, part, honorific, description, behalf) and nisba adjectives: the
one reading of the title lexicon, for subject phrases (`subjects`), title/name splitting (`people`) and
speaker resolution (`speakers`)."""
from __future__ import annotations

from functools import lru_cache

from . import lexicons
from .text import normalize


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Folded title words and their kind (a trailing point dropped: د. as د)."""
    table = lexicons.table("titles")
    return {normalize(w).rstrip("."): k for w, k in zip(table["word"], table["kind"])}


@lru_cache(maxsize=1 << 15)
def title_word(token: str) -> str | None:
    """The kind of a title word (head, part, honorific, description, behalf): و before it and ال on it
    allowed (الوزارة as وزارة), or None. Asked of most words near a cue, so each word is read once."""
    known = titles()
    for form in (token, token[1:] if token[:1] in "وف" else ""):
        kind = known.get(form) or (known.get(form[2:]) if form.startswith("ال") else None)
        if kind:
            return kind
    for suffix in _PRONOUNS:  # رئيسها، وزيرها: a head with a pronoun is a title too
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            stem = token[:-len(suffix)]
            stem = stem[:-1] + "ه" if stem.endswith("ت") else stem  # رئيستها → رئيسه
            if known.get(stem) == "head":
                return "head"
    return None


_PRONOUNS = ("هما", "هم", "ها", "ه")


def is_nisba(token: str) -> bool:
    """A definite nisba adjective (الأميركي، العراقية، البريطاني)."""
    return token.startswith("ال") and token.endswith(("ي", "يه")) and len(token) > 4
