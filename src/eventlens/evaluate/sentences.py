"""Code single sentences, as the sentence-level gold sets need, and pick each one's main event."""

from __future__ import annotations

from collections.abc import Sequence

from eventlens.clean import content_hash
from eventlens.model import Article, Event


def sentence_article(i: int, text: str) -> Article:
    text = " ".join(text.split())
    return Article(id=f"s{i}", uri=f"sentence:{i}", title=None, text=text,
                   content_hash=content_hash(text), paragraphs=((0, len(text)),))


def code_sentences(texts: Sequence[str], coder) -> list[list[Event]]:
    """Events of each sentence, in input order (each sentence is its own document)."""
    out: list[list[Event]] = []
    for result in coder.run(sentence_article(i, t) for i, t in enumerate(texts)):
        out.append(result.events)
    return out


def main_event(events: list[Event]) -> Event | None:
    """The event a coder would code first: the highest-confidence one among those whose
    predicate sits highest in the sentence (the main clause before its complements)."""
    if not events:
        return None
    return max(events, key=lambda e: (-min(e.depth, 3), e.confidence, -e.action.start))
