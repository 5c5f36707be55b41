"""Arabic news analysis: parse Arabic articles into pandas frames with spans, chart them with correctly
shaped right-to-left labels.

    >>> import analysis
    >>> corpus = analysis.load_corpus()          # the five seed articles
    >>> corpus.troops                             # one row per troop figure, with its span
    >>> analysis.evaluate(corpus, analysis.read_gold("gold.jsonl")).scores   # fidelity against gold
"""
from .corpus import Article, Corpus, CorpusError, load_corpus, parse_article
from .evaluate import Evaluation, evaluate
from .gold import Gold, read_gold

__all__ = ["Article", "Corpus", "CorpusError", "Evaluation", "Gold", "evaluate", "load_corpus", "parse_article",
           "read_gold"]
__version__ = "0.1.0"
