"""Where eventlens finds its data files (dictionaries, ontology, training sentences)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path


@cache
def data_dir() -> Path:
    """The project's `data/` folder: $EVENTLENS_DATA, else the checkout's, else the installed copy."""
    env = os.environ.get("EVENTLENS_DATA")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    candidates += [here.parents[2] / "data", here.parent / "data"]
    for c in candidates:
        if (c / "ontology").is_dir():
            return c
    raise FileNotFoundError(
        "eventlens data folder not found; set EVENTLENS_DATA to the checkout's data/ directory"
    )
