"""Arabic news analysis: parse Arabic articles into pandas frames with spans, chart them with correctly
shaped right-to-left labels.

    >>> import analysis
    >>> corpus = analysis.load_corpus()          # the five seed articles
    >>> corpus.troops                             # one row per troop figure, with its span
"""
from .corpus import Article, Corpus, CorpusError, load_corpus, parse_article

__all__ = ["Article", "Corpus", "CorpusError", "load_corpus", "parse_article"]
__version__ = "0.1.0"
