"""Where the package finds the things that live beside it in the repository, in one place.

`SEEDS` is the seed corpus (`load_corpus()` with no path), `NOTEBOOKS` the numbered notebooks. They are
looked for beside the package (a checkout or an editable install) and then in the current folder, so a
non-editable install run from a checkout still finds them; `$ARABIC_NEWS_SEEDS` overrides the seeds.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"


def _beside(name: str) -> Path:
    for base in (PACKAGE.parent, Path.cwd()):
        if (base / name).is_dir():
            return base / name
    return PACKAGE.parent / name


SEEDS = Path(os.environ["ARABIC_NEWS_SEEDS"]) if os.environ.get("ARABIC_NEWS_SEEDS") else _beside("seeds")
NOTEBOOKS = _beside("notebooks")
REPORT = Path("report")  # the default output folder of `python -m analysis report`, relative to where it runs
