"""Shared fixtures: the seed corpus (parsed once per session) and paths."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seeds():
    import analysis
    return analysis.load_corpus()


@pytest.fixture(scope="session")
def pages():
    """Pages written in the style of other outlets (chrome, datelines, wire copy)."""
    import analysis
    return analysis.load_corpus(FIXTURES / "pages")
